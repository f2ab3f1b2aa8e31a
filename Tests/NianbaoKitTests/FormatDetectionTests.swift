import Foundation
import Testing
@testable import NianbaoKit
@testable import NianbaoSynthesis

/// Formats are told by content, never by file extension; text layouts by their lines.
@Suite struct FormatDetectionTests {
    static let ole: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    // MARK: - DocumentFormat

    @Test func pdfByItsSignature() throws {
        #expect(DocumentFormat.detect(Self.bytes("%PDF-1.7\n%âãÏÓ\n1 0 obj")) == .pdf)
        #expect(DocumentFormat.detect(try FormatFixtures.bytes("no-text-layer.pdf")) == .pdf)
        // "%PDF" later in a text is text.
        #expect(DocumentFormat.detect(Self.bytes("附件：report.pdf\n%PDF-1.4")) == .text)
    }

    @Test func docxByItsZipSignature() throws {
        let rendered = [UInt8](try DOCXReportRenderer.render(RoundTrip.report(seed: 1, version: .v2021)))
        #expect(DocumentFormat.detect(rendered) == .docx)
        #expect(DocumentFormat.detect(try FormatFixtures.bytes("synthetic-v2019-libreoffice.docx")) == .docx)
    }

    @Test func oleIsDetectedAndRefused() {
        let bytes = Self.ole + Array(repeating: 0, count: 504) + Array("Microsoft Word 文档".utf8)
        #expect(DocumentFormat.detect(bytes) == .ole)
        #expect(DocumentFormat.detect(Self.ole) == .ole)
        // Seven of the eight signature bytes are not OLE.
        #expect(DocumentFormat.detect(Array(Self.ole.prefix(7))) != .ole)
        for path in ["old.doc", "old.wps", "old.docx", "old.txt"] {
            do {
                _ = try ReportParser().parse(bytes, path: path)
                Issue.record("\(path): an OLE file must be refused")
            } catch {
                #expect(error.reason.contains("convert to DOCX or PDF first"), "\(error.reason)")
                #expect(error.path == path)
            }
        }
    }

    @Test(arguments: [
        "<!DOCTYPE html>\n<html><head><title>t</title></head><body><p>x</p></body></html>",
        "<!doctype HTML PUBLIC \"-//W3C//DTD HTML 4.01 Transitional//EN\">\n<HTML><BODY>x</BODY></HTML>",
        "<html>\n<body><table><tr><td>规章</td></tr></table></body></html>",
        "<meta charset=\"gb2312\"><div>x</div>",
        "<table border=\"1\"><tr><td>规章</td><td>0</td></tr></table>",
        "<p>2021年政府信息公开工作年度报告</p>",
        "<p class=\"title\">报告</p>",
        "\u{FEFF}<!DOCTYPE html><html></html>",
        "\u{FEFF}\r\n\r\n   \t<html><body></body></html>",
        "\n\n     <!DOCTYPE html>\n<html lang=\"zh-CN\"></html>",
    ])
    func htmlByItsMarkup(_ page: String) {
        #expect(DocumentFormat.detect(Self.bytes(page)) == .html)
    }

    @Test func htmlDeclaringGB2312InGB18030BytesIsHTML() {
        let synthetic = RoundTrip.report(seed: 2, version: .v2019)
        #expect(DocumentFormat.detect(HTMLReportRenderer.render(synthetic, charset: .gb2312)) == .html)
    }

