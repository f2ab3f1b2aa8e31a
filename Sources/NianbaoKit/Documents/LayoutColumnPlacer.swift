/// Places the numbers of layout text's short rows under the columns they
/// stand in (report-format.md §11.1): saved `pdftotext -layout` text leaves
/// a blank cell as spaces, so "1.属于国家秘密   3                 3" shows two
/// numbers for seven columns, and only their display columns say which.
///
/// The columns come from the same geometry as a PDF's (``PDFColumns``): the
/// header cells above the numbers and the stacks of numbers themselves, in
/// display columns (a CJK character is two wide). A short row is rebuilt
/// with blanks only when every number falls in a column of its own, left to
/// right, each under its column's header or in its column's stack of numbers
/// (near is not enough: a layout may print numbers off their headers), and
/// only a row whose label is on the line of its numbers, in a table without
/// lines of numbers alone (which may be the rest of wrapped numbers);
/// otherwise it is left as it was, for the extractor's rules.
enum LayoutColumnPlacer {
    /// `rows` with short rows filled out; `spans[i][k]` is the columns of
    /// cell `k` of row `i` (nil where cells were joined).
    static func place(_ rows: [TableRow], spans: [[LayoutSpan?]]) -> [TableRow] {
        var result: [TableRow] = []
        var start = 0
        // Parts: header rows, then rows with numbers, until a row without numbers follows them.
        while start < rows.count {
            var end = start
            while end < rows.count, !hasNumber(rows[end]) { end += 1 }
            while end < rows.count, hasNumber(rows[end]) || isBlankRow(rows[end]) { end += 1 }
            result += placePart(rows[start..<end], spans: spans[start..<end])
            start = max(end, start + 1)
        }
        return result
    }

    private static func valueStart(_ row: TableRow) -> Int {
        var start = row.cells.count
        while start > 0, ValueParser.isValueLike(row.cells[start - 1].text) { start -= 1 }
        return start
    }

    private static func hasNumber(_ row: TableRow) -> Bool {
        row.cells[valueStart(row)...].contains { !ValueParser.isBlank($0.text) }
    }

    private static func isBlankRow(_ row: TableRow) -> Bool { row.cells.allSatisfy { ValueParser.isBlank($0.text) } }

    private static func word(_ text: String, _ span: ClosedRange<Int>, row: Int) -> PDFWord {
        PDFWord(text: text, page: 0, x0: Double(span.lowerBound), y0: Double(row) * 3, x1: Double(span.upperBound + 1), y1: Double(row) * 3 + 3)
    }

    /// A part's rows placed by whichever way of counting columns places
    /// them; when both do and disagree, as they were.
    private static func placePart(_ rows: ArraySlice<TableRow>, spans: ArraySlice<[LayoutSpan?]>) -> [TableRow] {
        let placements = LayoutSpan.Measure.allCases.compactMap { measure in
            placePart(Array(rows), spans: spans.map { $0.map { $0?.columns(measure) } }, measure: measure)
        }
        guard let first = placements.first, placements.allSatisfy({ $0 == first }) else { return Array(rows) }
        return first
    }

    /// The part's rows placed with `spans` in one way of counting, or nil when nothing is placed.
    private static func placePart(_ rows: [TableRow], spans: [[ClosedRange<Int>?]], measure: LayoutSpan.Measure) -> [TableRow]? {
        guard let first = rows.indices.first(where: { hasNumber(rows[$0]) }) else { return nil }
        var labelRight = -1
        var values: [PDFWord] = []
        var widest = 0
        for index in first..<rows.count {
            let row = rows[index], start = valueStart(row)
            widest = max(widest, row.cells.count - start)
            for k in row.cells.indices {
                guard spans[index].indices.contains(k), let span = spans[index][k] else { continue }
                if k < start {
                    labelRight = max(labelRight, span.upperBound)
                } else if !ValueParser.isBlank(row.cells[k].text) {
                    values.append(word(row.cells[k].text, span, row: index))
                }
            }
        }
        var header: [PDFWord] = []
        for index in 0..<first {
            for (k, cell) in rows[index].cells.enumerated() where spans[index].indices.contains(k) {
                if let span = spans[index][k], span.lowerBound > labelRight { header.append(word(cell.text, span, row: index)) }
            }
        }
        let columns = PDFColumns(header: header, values: values)
        // Columns no row fills are believed only from a header every number stands under.
        let width = columns.bands.count
        guard width >= 2, width == widest || (columns.fromHeader && width > widest) else { return nil }
        // Positions are trusted when a full row stands each number under its own
        // column; without one, only in a wide table (a narrow one may print a
        // merged value cell under another header, as V2019's section 二 does)
        // and only counting characters, as pdftotext pads: display width
        // (editors' alignment) must be confirmed by a full row.
        let confirmed = rows.indices.contains { index in
            let row = rows[index], start = valueStart(row)
            guard index >= first, row.cells.count - start == width else { return false }
            return (start..<row.cells.count).allSatisfy { k in
                ValueParser.isBlank(row.cells[k].text)
                    || (spans[index].indices.contains(k) && spans[index][k].map {
                        columns.column(of: word(row.cells[k].text, $0, row: index), strictly: true) == k - start
                    } ?? false)
            }
        }
        guard confirmed || (width >= 5 && measure == .characters) else { return nil }
        // A line of numbers without a label may be the rest of numbers wrapped
        // in their cells: then no short row is placed.
        // (A table without a label column, as section 四, has only such lines.)
        let hasLabelColumn = rows[first...].contains { row in row.cells[..<valueStart(row)].contains { !ValueParser.isBlank($0.text) } }
        let unlabeledShort = hasLabelColumn && rows.indices.contains { index in
            let row = rows[index], start = valueStart(row)
            return index >= first && hasNumber(row) && row.cells.count - start < width
                && row.cells[..<start].allSatisfy { ValueParser.isBlank($0.text) }
        }
        guard !unlabeledShort else { return nil }
        var changed = false
        let placed: [TableRow] = rows.indices.map { index in
            let row = rows[index], start = valueStart(row)
            let count = row.cells.count - start
            // Only a row whose label stands on the line of its numbers (not one joined from lines above).
            let labelled = !hasLabelColumn || (start > 0 && spans[index].indices.contains(start - 1) && spans[index][start - 1] != nil)
            guard index >= first, count > 0, count < width, hasNumber(row), labelled else { return row }
            var placed = [TableCell?](repeating: nil, count: width)
            var last = -1
            for k in start..<row.cells.count {
                if ValueParser.isBlank(row.cells[k].text) { continue }
                guard spans[index].indices.contains(k), let span = spans[index][k],
                    let column = columns.column(of: word(row.cells[k].text, span, row: index), strictly: true), column > last,
                    measure == .characters || columns.stands(word(row.cells[k].text, span, row: index), under: column)
                else { return row }
                placed[column] = row.cells[k]
                last = column
            }
            let blanks = (0..<width).map { placed[$0] ?? TableCell("", line: row.line) }
            changed = true
            return TableRow(cells: Array(row.cells[..<start]) + blanks, line: row.line)
        }
        return changed ? placed : nil
    }
}
