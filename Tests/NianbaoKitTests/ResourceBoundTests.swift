import Foundation
import Testing
@testable import NianbaoKit
@testable import NianbaoSynthesis

/// What one file may cost: text beyond ``ReportParser/maximumTextSize`` is
/// refused, inline images do not count, spans cannot multiply cells past the
/// ``CellBudget``, and large text files are parsed one at a time.
@Suite struct ResourceBoundTests {
    static let synthetic = RoundTrip.report(seed: 21, version: .v2021)

    /// The synthetic page with `padding` just before `</body>`.
    static func page(padding: String) -> [UInt8] {
        let html = String(decoding: HTMLReportRenderer.render(synthetic), as: UTF8.self)
        let end = html.range(of: "</body>")!.lowerBound
        return Array((String(html[..<end]) + padding + String(html[end...])).utf8)
    }

    static func failure(_ bytes: [UInt8], path: String) -> String? { TestSupport.failure(bytes, path: path) }

    @Test func textBeyondTheLimitIsRefusedWithItsSize() throws {
        let prose = String(repeating: "<p>政府信息公开工作持续推进。</p>\n", count: (ReportParser.maximumTextSize / 40) + 1_000)
        let reason = try #require(Self.failure(Self.page(padding: prose), path: "big.html"))
        #expect(reason.contains("more than the 4 MB a report ever needs"), "\(reason)")
        let text = TextReportRenderer.render(Self.synthetic) + String(repeating: "政府信息公开工作持续推进。\n", count: 20 << 20 / 40)
        let textReason = try #require(Self.failure(Array(text.utf8), path: "big.txt"))
        #expect(textReason.contains("MB of text") && !textReason.contains("\n"), "\(textReason)")
    }

    /// A page large only through an inline image is read whole.
    @Test func inlineImagesDoNotCountTowardsTheLimit() throws {
        let image = "<p><img src=\"data:image/png;base64," + String(repeating: "iVBORw0KGgoAAAANSUhEUgAA", count: (8 << 20) / 24) + "\"/></p>"
        let parsed = try ReportParser().parse(Self.page(padding: image), path: "image.html")
        #expect(RoundTrip.mismatches(parsed, Self.synthetic).isEmpty)
        #expect(InlineImages.removed(from: Array("<img src=\"data:image/png;base64,QUJD\">".utf8)) == Array("<img src=\"data:image/png;base64,QUJD\">".utf8))
    }

    /// 40 000 rows of four `colspan=64 rowspan=64` cells would be 10 million
    /// grid cells; the budget stops the reader and the report says so.
    @Test func spansCannotMultiplyCellsPastTheBudget() throws {
        let spans = String(repeating: "<tr>" + String(repeating: #"<td colspan="64" rowspan="64">x</td>"#, count: 4) + "</tr>", count: 20_000)
        let bytes = Self.page(padding: "<table>" + spans + "</table>")
        let document = HTMLReader.read(String(decoding: bytes, as: UTF8.self))
        #expect(document.tables.reduce(0) { $0 + $1.rows.reduce(0) { $0 + $1.cells.count } } <= CellBudget.maximumCells)
        #expect(document.unreadRest == CellBudget.reason)
        let parsed = try ReportParser().parse(bytes, path: "spans.html")
        #expect(RoundTrip.mismatches(parsed, Self.synthetic).isEmpty, "the report's own tables come first")
        #expect(parsed.report.findings.contains { $0.rule == "unread_content" && $0.message.contains("100 000 table cells") })
    }

    @Test func wordGridSpansShareTheBudget() throws {
        let cell = #"<w:tc><w:tcPr><w:gridSpan w:val="64"/></w:tcPr><w:p/></w:tc>"#
        let rows = String(repeating: "<w:tr>" + String(repeating: cell, count: 4) + "</w:tr>", count: 2_000)
        let xml = DOCXReaderTests.documentXML("<w:tbl>" + rows + "</w:tbl>")
        let document = try DOCXReader.read([UInt8](try DOCXReportRenderer.package(xml)))
        #expect(document.tables.first?.rows.reduce(0) { $0 + $1.cells.count } == CellBudget.maximumCells)
        #expect(document.unreadRest == CellBudget.reason)
    }

    @Test func largeTextFilesAreParsedAlone() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { TestSupport.cleanUp(directory) }
        func file(_ name: String, _ bytes: [UInt8]) throws -> String {
            let url = directory.appendingPathComponent(name)
            try Data(bytes).write(to: url)
            return url.path
        }
        let small = try file("small.html", Self.page(padding: ""))
        let large = try file("large.html", Self.page(padding: String(repeating: "<p>x</p>\n", count: 200_000)))
        let word = try file("large.docx", [0x50, 0x4B, 0x03, 0x04] + [UInt8](repeating: 0, count: 2 << 20))
        #expect(!Exclusive.needed(small))
        #expect(Exclusive.needed(large))
        #expect(!Exclusive.needed(word), "a Word document's text is capped whatever its size")
        #expect(Exclusive.needed(try file("huge.docx", [0x50, 0x4B, 0x03, 0x04] + [UInt8](repeating: 0, count: 17 << 20))))
    }
}
