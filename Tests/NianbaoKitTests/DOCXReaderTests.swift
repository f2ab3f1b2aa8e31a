import Foundation
import Testing
import ZIPFoundation
@testable import NianbaoKit
@testable import NianbaoSynthesis

/// Word documents: LibreOffice's own .docx files, `w:gridSpan` / `w:vMerge`
/// grids, text split over runs, and archives that must be refused (zip bombs,
/// too many entries, no document part, garbage), none of them crashing.
@Suite struct DOCXReaderTests {
    // MARK: - Helpers

    static let namespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    /// A `word/document.xml` around `body`.
    static func documentXML(_ body: String) -> String {
        #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="\#(namespace)"><w:body>"#
            + body + "</w:body></w:document>"
    }

    /// A table cell with text in one run; `span` is `w:gridSpan`, `merge` the `w:vMerge` element.
    static func cell(_ text: String, span: Int = 1, merge: String? = nil) -> String {
        var properties = span > 1 ? #"<w:gridSpan w:val="\#(span)"/>"# : ""
        if let merge { properties += merge }
        let run = text.isEmpty ? "" : "<w:r><w:t>\(text)</w:t></w:r>"
        return "<w:tc><w:tcPr>\(properties)</w:tcPr><w:p>\(run)</w:p></w:tc>"
    }

    /// A .docx holding `body` as its document, read back.
    static func read(_ body: String) throws -> Document {
        try DOCXReader.read([UInt8](try DOCXReportRenderer.package(documentXML(body))))
    }

    /// The cells of a table as (text, span, column continuation, row continuation).
    static func grid(_ table: Table) -> [[String]] {
        table.rows.map { row in
            row.cells.map { cell in
                cell.text + (cell.columnSpan > 1 ? "/\(cell.columnSpan)" : "") + (cell.isColumnContinuation ? "→" : "")
                    + (cell.isRowContinuation ? "↓" : "")
            }
        }
    }

    /// Why `bytes` cannot be imported, or nil when they can.
    static func failure(_ bytes: [UInt8], path: String = "report.docx") -> String? {
        TestSupport.failure(bytes, path: path)
    }

    // MARK: - LibreOffice documents

    @Test(arguments: ["synthetic-v2021-libreoffice", "synthetic-v2019-libreoffice"])
    func libreOfficeDocumentImportsEveryCellExactly(_ name: String) throws {
        let synthetic = try FormatFixtures.expected(name + ".json")
        let bytes = try FormatFixtures.bytes(name + ".docx")
        #expect(DocumentFormat.detect(bytes) == .docx)
        let parsed = try ReportParser().parse(bytes, path: name + ".docx")
        #expect(parsed.source.format == .docx)
        let problems = RoundTrip.mismatches(parsed, synthetic)
        #expect(problems.isEmpty, "\(RoundTrip.summary(problems))")
        #expect(parsed.report.cells.count == synthetic.cells.count)
        #expect(parsed.report.metadata.title == synthetic.title)
        #expect(parsed.report.metadata.publishedOn == synthetic.publishedOn)
        // The fixture really is LibreOffice's: its own parts beside the document.
        let archive = try Archive(data: Data(bytes), accessMode: .read)
        #expect(archive["word/styles.xml"] != nil && archive["docProps/app.xml"] != nil)
    }

    // MARK: - Grids

