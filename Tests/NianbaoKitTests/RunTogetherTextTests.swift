import Foundation
import Testing
@testable import NianbaoKit
@testable import NianbaoSynthesis

/// A crawler's text whose table cells ran together (`申请数量801000081`):
/// split by the cell counts, no leading zeros and the identities — a number
/// stored is the one printed, or the cell is NULL with a finding.
struct RunTogetherTextTests {
    @Test func digitsAndItemNumbersAreToldApart() {
        let runs = RunTogetherTextReader.runs("（三）不予公开1.属于国家秘密00000002.其他法律行政法规禁止公开0000000收费5949.088667增减-3事项204-113642")
        #expect(runs.map(\.label) == ["（三）不予公开1.属于国家秘密", "2.其他法律行政法规禁止公开", "收费", "增减", "事项"])
        #expect(runs.map(\.number) == ["0000000", "0000000", "5949.088667", "-3", "204-113642"])
    }

    @Test func aRowLabelRunningOnFromHeaderTextIsCutAtTheKnownLabel() {
        let rows = RunTogetherTextReader.rows("第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章000", line: 1, labels: ["规章", "行政规范性文件"])
        #expect(rows.map { $0.cells.map(\.text) } == [["第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数"], ["规章", "000"]])
    }

    @Test func detectedOnlyWhereLabelsMeetTheirDigits() {
        #expect(TextLayout.detect("规章000行政许可2629（七）总计801000081") == .runTogether)
        #expect(TextLayout.detect("全年受理申请总计12件。\n规章   0   0   0\n") == .columns)
    }

    /// The real crawler page: every cell the constraints decide is exact;
    /// 行政规范性文件 (77|132|470, no identity) stays NULL with its candidates named.
    @Test(.enabled(if: TestSupport.hasCorpus, "../shared/corpus is absent")) func theCrawledPingtanPage() throws {
        let name = "pingtan-gwh-2023.crawler.txt"
        let parsed = try TestSupport.parse(TestSupport.corpus.appendingPathComponent(name))
        #expect(parsed.source.layout == .runTogether)
        let expected = try ExpectedReport(contentsOf: TestSupport.corpus.appendingPathComponent("expected/pingtan-gwh-2023.json"))
        #expect(parsed.report.bureau == expected.bureau)
        #expect(parsed.report.year == 2023)
        #expect(parsed.report.metadata.publishedOn == "2024-03-08")
        let undecided = ["proactive.normative_doc.issued", "proactive.normative_doc.repealed", "proactive.normative_doc.in_force"]
        let problems = expected.mismatches(in: parsed.report).filter { problem in !undecided.contains { problem.hasPrefix($0 + ":") } }
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
        for key in undecided { #expect(parsed.report.cells[key]?.status == .ambiguous && parsed.report.cells[key]?.value == nil) }
        #expect(parsed.report.findings.contains { $0.rule == "ambiguous_row" && $0.message.contains("77132470") && $0.message.contains("7|7|132470") })
        #expect(parsed.report.cells["requests.new.natural_person"]?.flags == ["split_by_identities"])
        #expect(!parsed.report.findings.contains { $0.severity == .error }, "\(parsed.report.findings.filter { $0.severity == .error })")
    }

    /// Random reports of both templates, small and four- to five-digit
    /// values, zeros everywhere, in the run-together layout: every stored
    /// cell equals the printed one. The share of cells decided is measured.
    @Test func randomReportsNeverStoreAWrongNumber() throws {
        var tally = CellTally()
        var perSection: [String: (decided: Int, total: Int)] = [:]
        for seed in UInt64(0)..<1000 {
            var synthesizer = ReportSynthesizer(seed: 5_000 + seed)
            let version: TemplateVersion = seed % 2 == 0 ? .v2021 : .v2019
            let report = synthesizer.make(
                bureau: "样例县应急管理局", year: version == .v2021 ? 2022 : 2020, version: version, blankZeros: false,
                largeCounts: seed % 4 == 3)
            let parsed = try ReportParser().parse(Array(RunTogetherTextRenderer.render(report).utf8), path: "crawled-\(seed).txt")
            tally.add(parsed.report, truth: report, name: "seed \(seed)")
            for (key, _) in report.cells {
                let section = key.hasPrefix("proactive") ? "二" : key.hasPrefix("review") || key.hasPrefix("litigation") ? "四" : "三"
                perSection[section, default: (0, 0)].total += 1
                if parsed.report.cells[key]?.value != nil { perSection[section, default: (0, 0)].decided += 1 }
            }
        }
        #expect(tally.wrongCells.isEmpty, "\(tally.wrongCells.prefix(10).joined(separator: "\n"))")
        let shares = perSection.keys.sorted().map { section in
            String(format: "%@ %.1f %%", section, 100 * Double(perSection[section]!.decided) / Double(perSection[section]!.total))
        }
        print("run-together cells decided per section: \(shares.joined(separator: ", ")); \(tally.summary)")
        #expect(Double(tally.exact) >= 0.5 * Double(tally.total), "\(tally.summary)")
    }
}
