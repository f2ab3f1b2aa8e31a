import Foundation
import Testing
@testable import NianbaoKit

/// Real reports from `../shared/corpus` must import with every hand-checked cell exact.
@Suite(.enabled(if: TestSupport.hasCorpus, "../shared/corpus is absent: real-document tests skipped"))
struct CorpusTests {
    /// Corpus documents this build reads, with their expected files.
    static let documents = [
        "shanting-emergency-2021.docx.txt", "shanghai-gov-office-2019.html", "shuyang-fagaiju-2023.html",
        "hongze-2024.pdf", "shuyang-county-gov-2025.ocr.md", "shanghai-kewei-2024.pdf-extract.md",
    ]

    @Test(arguments: documents)
    func everyExpectedCellIsExact(_ name: String) throws {
        let expected = try ExpectedReport(
            contentsOf: TestSupport.corpus.appendingPathComponent("expected")
                .appendingPathComponent(name.components(separatedBy: ".").first! + ".json"))
        let parsed = try TestSupport.parse(TestSupport.corpus.appendingPathComponent(name))
        let report = parsed.report
        #expect(([expected.bureau] + expected.bureauAliases).contains(report.bureau))
        #expect(report.year == expected.year)
        #expect(report.version == expected.template)
        let problems = expected.mismatches(in: report)
        #expect(problems.isEmpty, "\(problems.count) cells differ:\n\(problems.joined(separator: "\n"))")
        #expect(!report.findings.contains { $0.severity == .error }, "\(report.findings)")
    }

    @Test func shantingHas200CellsAndNoFindings() throws {
        let report = try TestSupport.parse(TestSupport.corpus.appendingPathComponent("shanting-emergency-2021.docx.txt")).report
        #expect(report.cells.count == 200)
        #expect(report.cells.values.allSatisfy { $0.status == .reported })
        #expect(report.findings.isEmpty, "\(report.findings)")
        #expect(report.cells["proactive.penalty.decisions"]?.value == ExactDecimal(78))
        #expect(report.metadata.title == "2021年山亭区应急局政府信息公开工作年度报告")
        #expect(report.metadata.periodYear == 2021)
    }

    /// The three rows that lost their labels are placed by their labelled
    /// neighbours: their cells come from the unlabeled lines of the file.
    @Test func unlabeledRowsLandBetweenTheirAnchors() throws {
        let url = TestSupport.corpus.appendingPathComponent("shanting-emergency-2021.docx.txt")
        let lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
        let report = try TestSupport.parse(url).report
        for key in ["outcome.denied.third_party", "outcome.denied.process_info", "outcome.denied.admin_query"] {
            let locator = try #require(report.cells[key + ".natural_person"]?.locator)
            let lineText = try #require(locator.components(separatedBy: "line ").last)
            let line = try #require(Int(lineText))
            // The unlabeled rows start on a line with a space before the tab.
            #expect(lines[line - 1] == " \t0", "\(key) read from line \(line): \(lines[line - 1])")
            let previous = lines[..<(line - 1)].last { $0.contains(".") && !$0.hasPrefix(" ") }
            let anchors = [
                "outcome.denied.third_party": "3.危及", "outcome.denied.process_info": "5.属于三类",
                "outcome.denied.admin_query": "7.属于行政执法",
            ]
            #expect(previous?.contains(anchors[key]!) == true, "\(key) follows \(previous ?? "nothing")")
        }
    }
}

/// What the real HTML pages carry besides their cells.
@Suite(.enabled(if: TestSupport.hasCorpus, "../shared/corpus is absent: real-document tests skipped"))
struct CorpusHTMLTests {
    @Test func shanghaiBlankTotalsAreDerivedAndTheAmountConverted() throws {
        let parsed = try TestSupport.parse(TestSupport.corpus.appendingPathComponent("shanghai-gov-office-2019.html"))
        let report = parsed.report
        #expect(parsed.source.format == .html)
        #expect(parsed.source.encoding == .utf8)
        #expect(report.metadata.publishedOn == "2020-01-31")
        #expect(report.metadata.periodYear == 2019)
        let amount = try #require(report.cells["proactive.procurement.amount_10k_yuan"])
        #expect(amount.value?.description == "25.1")
        #expect(amount.raw == "251000元")
        #expect(amount.flags.contains("converted_from_yuan"))
        // The colspan shift of section 二: 本年增/减 sits under a two-column header.
        #expect(report.cells["proactive.license.items_change"]?.status == .reported)
        #expect(report.cells["outcome.granted.total"]?.status == .derived)
        #expect(report.cells["outcome.granted.total"]?.value == ExactDecimal(272))
        #expect(report.cells["outcome.partial.org_commercial"]?.status == .blank)
        #expect(report.findings.isEmpty, "\(report.findings)")
    }

    @Test func shuyangIsFoundInsideTheCMSPage() throws {
        let parsed = try TestSupport.parse(TestSupport.corpus.appendingPathComponent("shuyang-fagaiju-2023.html"))
        let report = parsed.report
        #expect(report.bureau == "沭阳县发展和改革局")
        #expect(report.metadata.publishedOn == "2024-01-17")
        #expect(report.cells["requests.new.org_commercial"]?.status == .blank)
        #expect(!report.findings.contains { $0.severity != .info }, "\(report.findings)")
    }
}
