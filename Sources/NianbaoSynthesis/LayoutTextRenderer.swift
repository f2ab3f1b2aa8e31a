import NianbaoKit
/// Prints a ``SyntheticReport`` the way `pdftotext -layout` prints a report
/// PDF (the Hongze 2024 PDF of the shared corpus): prose wrapped into short
/// lines, table cells placed at their columns and separated by runs of
/// spaces, blank lines between table rows, section 四's fifteen numbers on one
/// line under a multi-line header, with any mix of the ``LayoutTextQuirks``.
///
/// Every printed cell is printed, zeros as "0", so a reader that handles the
/// quirks gets back exactly the report's cells. A cell that is nil (blank)
/// leaves its column empty, as a PDF's text layer does: the row then shows
/// fewer numbers than columns, which only the identities can place.
public enum LayoutTextRenderer {
    public static func render(_ report: SyntheticReport, quirks: LayoutTextQuirks = []) -> String {
        var page = Page(quirks: quirks)
        page.add("")
        page.add(spaces(9) + report.bureau)
        // pdftotext sets the year apart from the CJK text that follows it.
        page.add(spaces(4) + "\(report.year) 年政府信息公开工作年度报告")
        page.add("")
        page.add(spaces(8) + "发布日期：" + report.publishedOn)
        page.add("")
        let period = PrintedTemplate.periodSentence(report.year)
        let preamble = PrintedTemplate.preamble(report)
        page.prose(String(preamble.dropLast(period.count)))
        page.add(spaces(2) + period)
        let layouts = PrintedTemplate.tables(report.version)
        for (index, heading) in PrintedTemplate.headings.enumerated() {
            page.add(spaces(index == 0 ? 2 : 5) + heading)
            if let prose = PrintedTemplate.prose(index, report) { page.prose(prose) }
            if index == 0 { page.footer() }
            guard let layout = layouts.first(where: { PrintedTemplate.heading($0.section) == heading }) else { continue }
            switch layout.section {
            case .proactive: proactive(layout, report, &page)
            case .requests: requests(layout, report, &page)
            case .appeals: appeals(report, &page)
            }
        }
        page.add("")
        page.footer()
        return page.lines.joined(separator: "\n") + "\n"
    }

    // MARK: - Section 二

    /// Right edge of value grid column `g` (1-based) of section 二.
    private static func proactiveEdge(_ g: Int) -> Int { 22 + 16 * g }

    static func proactive(_ layout: PrintedTemplate.Layout, _ report: SyntheticReport, _ page: inout Page) {
        for row in layout.rows {
            var line = Line()
            var column = 0
            switch row.first?.role {
            case .caption:
                line.put(row[0].text, at: 14)
                page.add(line.text)
                page.add("")
                continue
            case .header:
                for cell in row {
                    if column == 0 {
                        line.put(cell.text, at: 7)
                    } else {
                        line.put(cell.text, at: proactiveEdge(column + cell.columnSpan - 1), align: .right)
                    }
                    column += cell.columnSpan
                }
            default:
                for cell in row {
                    if cell.role == .value {
                        line.put(value(cell.text, report), at: proactiveEdge(column + cell.columnSpan - 1) - 2, align: .right)
                    } else {
                        line.put(cell.text, at: 0)
                    }
                    column += cell.columnSpan
                }
            }
            page.add(line.text)
            page.add("")
            if row.contains(where: { $0.role == .value && $0.text.hasPrefix("proactive.license.") }) { page.footer() }
        }
        page.add("")
    }

    // MARK: - Section 三

    /// Right edge of applicant column `i` (0-based) of section 三.
    private static func requestEdge(_ i: Int) -> Int { 62 + 8 * i }

