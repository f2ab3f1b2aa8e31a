import Foundation
import Testing
@testable import NianbaoKit
@testable import NianbaoSynthesis

/// Compares an imported report with the synthetic report it was rendered from.
enum RoundTrip {
    static let bureaus = [
        "上海市人民政府办公厅", "沭阳县发展和改革局", "淮安市洪泽区人民政府", "南京市栖霞区交通运输局",
        "昆明市应急管理局", "重庆市开州区公安局", "广州市人民政府办公厅", "朝阳市自然资源局",
    ]

    /// The synthetic report for `seed` and `version`: bureau, year and blanks vary with the seed.
    static func report(seed: UInt64, version: TemplateVersion, blankZeros: Bool? = nil) -> SyntheticReport {
        var synthesizer = ReportSynthesizer(seed: seed)
        let years = version == .v2019 ? [2019, 2020] : [2021, 2022, 2023, 2024, 2025]
        return synthesizer.make(
            bureau: bureaus[Int(seed % UInt64(bureaus.count))], year: years[Int(seed % UInt64(years.count))],
            version: version, blankZeros: blankZeros ?? (seed % 3 == 1))
    }

    /// Every difference between what was imported and the synthetic facts, one line each.
    static func mismatches(_ parsed: ParsedReport, _ synthetic: SyntheticReport) -> [String] {
        let report = parsed.report
        var problems: [String] = []
        if report.bureau != synthetic.bureau { problems.append("bureau: expected \(synthetic.bureau), got \(report.bureau)") }
        if report.year != synthetic.year { problems.append("year: expected \(synthetic.year), got \(report.year)") }
        if report.version != synthetic.version {
            problems.append("version: expected \(synthetic.version.rawValue), got \(report.version.rawValue)")
            return problems
        }
        for key in synthetic.cells.keys.sorted(by: { MetricCatalog.standard.order(of: $0) < MetricCatalog.standard.order(of: $1) }) {
            let expected = synthetic.value(key)
            guard let cell = report.cells[key] else {
                problems.append("\(key): expected \(expected?.description ?? "blank"), not stored")
                continue
            }
            let ok = expected.map { cell.status == .reported && cell.value == $0 } ?? (cell.status == .blank)
            if !ok {
                problems.append(
                    "\(key): expected \(expected?.description ?? "blank"), got \(cell.status.rawValue) "
                        + "\(cell.value?.description ?? "nil") raw \(cell.raw.map { "“\($0)”" } ?? "nil") at \(cell.locator ?? "?")")
            }
        }
        for (key, cell) in report.cells where synthetic.cells[key] == nil && cell.status != .missing {
            problems.append("\(key): not in the report, stored as \(cell.status.rawValue) \(cell.value?.description ?? "")")
        }
        for finding in report.findings where finding.severity == .error {
            problems.append("finding \(finding.rule): \(finding.message)")
        }
        return problems
    }

    /// Renders, imports and compares; the problems (empty when the round trip is exact).
    static func html(
        _ synthetic: SyntheticReport, quirks: HTMLQuirks, charset: HTMLCharset = .utf8
    ) -> (parsed: ParsedReport?, problems: [String]) {
        let bytes = HTMLReportRenderer.render(synthetic, quirks: quirks, charset: charset)
        do {
            let parsed = try ReportParser().parse(bytes, path: "synthetic.html")
            return (parsed, mismatches(parsed, synthetic))
        } catch {
            return (nil, ["import failed: \(error.reason)"])
        }
    }

    /// A summary for a failing expectation: the first few problems and how many there are.
    static func summary(_ problems: [String], limit: Int = 12) -> String {
        let shown = problems.prefix(limit).joined(separator: "\n  ")
        return "\(problems.count) problems:\n  " + shown + (problems.count > limit ? "\n  …" : "")
    }
}

/// Property test: whatever the synthesiser makes, rendering it and importing
/// the page gives back every cell exactly, with no error findings.
@Suite struct RoundTripTests {
    static let seeds = UInt64(0)..<30

