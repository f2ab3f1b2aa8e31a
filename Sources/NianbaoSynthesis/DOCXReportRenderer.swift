import Foundation
import NianbaoKit
import ZIPFoundation

/// Writes a ``SyntheticReport`` as a Word document (.docx): a ZIP made with
/// ZIPFoundation holding `[Content_Types].xml`, `_rels/.rels` and
/// `word/document.xml`.
///
/// The body mirrors ``HTMLReportRenderer``'s page cell for cell: title,
/// publication date, preamble and section headings as `w:p`, the three
/// statistics tables as `w:tbl` built from the same ``PrintedTemplate``
/// layouts, column spans as `w:gridSpan`, row spans as `w:vMerge` (a
/// `restart` cell, then a `continue` cell in every row below it; Word writes
/// both the bare `<w:vMerge/>` and `w:val="continue"`). As Word does after
/// editing, the text of labels and numbers is split over several `w:r` runs,
/// with proofing marks and bookmarks between them. Blank cells are empty
/// paragraphs, so a reader gets back exactly the report's cells, blanks included.
public enum DOCXReportRenderer {
    /// The .docx bytes of `report`.
    /// - Parameter splitRuns: cut label and number text over several runs.
    /// - Parameter style: column width, font size and filler prose (for PDFs printed from it).
    public static func render(_ report: SyntheticReport, splitRuns: Bool = true, style: DOCXPrintStyle = .standard) throws -> Data {
        try package(documentXML(report, splitRuns: splitRuns, style: style))
    }

    /// A minimal Word package around `documentXML`, deflated.
    public static func package(_ documentXML: String) throws -> Data {
        try archive([
            ("[Content_Types].xml", Data(contentTypes.utf8)),
            ("_rels/.rels", Data(relationships.utf8)),
            ("word/document.xml", Data(documentXML.utf8)),
        ])
    }

