/// Reads page text laid out in columns, as `pdftotext -layout` writes it
/// (report-format.md §11.1): a line's cells are separated by runs of two or
/// more spaces; label lines wrapped above the line that carries their numbers
/// are joined to it; page footers ("-3-") are dropped; a line of prose stays
/// a paragraph. Numbers of a row with blank cells are placed under the
/// columns they stand in (``LayoutColumnPlacer``).
public enum LayoutTextReader {
    public static func read(_ text: String) -> Document {
        var builder = Builder()
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\u{0C}" })
        for (index, line) in lines.enumerated() {
            builder.add(String(line), line: index + 1, next: index + 1 < lines.count ? String(lines[index + 1]) : nil)
        }
        return builder.finish()
    }

    /// Display columns before a line's first character (a CJK character or a
    /// full-width space is two columns wide, a tab moves to the next multiple of 8).
    static func indentation(_ line: String) -> Int {
        var column = 0
        for character in line {
            switch character {
            case " ": column += 1
            case "\u{3000}": column += 2
            case "\t": column += 8 - column % 8
            default: return column
            }
        }
        return column
    }

    /// Cells of a layout line: text runs separated by two or more spaces (or a tab).
    static func cells(_ line: String) -> [String] { spannedCells(line).map(\.text) }

    /// The cells of a layout line with the columns each covers, counted
    /// both ways fixed-width text is written: one column per character (as
    /// `pdftotext -layout` pads) and by display width (a CJK character two
    /// columns, as editors align). Cells are text runs separated by two or
    /// more spaces (or a tab); numbers one space apart ("1339 3279", narrow
    /// columns) are cells of their own.
    static func spannedCells(_ line: String) -> [(text: String, span: LayoutSpan)] {
        // Tokens: runs without spaces, with their columns and the spaces before them.
        var tokens: [(text: String, span: LayoutSpan, spaces: Int)] = []
        var column = 0, character = 0, spaces = 0
        for letter in line {
            if letter == " " || letter == "\u{3000}" || letter == "\t" {
                spaces += letter == "\t" ? 2 : 1
                column += letter.displayWidth
                character += 1
                continue
            }
            if spaces == 0, !tokens.isEmpty {
                tokens[tokens.count - 1].text.append(letter)
                tokens[tokens.count - 1].span.extend(display: column + letter.displayWidth - 1, character: character)
            } else {
                tokens.append((String(letter), LayoutSpan(display: column...(column + letter.displayWidth - 1), characters: character...character), spaces))
            }
            column += letter.displayWidth
            character += 1
            spaces = 0
        }
        var cells: [[(text: String, span: LayoutSpan, spaces: Int)]] = []
        for token in tokens {
            if token.spaces == 1, !cells.isEmpty { cells[cells.count - 1].append(token) } else { cells.append([token]) }
        }
        return cells.flatMap { cell -> [(text: String, span: LayoutSpan)] in
            let numbers = cell.allSatisfy { ValueParser.isValueLike($0.text) && !ValueParser.notApplicableMarks.contains($0.text) }
            if cell.count > 1 && numbers { return cell.map { ($0.text, $0.span) } }
            var span = cell[0].span
            span.extend(display: cell[cell.count - 1].span.display.upperBound, character: cell[cell.count - 1].span.characters.upperBound)
            return [(cell.map(\.text).joined(separator: " "), span)]
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
        /// The columns of each cell of `rows` (nil for a joined label).
        var spans: [[LayoutSpan?]] = []
        /// Single-cell label lines waiting to see whether numbers follow.
        var pending: [(text: String, line: Int, raw: String)] = []
        /// Label lines of a table ended by a blank line: rows of blanks when
        /// the table goes on below them, else paragraphs.
        var tentative: [(text: String, line: Int, raw: String)] = []
        /// Tables read, by their place in `blocks`, with the columns of their cells.
        var unplaced: [(block: Int, rows: [TableRow], spans: [[LayoutSpan?]])] = []
        /// Where the label of the last row with numbers starts (display
        /// columns), kept from table to table (section 二's sub-tables share their label column).
        var lastLabelIndent: Int?
        var tableCount = 0

        mutating func add(_ raw: String, line: Int, next: String? = nil) {
            let spanned = LayoutTextReader.spannedCells(raw)
            let cells = spanned.map(\.text)
            if cells.isEmpty {
                // A table's label line between blank lines: a row of blanks if the table goes on.
                if !rows.isEmpty, !pending.isEmpty, pending.allSatisfy({ Self.mayBeRowLabel($0.text) }) {
                    tentative += pending
                    pending = []
                } else {
                    flushPending()
                }
                return
            }
            if LayoutTextReader.isPageFooter(cells) { return }
            let hasValues = cells.contains { ValueParser.isValueLike($0) }
            if !tentative.isEmpty, hasValues || cells.count > 1 {
                // The table goes on: a waiting line indented as the row labels
                // around it is a row of blanks; any other (a group label in the
                // margin, a caption) is a paragraph between tables, as before.
                let indents = [lastLabelIndent, ValueParser.isValueLike(cells[0]) ? nil : LayoutTextReader.indentation(raw)].compactMap { $0 }
                for waiting in tentative {
                    if indents.contains(where: { abs($0 - LayoutTextReader.indentation(waiting.raw)) <= 1 }) {
                        appendLabelAlone(waiting)
                    } else {
                        endTable()
                        blocks.append(.paragraph(Paragraph(text: waiting.text, line: waiting.line)))
                    }
                }
                tentative = []
            }
            if cells.count == 1 && !hasValues {
                pending.append((cells[0], line, raw))
                return
            }
            var rowCells = cells.map { TableCell($0, line: line) }
            var rowSpans: [LayoutSpan?] = spanned.map(\.span)
            if hasValues, pending.count >= 2, let next, Self.continuesBelow(next, pending: pending.last!.raw) {
                // Label lines above and below the numbers: a label centred on
                // its numbers. Only the nearest line above is this row's; the
                // ones before may be rows of their own (a blank row's label),
                // so they stay label-only rows and are never joined to these numbers.
                for earlier in pending.dropLast() {
                    rows.append(TableRow(cells: [TableCell(earlier.text, line: earlier.line)], line: earlier.line))
                    spans.append([nil])
                }
                pending = [pending.last!]
            }
            let labelIndent = pending.first.map { LayoutTextReader.indentation($0.raw) }
                ?? (ValueParser.isValueLike(cells[0]) ? nil : LayoutTextReader.indentation(raw))
            if hasValues, !pending.isEmpty {
                // A label wrapped over the lines above its numbers.
                let label = pending.map(\.text).joined()
                if ValueParser.isValueLike(cells[0]) {
                    rowCells.insert(TableCell(label, line: pending[0].line), at: 0)
                    rowSpans.insert(nil, at: 0)
                } else {
                    // The span stays the line's own label: the numbers have a label beside them.
                    rowCells[0] = TableCell(label + cells[0], line: pending[0].line)
                }
                pending = []
            } else {
                flushPending()
            }
            rows.append(TableRow(cells: rowCells, line: line))
            spans.append(rowSpans)
            if hasValues { lastLabelIndent = labelIndent }
        }

        /// Label lines not followed by numbers: prose or headings, as paragraphs.
        mutating func flushPending() {
            guard !pending.isEmpty || !tentative.isEmpty else { return }
            // The table's last rows of blanks, before what ends it.
            while let waiting = tentative.first, let indent = lastLabelIndent,
                abs(LayoutTextReader.indentation(waiting.raw) - indent) <= 1 {
                appendLabelAlone(waiting)
                tentative.removeFirst()
            }
            endTable()
            for (text, line, _) in tentative + pending { blocks.append(.paragraph(Paragraph(text: text, line: line))) }
            tentative = []
            pending = []
        }

        /// A label line alone as a row (the placer gives it a blank under every column).
        mutating func appendLabelAlone(_ waiting: (text: String, line: Int, raw: String)) {
            rows.append(TableRow(cells: [TableCell(waiting.text, line: waiting.line)], line: waiting.line))
            spans.append([LayoutTextReader.spannedCells(waiting.raw).first?.span])
        }

        /// Whether a line may be a row's label (a short line, not a heading,
        /// the title, a date or prose).
        static func mayBeRowLabel(_ text: String) -> Bool {
            SectionLocator.headingSection(text) == nil && !text.hasSuffix("。") && !text.includes("年度报告")
                && !text.includes("日期") && text.reduce(0) { $0 + $1.displayWidth } <= 40
        }

        /// Whether `next` is a label line continuing below the numbers: one
        /// cell, no value, indented as the label line above them, not a new item.
        static func continuesBelow(_ next: String, pending: String) -> Bool {
            let cells = LayoutTextReader.cells(next)
            return cells.count == 1 && !ValueParser.isValueLike(cells[0]) && !PDFTableBuilder.startsWithListMarker(cells[0])
                && abs(LayoutTextReader.indentation(next) - LayoutTextReader.indentation(pending)) <= 1
        }

        mutating func endTable() {
            guard !rows.isEmpty else { return }
            tableCount += 1
            // Placed at the end, when the tables under the same header are known.
            unplaced.append((blocks.count, rows, spans))
            blocks.append(.table(Table(number: tableCount, rows: rows)))
            rows = []
            spans = []
        }

        mutating func finish() -> Document {
            flushPending()
            endTable()
            let placed = LayoutColumnPlacer.place(unplaced.map { LayoutColumnPlacer.Grid(rows: $0.rows, spans: $0.spans) })
            for (table, rows) in zip(unplaced, placed) {
                guard case .table(let printed) = blocks[table.block] else { continue }
                blocks[table.block] = .table(Table(number: printed.number, rows: rows))
            }
            return Document(blocks: blocks)
        }
    }
}
