import Foundation
import Testing
@testable import NianbaoKit
@testable import NianbaoSynthesis

/// Section 二 rows whose cells do not all stand under a header.
struct ProactiveSectionReaderTests {
    /// A number under no header (a stray cell after the last column, as a
    /// PDF's geometry leaves a number it cannot place) is never dropped while
    /// the row's other cells are stored: the row is NULL with a finding.
    @Test func aNumberUnderNoHeaderMakesTheRowAmbiguous() throws {
        let synthetic = RoundTrip.report(seed: 3, version: .v2019, blankZeros: false)
        let page = HTMLReportRenderer.page(synthetic)
        let label = try #require(page.range(of: "行政许可"))
        let end = try #require(page.range(of: "</tr>", range: label.upperBound..<page.endIndex))
        let stray = page.replacingCharacters(in: end, with: "<td>8</td></tr>")
        let parsed = try ReportParser().parse(Array(stray.utf8), path: "stray.html")
        for column in ["items_prev_year", "items_change", "decisions"] {
            let cell = parsed.report.cells["proactive.license." + column]
            #expect(cell?.status == .ambiguous, "\(column): \(cell?.status.rawValue ?? "none")")
            #expect(cell?.value == nil)
        }
        #expect(parsed.report.findings.contains { $0.rule == "ambiguous_row" && $0.metric == "proactive.license" })
        // The same page without the stray reads the row as printed.
        let clean = try ReportParser().parse(Array(page.utf8), path: "clean.html")
        #expect(clean.report.cells["proactive.license.decisions"]?.value == synthetic.value("proactive.license.decisions"))
    }
}