    /// A page saved as "Unicode" (UTF-16 with its byte-order mark) is still a
    /// page: the BOM decides the encoding, the markup the format.
    @Test func utf16HTMLWithItsByteOrderMarkIsHTML() throws {
        let synthetic = RoundTrip.report(seed: 7, version: .v2021)
        let page = HTMLReportRenderer.page(synthetic).replacingOccurrences(of: #"<meta charset="utf-8">"#, with: #"<meta charset="utf-16">"#)
        let little: [UInt8] = [0xFF, 0xFE] + page.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let big: [UInt8] = [0xFE, 0xFF] + page.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        #expect(DocumentFormat.detect(little) == .html)
        #expect(DocumentFormat.detect(big) == .html)
        let parsed = try ReportParser().parse(little, path: "unicode.htm")
        #expect(parsed.source.format == .html)
        #expect(RoundTrip.mismatches(parsed, synthetic).isEmpty)
    }

    @Test(arguments: [
        "淮安市洪泽区人民政府\n2024年政府信息公开工作年度报告\n\t规章\n\t0\n",
        "本报告中的<p>标记不算网页。\n",
        "<注>本表数据截至12月31日。\n",
        "| 信息内容 | 本年制发件数 |\n|---|---|\n| 规章 | 0 |\n",
        "",
        "   \n\n",
    ])
    func plainText(_ text: String) {
        #expect(DocumentFormat.detect(Self.bytes(text)) == .text)
    }

    /// The extension says one thing, the content another: the content wins.
    @Test func extensionsAreIgnored() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { TestSupport.cleanUp(directory) }
        let synthetic = RoundTrip.report(seed: 5, version: .v2021, blankZeros: false)
        var files: [(name: String, data: Data, format: DocumentFormat)] = [
            ("page.pdf", Data(HTMLReportRenderer.render(synthetic)), .html),
            ("report.doc", try DOCXReportRenderer.render(synthetic), .docx),
            ("report.html", Data(LayoutTextRenderer.render(synthetic).utf8), .text),
            ("report.docx", Data(TextReportRenderer.render(synthetic).utf8), .text),
        ]
        if FormatFixtures.hasPDFToText {
            files.append(("scan.txt", try Data(contentsOf: FormatFixtures.url("synthetic-v2021-libreoffice.pdf")), .pdf))
        }
        for file in files {
            let url = directory.appendingPathComponent(file.name)
            try file.data.write(to: url)
            let parsed = try TestSupport.parse(url)
            #expect(parsed.source.format == file.format, "\(file.name)")
            if file.format != .pdf {
                #expect(RoundTrip.mismatches(parsed, synthetic).isEmpty, "\(file.name)")
            }
        }
        let ole = directory.appendingPathComponent("report.pdf")
        try Data(Self.ole + Array(repeating: 0, count: 100)).write(to: ole)
        let failure = #expect(throws: ImportFailure.self) { try TestSupport.parse(ole) }
        #expect(failure?.reason.contains("convert to DOCX or PDF first") == true)
    }

    // MARK: - TextLayout

    @Test func tabbedLayout() throws {
        let text = TextReportRenderer.render(RoundTrip.report(seed: 1, version: .v2019))
        #expect(TextLayout.detect(text) == .tabbed)
        #expect(TextLayout.detect("\t规章\n\t0\n\n\t行政许可\n\t3\n") == .tabbed)
        // Spaces before the tab (山亭区 2021) still count.
        #expect(TextLayout.detect("标题\n \t0\n\t1\n\t2\n") == .tabbed)
        if TestSupport.hasCorpus {
            let corpus = try String(contentsOf: TestSupport.corpus.appendingPathComponent("shanting-emergency-2021.docx.txt"), encoding: .utf8)
            #expect(TextLayout.detect(corpus) == .tabbed)
        }
    }

    @Test func markdownLayout() throws {
        #expect(TextLayout.detect("# 标题\n| a | b |\n|---|---|\n| 规章 | 0 |\n") == .markdown)
        #expect(TextLayout.detect("  | a | b |\n  | c | d |\n  | e | f |\n") == .markdown)
        // More pipe rows than tab lines: markdown.
        #expect(TextLayout.detect("\tx\n\ty\n| a | b |\n| c | d |\n| e | f |\n") == .markdown)
        if TestSupport.hasCorpus {
            for name in ["shuyang-county-gov-2025.ocr.md", "shanghai-kewei-2024.pdf-extract.md"] {
                let corpus = try String(contentsOf: TestSupport.corpus.appendingPathComponent(name), encoding: .utf8)
                #expect(TextLayout.detect(corpus) == .markdown, "\(name)")
            }
        }
    }

    @Test func columnsLayout() throws {
        let synthetic = RoundTrip.report(seed: 1, version: .v2021)
        #expect(TextLayout.detect(LayoutTextRenderer.render(synthetic, quirks: .all)) == .columns)
        #expect(TextLayout.detect("规章               0          0       0\n行政规范性文件          3          0       8\n") == .columns)
        // Two pipe lines and two tab lines are not enough for either.
        #expect(TextLayout.detect("| a | b |\n| c | d |\n\tx\n\ty\n") == .columns)
        // A lone "|" inside prose is not a table.
        #expect(TextLayout.detect("|备注\n|说明\n|附件\n") == .columns)
        #expect(TextLayout.detect("") == .columns)
    }
}