    /// A ZIP archive of `entries` (path, bytes), deflated, with a fixed date
    /// so the same report always gives the same bytes.
    public static func archive(_ entries: [(path: String, data: Data)]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        let date = Date(timeIntervalSince1970: 1_735_689_600)  // 2025-01-01
        for (path, data) in entries {
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: date,
                compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }

    static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/word/document.xml" \
        ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
        </Types>
        """

    static let relationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" \
        Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
        Target="word/document.xml"/></Relationships>
        """

    // MARK: - Body

    /// `word/document.xml` of `report`.
    public static func documentXML(_ report: SyntheticReport, splitRuns: Bool = true, style: DOCXPrintStyle = .standard) -> String {
        var writer = Writer(splitRuns: splitRuns, style: style)
        var body = writer.paragraph(report.title, centered: true, bold: true)
        body += writer.paragraph("发布日期：" + report.publishedOn, centered: true)
        body += writer.paragraph(PrintedTemplate.preamble(report))
        let layouts = PrintedTemplate.tables(report.version)
        for (index, heading) in PrintedTemplate.headings.enumerated() {
            if heading == PrintedTemplate.heading(.requests) {
                for _ in 0..<style.fillerParagraphs { body += writer.paragraph(DOCXPrintStyle.filler) }
            }
            body += writer.paragraph(heading, bold: true)
            if let prose = PrintedTemplate.prose(index, report) { body += writer.paragraph(prose) }
            guard let layout = layouts.first(where: { PrintedTemplate.heading($0.section) == heading }) else { continue }
            body += writer.table(layout, report)
        }
        return #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
            + #"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" "#
            + #"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>"#
            + body
            + #"<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1800" w:bottom="1440" w:left="1800" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>"#
            + "</w:body></w:document>\n"
    }

    /// Builds the body's XML; counts bookmarks and cells so the splits vary but never randomly.
    struct Writer {
        let splitRuns: Bool
        let style: DOCXPrintStyle
        /// Width of a grid column in the table being written.
        private var columnTwips = 720
        /// A4 less the margins of `w:pgMar`.
        static let textWidthTwips = 11906 - 2 * 1800
        private var bookmarks = 0
        private var cells = 0

        init(splitRuns: Bool, style: DOCXPrintStyle) {
            self.splitRuns = splitRuns
            self.style = style
        }

        var font: String {
            #"<w:rPr><w:rFonts w:ascii="仿宋_GB2312" w:eastAsia="仿宋_GB2312" w:hint="eastAsia"/><w:sz w:val="\#(style.fontHalfPoints)"/></w:rPr>"#
        }

        /// A `w:p` with `text` in one run (prose) or several (labels).
        mutating func paragraph(_ text: String, centered: Bool = false, bold: Bool = false, split: Bool = false) -> String {
            var xml = "<w:p>"
            if centered { xml += #"<w:pPr><w:jc w:val="center"/></w:pPr>"# }
            let properties = bold ? #"<w:rPr><w:b/><w:bCs/></w:rPr>"# : font
            if text.isEmpty { return xml + "</w:p>" }
            let pieces = split && splitRuns ? Self.pieces(text, variant: cells) : [text]
            for (index, piece) in pieces.enumerated() {
                if index > 0 {
                    // What Word leaves between runs after editing.
                    switch (cells + index) % 3 {
                    case 0: xml += #"<w:proofErr w:type="spellStart"/>"#
                    case 1:
                        bookmarks += 1
                        xml += #"<w:bookmarkStart w:id="\#(bookmarks)" w:name="_Hlk\#(1000 + bookmarks)"/><w:bookmarkEnd w:id="\#(bookmarks)"/>"#
                    default: break
                    }
                }
                xml += "<w:r>" + properties + #"<w:t xml:space="preserve">"# + escape(piece) + "</w:t></w:r>"
            }
            return xml + "</w:p>"
        }

        /// `text` cut into two or three runs: "13" + "47", "规" + "章", "本年新" + "制作" + "数量".
        static func pieces(_ text: String, variant: Int) -> [String] {
            let characters = Array(text)
            guard characters.count >= 2 else { return [text] }
            if characters.count >= 6 && variant % 2 == 0 {
                let a = characters.count / 3, b = 2 * characters.count / 3
                return [String(characters[..<a]), String(characters[a..<b]), String(characters[b...])]
            }
            let cut = 1 + variant % (characters.count - 1)
            return [String(characters[..<cut]), String(characters[cut...])]
        }

        /// A `w:tbl` for `layout`: the grid, then every row with its spans.
        mutating func table(_ layout: PrintedTemplate.Layout, _ report: SyntheticReport) -> String {
            let width = layout.rows.first.map { $0.reduce(0) { $0 + $1.columnSpan } } ?? 1
            // A table never runs off the page: columns narrow to fit the text width.
            columnTwips = min(style.columnTwips, Self.textWidthTwips / width)
            var xml = #"<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:jc w:val="center"/><w:tblBorders>"#
                + #"<w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/>"#
                + #"<w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/>"#
                + #"<w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/>"#
                + #"</w:tblBorders><w:tblLook w:val="04A0"/></w:tblPr><w:tblGrid>"#
            xml += String(repeating: #"<w:gridCol w:w="\#(columnTwips)"/>"#, count: width) + "</w:tblGrid>"
            // Grid columns still covered by a row span from above: (remaining rows, column span).
            var covered: [Int: (rows: Int, columns: Int)] = [:]
            for row in layout.rows {
                xml += "<w:tr>"
                var cells = row[...]
                var column = 0
                while !cells.isEmpty || covered.keys.contains(where: { $0 >= column }) {
                    if let span = covered[column] {
                        xml += continuation(columns: span.columns)
                        covered[column] = span.rows > 1 ? (span.rows - 1, span.columns) : nil
                        column += span.columns
                        continue
                    }
                    guard let cell = cells.popFirst() else { break }
                    xml += self.cell(cell, report)
                    if cell.rowSpan > 1 { covered[column] = (cell.rowSpan - 1, cell.columnSpan) }
                    column += cell.columnSpan
                }
                xml += "</w:tr>"
            }
            return xml + "</w:tbl>" + "<w:p/>"
        }

        /// An origin cell: its spans, then its text (a number, a label or a header).
        mutating func cell(_ cell: PrintedTemplate.Cell, _ report: SyntheticReport) -> String {
            cells += 1
            var properties = #"<w:tcW w:w="\#(columnTwips * cell.columnSpan)" w:type="dxa"/>"#
            if cell.columnSpan > 1 { properties += #"<w:gridSpan w:val="\#(cell.columnSpan)"/>"# }
            if cell.rowSpan > 1 { properties += #"<w:vMerge w:val="restart"/>"# }
            properties += #"<w:vAlign w:val="center"/>"#
            let text = cell.role == .value ? report.value(cell.text)?.description ?? "" : cell.text
            return "<w:tc><w:tcPr>" + properties + "</w:tcPr>"
                + paragraph(text, centered: cell.role != .rowLabel, split: true) + "</w:tc>"
        }

        /// A cell covered by a row span from above: `<w:vMerge/>` or `w:val="continue"`.
        mutating func continuation(columns: Int) -> String {
            cells += 1
            var properties = #"<w:tcW w:w="\#(columnTwips * columns)" w:type="dxa"/>"#
            if columns > 1 { properties += #"<w:gridSpan w:val="\#(columns)"/>"# }
            properties += cells % 2 == 0 ? "<w:vMerge/>" : #"<w:vMerge w:val="continue"/>"#
            return "<w:tc><w:tcPr>" + properties + "</w:tcPr><w:p/></w:tc>"
        }
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