    static func requests(_ layout: PrintedTemplate.Layout, _ report: SyntheticReport, _ page: inout Page) {
        let stacked = page.quirks.contains(.stackedHeaders)
        page.add(spaces(requestEdge(3) - 2) + "申请人情况")
        page.add(spaces(requestEdge(2) - 2) + "法人或其他组织")
        let note = PrintedTemplate.reconciliationNote
        page.add(String(note.prefix(22)))
        page.add(String(note.dropFirst(22)))
        // The column headers: whole words, or stacked two characters a line.
        let headers = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
        let pieces: [[String]] = headers.enumerated().map { index, header in
            guard stacked, (1...4).contains(index) else { return [header] }
            return stride(from: 0, to: header.count, by: 2).map { String(Array(header)[$0..<min($0 + 2, header.count)]) }
        }
        for depth in 0..<(pieces.map(\.count).max() ?? 1) {
            var line = Line()
            for (index, column) in pieces.enumerated() where depth < column.count {
                line.put(column[depth], at: requestEdge(index), align: .right)
            }
            page.add(line.text)
        }
        page.add("")

        // The data rows, and the group cells each carries (at the middle of the rows a group spans).
        let rows = Array(layout.rows.dropFirst(3))
        var groupsAt: [Int: [String]] = [:]
        var inGroup: [Int: Int] = [:]  // row → how many groups cover it
        for (r, row) in rows.enumerated() {
            for cell in row where cell.role == .group {
                groupsAt[r + cell.rowSpan / 2, default: []].append(cell.text)
                for covered in r..<(r + cell.rowSpan) { inGroup[covered, default: 0] += 1 }
            }
        }
        let margin = page.quirks.contains(.groupLabelsInMargin)
        for (r, row) in rows.enumerated() {
            guard let label = row.first(where: { $0.role == .rowLabel })?.text else { continue }
            let values = row.filter { $0.role == .value }.map { value($0.text, report) }
            let groups = groupsAt[r] ?? []
            let labelColumn = [0, 4, 20][min(inGroup[r] ?? 0, 2)]
            if margin {
                for group in groups {
                    if group.hasPrefix("三、") {
                        // Letter-spaced by the PDF's justification, alone between blank lines.
                        page.add("")
                        page.add(" " + letterSpaced(group))
                        page.add("")
                    } else if group == "（三）不予公开" {
                        page.add(spaces(4) + "（三）")
                        page.add(spaces(4) + "不予公开")
                    } else {
                        page.add(spaces(4) + group)
                    }
                }
            }
            var fragments = [label]
            if page.quirks.contains(.wrappedLabels) && (margin || groups.isEmpty) { fragments = wrapped(label, width: 14) }
            let numbersAlone = fragments.count > 1 && r % 2 == 0
            if numbersAlone && !fragments[0].isEmpty {
                // pdftotext's justification gap inside the first fragment ("只计这一情 形，不").
                var first = Array(fragments[0])
                first.insert(" ", at: first.count - 2)
                fragments[0] = String(first)
            }
            for fragment in numbersAlone ? fragments : fragments.dropLast() { page.add(spaces(labelColumn) + fragment) }
            var line = Line()
            if !margin {
                for (g, group) in groups.enumerated() { line.put(group, at: 2 + 10 * g) }
            }
            if !numbersAlone { line.put(fragments[fragments.count - 1], at: labelColumn) }
            for (i, text) in values.enumerated() { line.put(text, at: requestEdge(i), align: .right) }
            page.add(line.text)
            if r == 12 { page.footer() }
        }
        page.add("")
    }

    // MARK: - Section 四

    /// Right edge of section-四 column `i` (0-based).
    private static func appealEdge(_ i: Int) -> Int { 6 + 6 * i }

    static func appeals(_ report: SyntheticReport, _ page: inout Page) {
        var top = Line()
        top.put("行政复议", at: 10)
        top.put("行政诉讼", at: 58)
        page.add(top.text)
        var second = Line()
        second.put("未经复议直接起诉", at: 36)
        second.put("复议后起诉", at: 70)
        page.add(second.text)
        let labels = PrintedTemplate.resultLabels + PrintedTemplate.resultLabels + PrintedTemplate.resultLabels
        if page.quirks.contains(.stackedHeaders) {
            // One character a line: 结 / 果 / 维 / 持; 总计 on the middle lines.
            for depth in 0..<4 {
                var line = Line()
                for (i, label) in labels.enumerated() {
                    let characters = Array(label)
                    let offset = (4 - characters.count) / 2
                    guard depth >= offset, depth - offset < characters.count else { continue }
                    line.put(String(characters[depth - offset]), at: appealEdge(i), align: .right)
                }
                page.add(line.text)
            }
        } else {
            var line = Line()
            for (i, label) in labels.enumerated() { line.put(label, at: appealEdge(i) + 2, align: .right) }
            page.add(line.text)
        }
        page.add("")
        page.add("")
        var numbers = Line()
        let keys = ["review", "litigation.direct", "litigation.after_review"].flatMap { block in
            PrintedTemplate.resultKeys.map { block + "." + $0 }
        }
        for (i, key) in keys.enumerated() { numbers.put(value(key, report), at: appealEdge(i), align: .right) }
        page.add(numbers.text)
        page.add("")
        page.footer()
    }

