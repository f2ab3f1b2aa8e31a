import Foundation
import NianbaoKit
import NianbaoSynthesis

/// `--crawled N`: N random reports (both templates, small and four- to
/// five-digit values) rendered as a crawler saves the page, cells run
/// together, and parsed back: cells exact, NULL and wrong, the share decided
/// per section and the time per report.
struct CrawledRoundTrip {
    let count: Int
    let seed: UInt64

    func run(say: (String) -> Void) throws {
        let parser = ReportParser()
        var tally = CellTally()
        var decided: [String: (cells: Int, of: Int)] = [:]
        var seconds: [Double] = []
        for index in 0..<count {
            var synthesizer = ReportSynthesizer(seed: seed &* 7_919 &+ UInt64(index))
            let version: TemplateVersion = index % 2 == 0 ? .v2021 : .v2019
            let report = synthesizer.make(
                bureau: CorpusGenerator.bureau(index), year: version == .v2021 ? 2022 : 2020, version: version,
                largeCounts: index % 4 == 3)
            let bytes = Array(RunTogetherTextRenderer.render(report).utf8)
            var parsed: ParsedReport?
            seconds.append(try Clock.seconds { parsed = try parser.parse(bytes, path: "crawled-\(index).txt") })
            guard let parsed else { continue }
            tally.add(parsed.report, truth: report, name: "crawled-\(index)")
            for key in report.cells.keys {
                let section = key.hasPrefix("proactive") ? "二" : key.hasPrefix("review") || key.hasPrefix("litigation") ? "四" : "三"
                decided[section, default: (0, 0)].of += 1
                if parsed.report.cells[key]?.value != nil { decided[section, default: (0, 0)].cells += 1 }
            }
        }
        let sorted = seconds.sorted()
        say("crawled text (cells run together), \(count) reports: \(tally.summary)")
        say("decided per section: " + decided.keys.sorted().map { String(format: "%@ %.1f %%", $0, 100 * Double(decided[$0]!.cells) / Double(decided[$0]!.of)) }.joined(separator: ", "))
        say(String(format: "per report (decode, read, split, extract, validate): median %.2f ms, p95 %.2f ms, slowest %.1f ms",
            sorted[sorted.count / 2] * 1000, sorted[sorted.count * 95 / 100] * 1000, sorted.last! * 1000))
        for line in tally.wrongCells.prefix(10) { say("  " + line) }
    }
}
