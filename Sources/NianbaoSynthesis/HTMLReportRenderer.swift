import Foundation
import NianbaoKit

/// Prints a ``SyntheticReport`` as a government web page: title, publication
/// date, the statistics-period sentence, the six section headings and the
/// three statistics tables laid out like real pages (report-format.md §2.2;
/// the Shanghai 2019 and Shuyang 2023 pages of the shared corpus), with any
/// mix of the ``HTMLQuirks`` real pages show.
///
/// Every quirk changes only presentation: the numbers a reader can see are
/// those of the report, so an importer that reads the page must get back
/// exactly the report's cells.
public enum HTMLReportRenderer {
    /// The page as bytes in `charset`.
    /// - Parameter tables: the sections whose tables are printed; the others
    ///   keep their heading and show an image instead, as pages that publish
    ///   their tables as pictures do (report-format.md §11.1).
    public static func render(
        _ report: SyntheticReport, quirks: HTMLQuirks = [], charset: HTMLCharset = .utf8,
        tables: Set<ReportSection> = Set(ReportSection.allCases)
    ) -> [UInt8] {
        charset.encode(page(report, quirks: quirks, charset: charset, tables: tables))
    }

    /// The page as text (before encoding).
    public static func page(
        _ report: SyntheticReport, quirks: HTMLQuirks = [], charset: HTMLCharset = .utf8,
        tables: Set<ReportSection> = Set(ReportSection.allCases)
    ) -> String {
        let pageTitle = quirks.contains(.layoutWrapper) ? report.title + "-" + report.bureau : report.title
        var body = ""
        body += #"<p style="text-align:center;font-weight:bold;">"# + escape(report.title) + "</p>\n"
        body += #"<p style="text-align:center;">发布日期："# + report.publishedOn + "</p>\n"
        body += "<p>" + escape(PrintedTemplate.preamble(report)) + "</p>\n"
        let layouts = PrintedTemplate.tables(report.version, captions: !quirks.contains(.missingCaptions))
        for (index, heading) in PrintedTemplate.headings.enumerated() {
            body += "<p>" + escape(labelText(heading, quirks)) + "</p>\n"
            if let prose = PrintedTemplate.prose(index, report) { body += "<p>" + escape(prose) + "</p>\n" }
            guard let layout = layouts.first(where: { PrintedTemplate.heading($0.section) == heading }) else { continue }
            if quirks.contains(.proseBetweenHeadingAndTable) {
                body += "<p>" + escape(PrintedTemplate.proseBeforeTable(layout.section, report)) + "</p>\n"
            }
            guard tables.contains(layout.section) else {
                body += #"<p style="text-align:center;"><img src="/images/nb\#(report.year)_\#(index + 1).png" alt="" /></p>"# + "\n"
                continue
            }
            let table = quirks.contains(.flattenedParagraphs)
                ? flattened(layout, report, quirks) : grid(layout, report, quirks)
            body += quirks.contains(.layoutWrapper)
                ? #"<table width="100%" border="0"><tr><td width="8">&nbsp;</td><td>"# + "\n" + table
                    + "</td><td width=\"8\">&nbsp;</td></tr></table>\n"
                : table
        }
        if quirks.contains(.layoutWrapper) { body = wrapped(body, report) }
        return "<!DOCTYPE html>\n<html>\n<head>\n" + charset.metaElement + "\n<title>" + escape(pageTitle)
            + "</title>\n<style>td { border: 1px solid #000; }</style>\n</head>\n<body>\n" + body + "</body>\n</html>\n"
    }

    // MARK: - Tables

    /// A `<table>` with the template's row and column spans.
    static func grid(_ layout: PrintedTemplate.Layout, _ report: SyntheticReport, _ quirks: HTMLQuirks) -> String {
        var html = #"<table border="1" cellspacing="0" cellpadding="0" align="center"><tbody>"# + "\n"
        for row in layout.rows {
            html += "<tr>"
            for cell in row {
                var attributes = ""
                if cell.columnSpan > 1 { attributes += " colspan=\"\(cell.columnSpan)\"" }
                if cell.rowSpan > 1 { attributes += " rowspan=\"\(cell.rowSpan)\"" }
                let width = cell.role == .value ? 48 * cell.columnSpan : 120 * cell.columnSpan
                html += "<td\(attributes) style=\"width:\(width)px;\" valign=\"center\">"
                html += "<p align=\"\(cell.role == .rowLabel ? "left" : "center")\">" + inline(cell, report, quirks) + "</p></td>"
            }
            html += "</tr>\n"
        }
        return html + "</tbody></table>\n"
    }

    /// The table flattened to one paragraph per printed cell, in reading order.
    static func flattened(_ layout: PrintedTemplate.Layout, _ report: SyntheticReport, _ quirks: HTMLQuirks) -> String {
        layout.rows.joined().map { "<p>" + inline($0, report, quirks) + "</p>\n" }.joined()
    }

