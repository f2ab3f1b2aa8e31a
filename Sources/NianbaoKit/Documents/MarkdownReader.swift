import Foundation

/// Reads markdown and pipe-table text as PDF converters and OCR tools write
/// it: `| a | b |` rows (separator rows `|---|` skipped), `#` headings and
/// plain lines as paragraphs (report-format.md §11.1).
public enum MarkdownReader {
    public static func read(_ text: String) -> Document {
        var blocks: [Block] = []
        var rows: [TableRow] = []
        var tableCount = 0
        func endTable() {
            guard !rows.isEmpty else { return }
            tableCount += 1
            blocks.append(.table(Table(number: tableCount, rows: rows)))
            rows = []
        }
        var number = 0
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            number += 1
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if isPipeRow(trimmed) {
                let cells = pipeCells(trimmed.hasPrefix("|") ? trimmed : "|" + trimmed)
                if !cells.allSatisfy(isSeparatorCell) {
                    rows.append(TableRow(cells: cells.map { TableCell($0, line: number) }, line: number))
                }
                continue
            }
            endTable()
            let text = trimmed.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces)
            if !text.isEmpty { blocks.append(.paragraph(Paragraph(text: text, line: number))) }
        }
        endTable()
        return Document(blocks: blocks)
    }

    /// A pipe-table row: `| a | b |`, or `a | b |` without the leading pipe
    /// (text tables some sites publish), at least two pipes either way.
    static func isPipeRow(_ trimmed: String) -> Bool {
        if trimmed.hasPrefix("|") { return trimmed.dropFirst().contains("|") }
        return trimmed.hasSuffix("|") && trimmed.dropLast().contains("|")
    }

    /// The cells of a pipe row: outer pipes dropped, `\|` kept as a literal pipe.
    static func pipeCells(_ line: String) -> [String] {
        var cells: [String] = []
        var current = ""
        var escaped = false
        for character in line.dropFirst() {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "|" {
                cells.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            } else {
                current.append(character)
            }
        }
        let last = current.trimmingCharacters(in: .whitespaces)
        if !last.isEmpty { cells.append(last) }
        return cells
    }

    /// `---`, `:--:`: the alignment row under a header.
    static func isSeparatorCell(_ cell: String) -> Bool {
        !cell.isEmpty && cell.allSatisfy { $0 == "-" || $0 == ":" }
    }
}
