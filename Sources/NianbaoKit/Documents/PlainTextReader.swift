import Foundation

/// Reads plain text in the layout DOCX-to-text converters write: one table
/// cell per line prefixed by a tab, rows separated by blank lines, a cell's
/// text wrapping onto following lines, `[bookmark: …]` and `[image: …]` markers.
///
/// Paragraphs are the other lines. A line that starts with spaces before its
/// tab begins a new row: converters write it where a row lost its separator
/// (山亭区应急局 2021: three unlabeled rows glued to their predecessors).
public enum PlainTextReader {
    public static func read(_ text: String) -> Document {
        var builder = Builder()
        for (offset, line) in lines(text).enumerated() {
            builder.add(stripMarkers(line), line: offset + 1)
        }
        return builder.finish()
    }

    /// The lines of `text` (``Swift/String/lineSlices``), each without a "\r" at its end.
    static func lines(_ text: String) -> [Substring] {
        text.lineSlices.map { $0.utf8.last == 0x0D ? $0.dropLast() : $0 }
    }

    /// Removes converter markers: `[bookmark: _Hlk66973412]`, `[image: ]`.
    static func stripMarkers(_ line: Substring) -> Substring {
        guard line.includes("[") else { return line }
        var result = ""
        var rest = line
        while let open = rest.firstIndex(of: "[") {
            let after = rest[rest.index(after: open)...]
            if after.hasPrefix("bookmark:") || after.hasPrefix("image:"), let close = after.firstIndex(of: "]") {
                result += rest[..<open]
                rest = after[after.index(after: close)...]
            } else {
                result += rest[...open]
                rest = after
            }
        }
        return Substring(result + rest)
    }

    private struct Builder {
        var blocks: [Block] = []
        var rows: [TableRow] = []
        var cells: [TableCell] = []
        var rowLine: Int?
        var inTable = false
        var lastLineWasCell = false
        var tableCount = 0

        mutating func add(_ line: Substring, line number: Int) {
            if let tab = line.firstIndex(of: "\t"), line[..<tab].allSatisfy(\.isWhitespace) {
                if !inTable { inTable = true }
                if tab != line.startIndex { endRow() }  // spaces before the tab: a lost row separator
                let parts = line[line.index(after: tab)...].split(separator: "\t", omittingEmptySubsequences: false)
                if cells.isEmpty { rowLine = number }
                cells += parts.map { TableCell(String($0), line: number) }
                lastLineWasCell = true
                return
            }
            let trimmed = line.trimmingSpaces
            if trimmed.isEmpty {
                endRow()
                lastLineWasCell = false
                return
            }
            if inTable && lastLineWasCell && !cells.isEmpty && !Self.isSectionHeading(trimmed) {
                cells[cells.count - 1].text += "\n" + trimmed  // a cell wrapping onto the next line
                return
            }
            endTable()
            blocks.append(.paragraph(Paragraph(text: trimmed, line: number)))
            lastLineWasCell = false
        }

        mutating func endRow() {
            guard !cells.isEmpty else { return }
            rows.append(TableRow(cells: cells, line: rowLine))
            cells = []
        }

        mutating func endTable() {
            endRow()
            if inTable && !rows.isEmpty {
                tableCount += 1
                blocks.append(.table(Table(number: tableCount, rows: rows)))
            }
            rows = []
            inTable = false
            lastLineWasCell = false
        }

        mutating func finish() -> Document {
            endTable()
            return Document(blocks: blocks)
        }

        /// "五、…" never continues a cell, even without a blank line before it.
        static func isSectionHeading(_ text: String) -> Bool {
            let chars = Array(text.prefix(2))
            return chars.count == 2 && "一二三四五六七八九十".contains(chars[0]) && chars[1] == "、"
        }
    }
}