    /// Combinations seen together on real pages (report-format.md §11).
    static let combinations: [HTMLQuirks] = [
        [],
        [.spanSoup, .layoutWrapper],
        [.traditionalLabels, .splitLabels, .fullWidthDigits],
        [.missingCaptions, .proseBetweenHeadingAndTable, .spanSoup],
        [.layoutWrapper, .traditionalLabels, .missingCaptions, .proseBetweenHeadingAndTable, .splitLabels, .fullWidthDigits, .spanSoup],
        [.flattenedParagraphs, .spanSoup],
        [.flattenedParagraphs, .traditionalLabels, .splitLabels, .fullWidthDigits, .missingCaptions, .spanSoup],
    ]

    @Test(arguments: TemplateVersion.allCases, combinations)
    func htmlRoundTripIsExact(_ version: TemplateVersion, _ quirks: HTMLQuirks) {
        var failures: [String] = []
        for seed in Self.seeds {
            let synthetic = RoundTrip.report(seed: seed, version: version)
            let (_, problems) = RoundTrip.html(synthetic, quirks: quirks)
            if !problems.isEmpty { failures.append("seed \(seed): " + RoundTrip.summary(problems, limit: 4)) }
        }
        #expect(failures.isEmpty, "\(quirks.name) \(version.rawValue): \(failures.count) of \(Self.seeds.count) seeds fail\n\(failures.prefix(3).joined(separator: "\n"))")
    }

    @Test(arguments: TemplateVersion.allCases)
    func plainTextRoundTripIsExact(_ version: TemplateVersion) {
        var failures: [String] = []
        for seed in Self.seeds {
            let synthetic = RoundTrip.report(seed: seed, version: version)
            let text = TextReportRenderer.render(synthetic)
            do {
                let parsed = try ReportParser().parse(Array(text.utf8), path: "synthetic.txt")
                #expect(parsed.source.format == .text)
                let problems = RoundTrip.mismatches(parsed, synthetic)
                if !problems.isEmpty { failures.append("seed \(seed): " + RoundTrip.summary(problems, limit: 4)) }
            } catch {
                failures.append("seed \(seed): import failed: \(error.reason)")
            }
        }
        #expect(failures.isEmpty, "text \(version.rawValue): \(failures.count) of \(Self.seeds.count) seeds fail\n\(failures.prefix(3).joined(separator: "\n"))")
    }

    /// Each quirk alone, on a page that declares gb2312 and is GB18030 bytes.
    @Test(arguments: HTMLQuirks.named.map(\.name), TemplateVersion.allCases)
    func eachQuirkWithGB2312ImportsExactly(_ name: String, _ version: TemplateVersion) throws {
        let quirk = try #require(HTMLQuirks.named.first { $0.name == name }?.quirk)
        var failures: [String] = []
        for seed in UInt64(100)..<110 {
            let synthetic = RoundTrip.report(seed: seed, version: version)
            let (parsed, problems) = RoundTrip.html(synthetic, quirks: quirk, charset: .gb2312)
            if let parsed {
                #expect(parsed.source.encoding == .gb18030, "seed \(seed)")
                #expect(parsed.source.format == .html)
            }
            if !problems.isEmpty { failures.append("seed \(seed): " + RoundTrip.summary(problems, limit: 4)) }
        }
        #expect(failures.isEmpty, "\(name) \(version.rawValue) gb2312: \(failures.count) of 10 seeds fail\n\(failures.prefix(3).joined(separator: "\n"))")
    }

    /// The page metadata survives too: title, statistics period, publication date.
    @Test(arguments: TemplateVersion.allCases)
    func metadataRoundTrips(_ version: TemplateVersion) throws {
        let synthetic = RoundTrip.report(seed: 11, version: version)
        let (parsed, problems) = RoundTrip.html(synthetic, quirks: [.layoutWrapper, .spanSoup])
        let report = try #require(parsed, "\(problems)").report
        #expect(report.metadata.title == synthetic.title)
        #expect(report.metadata.periodYear == synthetic.year)
        #expect(report.metadata.publishedOn == synthetic.publishedOn)
    }
}
