import NianbaoKit
/// Prints a ``SyntheticReport`` as the plain text a DOCX-to-text converter
/// writes (the layout of Data/hongze-district-gov-2024.txt): paragraphs as
/// lines, every table cell on its own line after a tab, a blank line between
/// rows, merged cells written once with an empty cell where a row span
/// continues, and long cells wrapping onto an untabbed line.
public enum TextReportRenderer {
    public static func render(_ report: SyntheticReport) -> String {
        var lines: [String] = []
        // The title wraps over two lines, as converters break it.
        lines.append("\(report.bureau)\(report.year)年政府信息公开")
        lines.append("工作年度报告")
        lines.append("")
        lines.append(PrintedTemplate.preamble(report))
        let layouts = PrintedTemplate.tables(report.version)
        for (index, heading) in PrintedTemplate.headings.enumerated() {
            lines.append(heading)
            if let prose = PrintedTemplate.prose(index, report) { lines.append(prose) }
            guard let layout = layouts.first(where: { PrintedTemplate.heading($0.section) == heading }) else { continue }
            lines += table(layout, report)
            lines.append("")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The table's lines: one per cell, rows separated by blank lines.
    static func table(_ layout: PrintedTemplate.Layout, _ report: SyntheticReport) -> [String] {
        var lines: [String] = []
        // Grid columns still covered by a row span from above: (remaining rows, column span).
        var covered: [Int: (rows: Int, columns: Int)] = [:]
        for row in layout.rows {
            var cells = row[...]
            var column = 0
            var texts: [String] = []
            while !cells.isEmpty || covered.keys.contains(where: { $0 >= column }) {
                if let span = covered[column] {
                    texts.append("")  // a row-span continuation: an empty cell
                    covered[column] = span.rows > 1 ? (span.rows - 1, span.columns) : nil
                    column += span.columns
                    continue
                }
                guard let cell = cells.popFirst() else { break }
                texts.append(text(cell, report))
                if cell.rowSpan > 1 { covered[column] = (cell.rowSpan - 1, cell.columnSpan) }
                column += cell.columnSpan
            }
            lines += texts.map { "\t" + $0 }
            lines.append("")
        }
        return lines
    }

    static func text(_ cell: PrintedTemplate.Cell, _ report: SyntheticReport) -> String {
        switch cell.role {
        case .value: return report.value(cell.text)?.description ?? ""
        case .header where cell.text == PrintedTemplate.reconciliationNote:
            // The note is wider than its cell: the converter wraps it.
            return "（本列数据的勾稽关系为：第一项加第二项之和，\n等于第三项加第四项之和）"
        default: return cell.text
        }
    }
}