    /// A cell's content: a label or a number, with the quirks applied.
    static func inline(_ cell: PrintedTemplate.Cell, _ report: SyntheticReport, _ quirks: HTMLQuirks) -> String {
        guard cell.role == .value else { return labelMarkup(cell.text, quirks) }
        guard let value = report.value(cell.text) else {
            return quirks.contains(.spanSoup) ? #"<span style="font-size:10.5pt;"><o:p>&nbsp;</o:p></span>"# : "&nbsp;"
        }
        var text = value.description
        if quirks.contains(.fullWidthDigits) { text = fullWidth(text) }
        guard quirks.contains(.spanSoup) else { return text }
        return #"<span style="font-size:10.5pt;font-family:'Times New Roman';">"# + text
            + #"</span><span lang="EN-US"><o:p></o:p></span>"#
    }

    // MARK: - Labels

    /// Pinyin glosses mirror sites insert after some characters ("鎮(zhèn)").
    static let glosses: [Character: String] = ["罰": "fá", "審": "shěn", "訴": "sù", "複": "fù", "復": "fù"]

    /// A label's markup: split, converted to traditional, glossed and wrapped as the quirks say.
    static func labelMarkup(_ label: String, _ quirks: HTMLQuirks) -> String {
        var segments = [label]
        var separator = ""
        if quirks.contains(.splitLabels), label.count >= 2 {
            let cut = label.count >= 4 ? label.count / 2 : 1
            segments = [String(label.prefix(cut)), String(label.dropFirst(cut))]
            // Both kinds occur: "本年新<br>制作数量", "商业 企业"; which one is
            // fixed per label so a page is the same every time it is rendered.
            separator = label.count % 2 == 0 ? "<br />" : " "
        }
        var glossed = false
        let parts = segments.map { segment -> String in
            var text = segment
            if quirks.contains(.traditionalLabels) {
                text = text.applyingTransform(StringTransform("Hans-Hant"), reverse: false) ?? text
                if !glossed, let index = text.firstIndex(where: { glosses[$0] != nil }) {
                    text.insert(contentsOf: "(" + glosses[text[index]]! + ")", at: text.index(after: index))
                    glossed = true
                }
            }
            return quirks.contains(.spanSoup) ? soup(escape(text), splitting: segments.count == 1) : escape(text)
        }
        let markup = parts.joined(separator: separator)
        return quirks.contains(.spanSoup) ? markup + #"<span lang="EN-US"><o:p></o:p></span>"# : markup
    }

    /// Word-export spans around `text`; a longer text is cut over two spans,
    /// as Word does where the editing history split a run ("申请人情</span><span>况").
    static func soup(_ text: String, splitting: Bool) -> String {
        let open = #"<span style="font-size:10.5pt;font-family:仿宋_GB2312;">"#
        guard splitting, text.count >= 4, !text.contains("&") else {
            return open + #"<font face="仿宋_GB2312">"# + text + "</font></span>"
        }
        let cut = text.count - 1
        return open + #"<font face="仿宋_GB2312">"# + String(text.prefix(cut)) + "</font></span>" + open
            + String(text.dropFirst(cut)) + "</span>"
    }

    /// A heading or other text converted as a label (traditional characters only; headings are not split).
    static func labelText(_ text: String, _ quirks: HTMLQuirks) -> String {
        guard quirks.contains(.traditionalLabels) else { return text }
        return text.applyingTransform(StringTransform("Hans-Hant"), reverse: false) ?? text
    }

    // MARK: - Page

    /// The body inside nested layout tables with empty filler cells, a
    /// breadcrumb row above and a footer row below, as CMS templates print it.
    static func wrapped(_ body: String, _ report: SyntheticReport) -> String {
        let filler = "<td>&nbsp;</td>"
        return #"<table width="100%" border="0" cellspacing="0" cellpadding="0">"# + "\n"
            + "<tr>" + filler + #"<td class="crumb"><a href="/">首页</a> &gt; 政务公开 &gt; 政府信息公开年报</td>"# + filler + "</tr>\n"
            + "<tr>" + filler + filler + filler + "</tr>\n"
            + #"<tr><td width="20">&nbsp;</td><td><table width="960" border="0"><tr><td>&nbsp;</td><td>&nbsp;</td></tr><tr><td colspan="2">"#
            + "\n" + body + "</td></tr><tr><td>&nbsp;</td><td>&nbsp;</td></tr></table></td><td width=\"20\">&nbsp;</td></tr>\n"
            + "<tr>" + filler + "<td>主办：" + escape(report.bureau) + "　技术支持：信息中心</td>" + filler + "</tr>\n"
            + "</table>\n"
    }

    /// Digits, sign and decimal point in their full-width forms ("１３４７", "３８．４４").
    static func fullWidth(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            switch scalar {
            case "0"..."9": Unicode.Scalar(scalar.value - 0x30 + 0xFF10)!
            case ".": "\u{FF0E}"
            case "-": "\u{FF0D}"
            case "+": "\u{FF0B}"
            default: scalar
            }
        }))
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