    @Test func gridSpanAndVMergeResolveToGridColumns() throws {
        let body = "<w:tbl><w:tblGrid/>"
            + "<w:tr>" + Self.cell("甲", span: 2, merge: #"<w:vMerge w:val="restart"/>"#) + Self.cell("乙", span: 2)
            + Self.cell("丙", merge: #"<w:vMerge w:val="restart"/>"#) + "</w:tr>"
            + "<w:tr>" + Self.cell("", span: 2, merge: "<w:vMerge/>") + Self.cell("1") + Self.cell("2")
            + Self.cell("", merge: #"<w:vMerge w:val="continue"/>"#) + "</w:tr>"
            + "<w:tr>" + Self.cell("", span: 2, merge: #"<w:vMerge w:val="continue"/>"#) + Self.cell("3") + Self.cell("4")
            + Self.cell("丁", merge: #"<w:vMerge w:val="restart"/>"#) + "</w:tr>"
            + #"<w:tr><w:trPr><w:gridBefore w:val="2"/></w:trPr>"# + Self.cell("5") + Self.cell("6") + Self.cell("", merge: "<w:vMerge/>")
            + "</w:tr></w:tbl>"
        let document = try Self.read(body)
        let table = try #require(document.tables.first)
        #expect(Self.grid(table) == [
            ["甲/2", "甲→", "乙/2", "乙→", "丙"],
            ["甲/2↓", "甲→↓", "1", "2", "丙↓"],
            ["甲/2↓", "甲→↓", "3", "4", "丁"],
            ["", "", "5", "6", "丁↓"],
        ])
    }

    /// The Word renderer's tables are the HTML renderer's tables, cell for
    /// cell: same grid positions, spans and continuation flags, same text.
    @Test(arguments: TemplateVersion.allCases)
    func renderedTablesMirrorTheHTMLPage(_ version: TemplateVersion) throws {
        let synthetic = RoundTrip.report(seed: 13, version: version, blankZeros: true)
        let word = try DOCXReader.read([UInt8](try DOCXReportRenderer.render(synthetic)))
        let html = HTMLReader.read(HTMLReportRenderer.page(synthetic))
        #expect(word.tables.count == 3)
        #expect(word.tables.map(Self.grid) == html.tables.map(Self.grid))
        #expect(word.paragraphs.map(\.text) == html.paragraphs.map(\.text))
    }

    @Test func sectionThreeGroupCellsSpanTheirRows() throws {
        let synthetic = RoundTrip.report(seed: 2, version: .v2021, blankZeros: false)
        let word = try DOCXReader.read([UInt8](try DOCXReportRenderer.render(synthetic)))
        let table = try #require(word.tables.first { $0.rows.first?.text.contains("申请人情况") == true })
        #expect(table.rows.count == 3 + 25)
        #expect(table.rows.allSatisfy { $0.cells.count == 10 })
        // The reconciliation note: 3 columns × 3 rows.
        #expect(table.rows[0].cells[0].columnSpan == 3 && table.rows[0].cells[1].isColumnContinuation)
        #expect(table.rows[2].cells[0].isRowContinuation && table.rows[2].cells[0].text == PrintedTemplate.reconciliationNote)
        // 自然人 and 总计 span two header rows, the five organisation types sit between them.
        let note = PrintedTemplate.reconciliationNote
        #expect(table.rows[2].cells.map(\.text) == [note, note, note, "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"])
        #expect(table.rows[2].cells[3].isRowContinuation && table.rows[2].cells[9].isRowContinuation)
        #expect(!table.rows[2].cells[4].isRowContinuation)
        // 三、本年度办理结果 covers 22 rows in grid column 0; （三）不予公开 8 rows in column 1.
        let outcome = table.rows.indices.filter { table.rows[$0].cells[0].text == "三、本年度办理结果" }
        #expect(outcome.count == 22)
        #expect(outcome.dropFirst().allSatisfy { table.rows[$0].cells[0].isRowContinuation })
        let denied = table.rows.indices.filter { table.rows[$0].cells[1].text == "（三）不予公开" }
        #expect(denied.count == 8)
        #expect(table.rows[denied[0]].cells[2].text == "1.属于国家秘密" && !table.rows[denied[0]].cells[1].isRowContinuation)
        #expect(denied.dropFirst().allSatisfy { table.rows[$0].cells[1].isRowContinuation })
        // Values in grid columns 3…9, in the applicant order.
        let row = table.rows[denied[0]]
        let expected = PrintedTemplate.applicantColumns.map { synthetic.value("outcome.denied.state_secret." + $0)!.description }
        #expect(row.cells[3...].map(\.text) == expected)
    }

    @Test func v2019SectionTwoColumnSpansShiftBetweenHeaderAndDataRows() throws {
        let synthetic = RoundTrip.report(seed: 4, version: .v2019, blankZeros: false)
        let word = try DOCXReader.read([UInt8](try DOCXReportRenderer.render(synthetic)))
        let table = try #require(word.tables.first)
        let texts = Self.grid(table)
        #expect(texts.allSatisfy { $0.count == 5 })
        #expect(texts[1] == ["信息内容", "本年新制作数量", "本年新公开数量/2", "本年新公开数量→", "对外公开总数量"])
        let newPublished = synthetic.value("proactive.regulation.new_published")!.description
        #expect(texts[2][2] == newPublished + "/2" && texts[2][3] == newPublished + "→")
        let license = try #require(texts.first { $0[0] == "行政许可" })
        let previous = synthetic.value("proactive.license.items_prev_year")!.description
        #expect(license[1] == previous + "/2" && license[2] == previous + "→")
        #expect(license[3] == synthetic.value("proactive.license.items_change")!.description)
        #expect(license[4] == synthetic.value("proactive.license.decisions")!.description)
    }

    // MARK: - Runs

    @Test func textSplitOverRunsIsJoined() throws {
        let body = "<w:p><w:r><w:t>本年新</w:t></w:r><w:proofErr w:type=\"spellStart\"/><w:r><w:rPr><w:b/></w:rPr><w:t>制作</w:t></w:r>"
            + #"<w:bookmarkStart w:id="0" w:name="_GoBack"/><w:bookmarkEnd w:id="0"/><w:r><w:t xml:space="preserve">数量</w:t></w:r></w:p>"#
            + "<w:p><w:r><w:t>行政</w:t></w:r><w:r><w:tab/><w:t>处罚</w:t></w:r><w:r><w:delText>删除</w:delText></w:r>"
            + #"<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>"#
            + "<w:tbl><w:tr>" + "<w:tc><w:p><w:r><w:t>规</w:t></w:r><w:r><w:t>章</w:t></w:r></w:p></w:tc>"
            + "<w:tc><w:p><w:r><w:t>1</w:t></w:r><w:r><w:t>3</w:t></w:r><w:r><w:t>47</w:t></w:r></w:p></w:tc>"
            + "<w:tc><w:p><w:r><w:t>本年新</w:t></w:r><w:r><w:br/><w:t>制作数量</w:t></w:r></w:p></w:tc>"
            + "<w:tc><w:p><w:r><w:t>商业</w:t></w:r></w:p><w:p><w:r><w:t>企业</w:t></w:r></w:p></w:tc>"
            + "</w:tr></w:tbl>"
        let document = try Self.read(body)
        #expect(document.paragraphs.map(\.text) == ["本年新制作数量", "行政 处罚"])
        let cells = try #require(document.tables.first?.rows.first?.cells.map(\.text))
        #expect(cells == ["规章", "1347", "本年新\n制作数量", "商业\n企业"])
        #expect(LabelNormalizer.normalize(cells[3]) == "商业企业")
    }

    @Test func renderedRunsAreReallySplit() throws {
        let synthetic = RoundTrip.report(seed: 6, version: .v2021, blankZeros: false)
        let xml = DOCXReportRenderer.documentXML(synthetic)
        // "申请人情况" never appears whole in one w:t, yet the reader sees it.
        #expect(!xml.contains(">申请人情况<"))
        #expect(xml.contains("<w:proofErr") && xml.contains("<w:bookmarkStart"))
        let whole = DOCXReportRenderer.documentXML(synthetic, splitRuns: false)
        #expect(whole.contains(">申请人情况<"))
        let document = try DOCXReader.read([UInt8](try DOCXReportRenderer.package(xml)))
        #expect(document.tables.contains { $0.rows.first?.cells.contains { $0.text == "申请人情况" } == true })
    }

    /// Word writes a text box twice: DrawingML in `mc:Choice`, VML in
    /// `mc:Fallback`. A title in a text box (common for 红头 headers) is one title.
    @Test func aTextBoxIsReadOnce() throws {
        let synthetic = RoundTrip.report(seed: 10, version: .v2021)
        var xml = DOCXReportRenderer.documentXML(synthetic)
        let namespaces = #"xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" "#
            + #"xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml" "#
            + #"xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" mc:Ignorable="wps" "#
        xml = xml.replacingOccurrences(of: "<w:document ", with: "<w:document " + namespaces)
        let title = try #require(xml.range(of: "<w:p>")?.lowerBound)
        let end = try #require(xml.range(of: "</w:p>", range: title..<xml.endIndex)?.upperBound)
        let box = "<w:txbxContent><w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr><w:r><w:t>\(synthetic.title)</w:t></w:r></w:p></w:txbxContent>"
        xml.replaceSubrange(title..<end, with: "<w:p><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wp:anchor>"
            + "<wps:wsp><wps:txbx>\(box)</wps:txbx></wps:wsp></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict>"
            + "<v:shape><v:textbox>\(box)</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>")
        let document = try DOCXReader.read([UInt8](try DOCXReportRenderer.package(xml)))
        #expect(document.paragraphs.first?.text == synthetic.title)
        let parsed = try ReportParser().parse([UInt8](try DOCXReportRenderer.package(xml)), path: "textbox.docx")
        #expect(parsed.report.metadata.title == synthetic.title)
        #expect(RoundTrip.mismatches(parsed, synthetic).isEmpty)
    }

    /// Content controls (`w:sdt`) may wrap whole rows or single cells of a
    /// table: the rows and cells inside them are part of the grid.
    @Test func rowsAndCellsInsideContentControlsAreKept() throws {
        let body = "<w:tbl>"
            + "<w:tr>" + Self.cell("信息内容") + Self.cell("本年处理决定数量") + "</w:tr>"
            + "<w:sdt><w:sdtPr><w:alias w:val=\"许可\"/></w:sdtPr><w:sdtContent><w:tr>" + Self.cell("行政许可") + Self.cell("5")
            + "</w:tr></w:sdtContent></w:sdt>"
            + "<w:tr>" + Self.cell("行政处罚") + "<w:sdt><w:sdtContent>" + Self.cell("7") + "</w:sdtContent></w:sdt></w:tr>"
            + "<w:customXml w:element=\"row\"><w:tr>" + Self.cell("行政强制") + Self.cell("9") + "</w:tr></w:customXml>"
            + "</w:tbl>"
        let table = try #require(try Self.read(body).tables.first)
        #expect(table.rows.map { $0.cells.map(\.text) } == [["信息内容", "本年处理决定数量"], ["行政许可", "5"], ["行政处罚", "7"], ["行政强制", "9"]])
    }

    // MARK: - Refused archives

    /// `word/document.xml` of 80 MB of spaces, deflated to a few hundred KB.
    static func spaces(megabytes: Int) -> Data {
        var xml = Data(#"<?xml version="1.0"?><w:document xmlns:w="\#(namespace)"><w:body>"#.utf8)
        xml.append(Data(repeating: 0x20, count: megabytes << 20))
        xml.append(Data("</w:body></w:document>".utf8))
        return xml
    }

    @Test func zipBombIsRefused() throws {
        let bomb = try DOCXReportRenderer.archive([
            ("[Content_Types].xml", Data(DOCXReportRenderer.contentTypes.utf8)), ("word/document.xml", Self.spaces(megabytes: 80)),
        ])
        #expect(bomb.count < 1 << 20, "deflated bomb is \(bomb.count) bytes")
        #expect(throws: DOCXReader.Failure.tooLarge(limit: DOCXReader.maximumDocumentSize)) { try DOCXReader.read([UInt8](bomb)) }
        let reason = try #require(Self.failure([UInt8](bomb)))
        #expect(reason.contains("zip bomb"), "\(reason)")
        #expect(!reason.contains("\n"))
    }

    /// The sizes in the headers say 1 KB; the part inflates to 80 MB. The
    /// reader counts what actually inflates and stops at the limit.
    @Test func zipBombWithLyingSizesIsRefused() throws {
        let xml = Self.spaces(megabytes: 80)
        var bomb = [UInt8](try DOCXReportRenderer.archive([("word/document.xml", xml)]))
        let size = UInt32(xml.count)
        var patched = 0
        for (signature, offset) in [([UInt8]([0x50, 0x4B, 0x03, 0x04]), 22), ([0x50, 0x4B, 0x01, 0x02], 24)] {
            var index = 0
            while index + offset + 4 <= bomb.count {
                if Array(bomb[index..<index + 4]) == signature {
                    let field = bomb[(index + offset)..<(index + offset + 4)].enumerated().reduce(UInt32(0)) { $0 | UInt32($1.element) << (8 * $1.offset) }
                    if field == size {
                        for (k, byte) in withUnsafeBytes(of: UInt32(1024).littleEndian, Array.init).enumerated() { bomb[index + offset + k] = byte }
                        patched += 1
                    }
                }
                index += 1
            }
        }
        #expect(patched == 2, "patched \(patched) size fields")
        let reason = try #require(Self.failure(bomb))
        #expect(reason.contains("zip bomb") || reason.contains("damaged"), "\(reason)")
        #expect(!reason.contains("\n"))
    }

    /// A valid Word document padded with `padding` empty entries.
    static func padded(_ padding: Int) throws -> [UInt8] {
        let synthetic = RoundTrip.report(seed: 1, version: .v2021)
        var entries: [(path: String, data: Data)] = [
            ("[Content_Types].xml", Data(DOCXReportRenderer.contentTypes.utf8)), ("_rels/.rels", Data(DOCXReportRenderer.relationships.utf8)),
            ("word/document.xml", Data(DOCXReportRenderer.documentXML(synthetic).utf8)),
        ]
        entries += (0..<padding).map { ("word/media/pad\($0).bin", Data()) }
        return try StoredZip.archive(entries)
    }

    @Test func tooManyEntriesAreRefused() throws {
        let bytes = try Self.padded(2_001 - 3)
        #expect(try Archive(data: Data(bytes), accessMode: .read).reduce(0) { count, _ in count + 1 } == 2_001)
        #expect(throws: DOCXReader.Failure.tooManyEntries(2_001)) { try DOCXReader.read(bytes) }
        let reason = try #require(Self.failure(bytes))
        #expect(reason.contains("2001 entries") && reason.contains("zip bomb"), "\(reason)")
    }

    @Test func twoThousandEntriesAreStillAWordDocument() throws {
        let bytes = try Self.padded(2_000 - 3)
        #expect(Self.failure(bytes) == nil)
    }

    @Test func archiveWithoutTheDocumentPartIsRefused() throws {
        let bytes = [UInt8](try DOCXReportRenderer.archive([
            ("[Content_Types].xml", Data(DOCXReportRenderer.contentTypes.utf8)), ("word/styles.xml", Data("<w:styles/>".utf8)),
            ("xl/workbook.xml", Data("<workbook/>".utf8)),
        ]))
        #expect(DocumentFormat.detect(bytes) == .docx)
        #expect(throws: DOCXReader.Failure.noDocumentPart) { try DOCXReader.read(bytes) }
        #expect(Self.failure(bytes)?.contains("without word/document.xml") == true)
    }

    @Test func damagedArchivesFailWithOneLineAndNeverCrash() throws {
        var generator = SeededGenerator(seed: 77)
        let header: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
        let fixture = try FormatFixtures.bytes("synthetic-v2021-libreoffice.docx")
        let valid = [UInt8](try DOCXReportRenderer.render(RoundTrip.report(seed: 3, version: .v2021)))
        var cases: [(String, [UInt8])] = [
            ("PK header only", header),
            ("garbage after the PK header", header + (0..<4_000).map { _ in UInt8.random(in: 0...255, using: &generator) }),
            ("zeros after the PK header", header + Array(repeating: 0, count: 512)),
            ("first half of a LibreOffice .docx", Array(fixture.prefix(fixture.count / 2))),
            ("last byte cut", Array(valid.dropLast())),
            ("central directory cut", Array(valid.prefix(valid.count - 30))),
        ]
        // Bytes flipped inside the deflated document part: a CRC or inflate error.
        var flipped = valid
        for offset in stride(from: 200, to: min(flipped.count - 200, 2_000), by: 97) { flipped[offset] ^= 0x5A }
        cases.append(("bytes flipped", flipped))
        cases.append(("not XML", [UInt8](try DOCXReportRenderer.package("this is <not> xml & never was"))))
        for (name, bytes) in cases {
            #expect(DocumentFormat.detect(bytes) == .docx, "\(name)")
            let reason = Self.failure(bytes)
            #expect(reason != nil, "\(name) must be refused")
            #expect(reason?.contains("\n") == false, "\(name): \(reason ?? "")")
        }
        #expect(Self.failure(cases[1].1)?.contains("not a readable ZIP archive") == true)
        #expect(Self.failure(cases.last!.1)?.contains("not well-formed XML") == true)
    }

    /// A valid Word document with the 32-bit field at `offset` after the
    /// last (or first) `signature` set to `value`.
    static func patched(_ bytes: [UInt8], signature: UInt32, field: Int, value: UInt32, last: Bool = true) -> [UInt8] {
        let marker = withUnsafeBytes(of: signature.littleEndian, Array.init)
        let starts = (0...(bytes.count - 4)).filter { Array(bytes[$0..<$0 + 4]) == marker }
        guard let start = last ? starts.last : starts.first else { return bytes }
        var result = bytes
        for (k, byte) in withUnsafeBytes(of: value.littleEndian, Array.init).enumerated() { result[start + field + k] = byte }
        return result
    }

    /// ZIPFoundation's in-memory archive trapped (`Range requires lowerBound
    /// <= upperBound`) on offsets past the end of the file, ending the whole
    /// import. Each such archive is now one error line.
    @Test func offsetsPastTheEndAreRefusedNotTrapped() throws {
        let valid = [UInt8](try DOCXReportRenderer.render(RoundTrip.report(seed: 3, version: .v2021)))
        let past = UInt32(valid.count + 1_000)
        let cases: [(String, [UInt8], String)] = [
            ("central directory offset", Self.patched(valid, signature: 0x0605_4B50, field: 16, value: past), "central directory"),
            ("central directory size", Self.patched(valid, signature: 0x0605_4B50, field: 12, value: past), "central directory"),
            ("local header offset", Self.patched(valid, signature: 0x0201_4B50, field: 42, value: past, last: false), "local header"),
            ("compressed size", Self.patched(valid, signature: 0x0201_4B50, field: 20, value: past), "data of entry"),
            ("ZIP64 offset", Self.patched(valid, signature: 0x0605_4B50, field: 16, value: 0xFFFF_FFFF), "ZIP64"),
            ("ZIP64 entry size", Self.patched(valid, signature: 0x0201_4B50, field: 24, value: 0xFFFF_FFFF), "ZIP64"),
        ]
        for (name, bytes, expected) in cases {
            #expect(throws: DOCXReader.Failure.self, "\(name)") { try DOCXReader.read(bytes) }
            let reason = Self.failure(bytes)
            #expect(reason?.contains(expected) == true, "\(name): \(reason ?? "imported")")
            #expect(reason?.contains("\n") == false)
        }
    }

    /// Every truncation of a real Word document, byte by byte from the end
    /// through its central directory, is an error and never a trap.
    @Test func everyTruncationOfTheCentralDirectoryIsAnError() throws {
        let valid = try FormatFixtures.bytes("synthetic-v2021-libreoffice.docx")
        for cut in 1...600 {
            #expect(Self.failure(Array(valid.dropLast(cut))) != nil, "cut \(cut)")
        }
    }

    /// A document part that inflates to 60 MB of Word's run formatting (the
    /// 187 KB file that peaked at 1.1 GB through libxml2's tree) streams
    /// through the reader keeping only the report's elements.
    @Test func formattingHeavyDocumentKeepsASmallTree() throws {
        let synthetic = RoundTrip.report(seed: 5, version: .v2021)
        let xml = DOCXReportRenderer.documentXML(synthetic)
        let run = #"<w:r><w:rPr><w:rFonts w:ascii="宋体" w:hAnsi="宋体"/><w:b/><w:sz w:val="24"/><w:color w:val="000000"/></w:rPr></w:r>"#
        let filler = "<w:p><w:pPr><w:spacing w:line=\"360\"/></w:pPr>" + String(repeating: run, count: 40) + "</w:p>"
        var padding = ""
        while padding.utf8.count < 60 << 20 { padding += String(repeating: filler, count: 64) }
        let body = xml.range(of: "<w:body>")!.upperBound
        let heavy = String(xml[..<body]) + padding + String(xml[body...])
        let bytes = [UInt8](try DOCXReportRenderer.package(heavy))
        #expect(bytes.count < 2 << 20, "deflated: \(bytes.count) bytes")
        let tree = try bytes.withUnsafeBytes { buffer in try DOCXReader.documentTree(buffer) }
        #expect(tree.count < DOCXTreeBuilder.maximumElements)
        let parsed = try ReportParser().parse(bytes, path: "heavy.docx")
        #expect(RoundTrip.mismatches(parsed, synthetic).isEmpty)
    }

    @Test func tooManyElementsAndOverDeepNestingNameTheirCause() throws {
        let many = String(repeating: "<w:p><w:r><w:t>x</w:t></w:r></w:p>", count: DOCXTreeBuilder.maximumElements / 3)
        let reason = try #require(Self.failure([UInt8](try DOCXReportRenderer.package(Self.documentXML(many)))))
        #expect(reason.contains("more than \(DOCXTreeBuilder.maximumElements)"), "\(reason)")
        let deep = String(repeating: "<w:sdt>", count: 5_000) + String(repeating: "</w:sdt>", count: 5_000)
        let deepReason = try #require(Self.failure([UInt8](try DOCXReportRenderer.package(Self.documentXML(deep)))))
        #expect(deepReason.contains("deeper than \(DOCXTreeBuilder.maximumDepth)"), "\(deepReason)")
    }

    @Test func aWordDocumentWithoutTablesHasNoStatisticsTables() throws {
        let bytes = [UInt8](try DOCXReportRenderer.package(Self.documentXML("<w:p><w:r><w:t>会议纪要</w:t></w:r></w:p>")))
        #expect(Self.failure(bytes)?.contains("no statistics tables found") == true)
    }
}

/// A ZIP writer for stored (uncompressed) entries, for archives with
/// thousands of entries that ZIPFoundation's in-memory writer builds slowly.
enum StoredZip {
    static func archive(_ entries: [(path: String, data: Data)]) throws -> [UInt8] {
        var bytes: [UInt8] = []
        var central: [UInt8] = []
        func u16(_ value: Int) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF)] }
        func u32(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8(value >> (8 * $0) & 0xFF) } }
        for (path, data) in entries {
            let name = Array(path.utf8)
            let crc = crc32(Array(data))
            let offset = UInt32(bytes.count)
            let common = u16(20) + u16(0x0800) + u16(0) + u16(0) + u16(0x21) + u32(crc) + u32(UInt32(data.count))
                + u32(UInt32(data.count)) + u16(name.count) + u16(0)
            bytes += [0x50, 0x4B, 0x03, 0x04] + common + name + Array(data)
            central += [0x50, 0x4B, 0x01, 0x02] + u16(20) + common + u16(0) + u16(0) + u16(0) + u32(0) + u32(offset) + name
        }
        let start = UInt32(bytes.count)
        bytes += central
        bytes += [0x50, 0x4B, 0x05, 0x06] + u16(0) + u16(0) + u16(entries.count) + u16(entries.count)
            + u32(UInt32(central.count)) + u32(start) + u16(0)
        return bytes
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}