    // MARK: - Text

    /// The printed text of `key`'s cell: its number, or nothing for a blank cell.
    static func value(_ key: String, _ report: SyntheticReport) -> String {
        report.value(key)?.description ?? ""
    }

    static func spaces(_ count: Int) -> String { String(repeating: " ", count: max(count, 0)) }

    /// "三 、本 年 度办 理 结果": single spaces of a justified line (read as one cell).
    static func letterSpaced(_ text: String) -> String {
        var result = ""
        for (index, character) in text.enumerated() {
            if index > 0 && index % 2 == 1 && index < text.count - 2 { result += " " }
            result.append(character)
        }
        return result
    }

    /// `label` cut into lines of at most `width` characters; no line may read
    /// as a number ("1.") or be a page footer, so a cut moves when it would.
    static func wrapped(_ label: String, width: Int) -> [String] {
        let characters = Array(label)
        guard characters.count > width else { return [label] }
        var fragments: [String] = []
        var start = 0
        while start < characters.count {
            var end = min(start + width, characters.count)
            while end < characters.count, end - start > 1,
                ValueParser.isValueLike(String(characters[start..<end]))
                    || ValueParser.isValueLike(String(characters[end...]))
            {
                end -= 1
            }
            fragments.append(String(characters[start..<end]))
            start = end
        }
        return fragments
    }

    /// Prose as pdftotext prints a justified paragraph: short lines, the first indented.
    static func proseLines(_ text: String, width: Int = 34) -> [String] {
        let characters = Array(text)
        var lines: [String] = []
        var start = 0
        while start < characters.count {
            var end = min(start + width, characters.count)
            // Never leave a line that reads as a number.
            while end < characters.count, end - start > 1, ValueParser.isValueLike(String(characters[start..<end])) { end += 1 }
            lines.append((start == 0 ? spaces(2) : "") + String(characters[start..<end]))
            start = end
        }
        return lines
    }

    // MARK: - Page

    /// The lines printed so far, with page numbers and form feeds.
    struct Page {
        let quirks: LayoutTextQuirks
        var lines: [String] = []
        var number = 0
        /// The next line starts a page: pdftotext puts a form feed before it.
        var formFeed = false

        init(quirks: LayoutTextQuirks) { self.quirks = quirks }

        mutating func add(_ line: String) {
            lines.append((formFeed ? "\u{0C}" : "") + line)
            formFeed = false
        }

        mutating func prose(_ text: String) {
            for line in LayoutTextRenderer.proseLines(text) { add(line) }
        }

        /// A page footer ("-3-"), when the quirk asks for them.
        mutating func footer() {
            guard quirks.contains(.pageFooters) else { return }
            number += 1
            add("")
            add(spaces(33) + (number % 2 == 0 ? "- \(number) -" : "-\(number)-"))
            add("")
            formFeed = true
        }
    }

    /// One output line built left to right; cells keep at least two spaces
    /// between them, so a reader splitting on runs of spaces finds them all.
    struct Line {
        enum Alignment { case left, right }

        private(set) var text = ""
        private var width = 0

        mutating func put(_ cell: String, at column: Int, align: Alignment = .left) {
            guard !cell.isEmpty else { return }
            var start = align == .right ? column - cell.count : column
            start = max(start, width == 0 ? 0 : width + 2)
            text += LayoutTextRenderer.spaces(start - width) + cell
            width = start + cell.count
        }
    }
}
