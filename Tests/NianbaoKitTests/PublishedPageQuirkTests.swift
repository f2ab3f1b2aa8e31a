import Foundation
import Testing
@testable import NianbaoKit
@testable import NianbaoSynthesis

/// Two quirks of published pages: a Word table ending in a filler row of
/// empty cells, and text tables written `label | a | b |` without the leading pipe.
struct PublishedPageQuirkTests {
    /// Section 四 with a row of fifteen `&nbsp;` cells under its numbers: the
    /// fifteen numbers are read, not "30 values for 15 cells".
    @Test func aFillerRowOfEmptyCellsUnderSectionFour() throws {
        let synthetic = RoundTrip.report(seed: 4, version: .v2021, blankZeros: false)
        let page = HTMLReportRenderer.page(synthetic)
        let end = try #require(page.range(of: "</table>", options: .backwards))
        let filler = "<tr>" + String(repeating: "<td>&nbsp;</td>", count: 15) + "</tr>"
        let parsed = try ReportParser().parse(Array(page.replacingCharacters(in: end, with: filler + "</table>").utf8), path: "filler.html")
        for key in MetricCatalog.standard.appealKeys {
            #expect(parsed.report.cells[key]?.value == synthetic.value(key), "\(key)")
        }
        #expect(!parsed.report.findings.contains { $0.message.contains("values for 15 cells") })
    }

    /// Every table row as `label | a | b |`: read as a pipe table, every cell exact.
    @Test(arguments: TemplateVersion.allCases)
    func pipeRowsWithoutTheLeadingPipe(_ version: TemplateVersion) throws {
        let synthetic = RoundTrip.report(seed: 7, version: version, blankZeros: false)
        var lines = [synthetic.title, PrintedTemplate.preamble(synthetic)]
        for (index, heading) in PrintedTemplate.headings.enumerated() {
            lines.append(heading)
            if let prose = PrintedTemplate.prose(index, synthetic) { lines.append(prose) }
            guard let layout = PrintedTemplate.tables(version).first(where: { PrintedTemplate.heading($0.section) == heading }) else { continue }
            for row in layout.rows {
                lines.append(row.map { $0.role == .value ? synthetic.value($0.text)?.description ?? "" : $0.text }.joined(separator: " | ") + " |")
            }
            lines.append("")
        }
        let text = lines.joined(separator: "\n")
        #expect(TextLayout.detect(text) == .markdown)
        let parsed = try ReportParser().parse(Array(text.utf8), path: "pipes.txt")
        let problems = RoundTrip.mismatches(parsed, synthetic)
        #expect(problems.isEmpty, "\(RoundTrip.summary(problems, limit: 8))")
    }
}
