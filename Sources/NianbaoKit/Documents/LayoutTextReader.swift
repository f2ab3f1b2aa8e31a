/// Reads page text laid out in columns, as `pdftotext -layout` writes it
/// (report-format.md §11.1): a line's cells are separated by runs of two or
/// more spaces; label lines wrapped above the line that carries their numbers
/// are joined to it; page footers ("-3-") are dropped; a line of prose stays
/// a paragraph.
public enum LayoutTextReader {
    public static func read(_ text: String) -> Document {
        var builder = Builder()
        var number = 0
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\u{0C}" }) {
            number += 1
            builder.add(String(line), line: number)
        }
        return builder.finish()
    }

    /// Cells of a layout line: text runs separated by two or more spaces (or a tab).
    static func cells(_ line: String) -> [String] {
        var cells: [String] = []
        var current = ""
        var spaces = 0
        for character in line {
            if character == " " || character == "\u{3000}" || character == "\t" {
                spaces += character == "\t" ? 2 : 1
                continue
            }
            if spaces >= 2, !current.isEmpty {
                cells.append(current)
                current = ""
            } else if spaces == 1, !current.isEmpty {
                current.append(" ")
            }
            spaces = 0
            current.append(character)
        }
        if !current.isEmpty { cells.append(current) }
        // Narrow columns may sit one space apart ("1339 3279"): numbers are never one cell.
        return cells.flatMap { cell -> [String] in
            let tokens = cell.split(separator: " ").map(String.init)
            let numbers = tokens.allSatisfy { ValueParser.isValueLike($0) && !ValueParser.notApplicableMarks.contains($0) }
            return tokens.count > 1 && numbers ? tokens : [cell]
        }
    }

    /// "-3-", "- 3 -", "第 3 页": page furniture, never report content.
    static func isPageFooter(_ cells: [String]) -> Bool {
        guard cells.count == 1 else { return false }
        let text = cells[0].filter { $0 != " " }
        if text.hasPrefix("-") && text.hasSuffix("-") && text.count >= 3 { return text.dropFirst().dropLast().allSatisfy(\.isASCIIDigit) }
        return text.hasPrefix("第") && text.hasSuffix("页") && text.dropFirst().dropLast().allSatisfy(\.isASCIIDigit)
    }

    private struct Builder {
        var blocks: [Block] = []
        var rows: [TableRow] = []
        /// Single-cell label lines waiting to see whether numbers follow.
        var pending: [(text: String, line: Int)] = []
        var tableCount = 0

        mutating func add(_ raw: String, line: Int) {
            let cells = LayoutTextReader.cells(raw)
            if cells.isEmpty {
                flushPending()
                return
            }
            if LayoutTextReader.isPageFooter(cells) { return }
            let hasValues = cells.contains { ValueParser.isValueLike($0) }
            if cells.count == 1 && !hasValues {
                pending.append((cells[0], line))
                return
            }
            var rowCells = cells.map { TableCell($0, line: line) }
            if hasValues, !pending.isEmpty {
                // A label wrapped over the lines above its numbers.
                let label = pending.map(\.text).joined()
                if ValueParser.isValueLike(cells[0]) {
                    rowCells.insert(TableCell(label, line: pending[0].line), at: 0)
                } else {
                    rowCells[0] = TableCell(label + cells[0], line: pending[0].line)
                }
                pending = []
            } else {
                flushPending()
            }
            rows.append(TableRow(cells: rowCells, line: line))
        }

        /// Label lines not followed by numbers: prose or headings, as paragraphs.
        mutating func flushPending() {
            guard !pending.isEmpty else { return }
            endTable()
            for (text, line) in pending { blocks.append(.paragraph(Paragraph(text: text, line: line))) }
            pending = []
        }

        mutating func endTable() {
            guard !rows.isEmpty else { return }
            tableCount += 1
            blocks.append(.table(Table(number: tableCount, rows: rows)))
            rows = []
        }

        mutating func finish() -> Document {
            flushPending()
            endTable()
            return Document(blocks: blocks)
        }
    }
}
