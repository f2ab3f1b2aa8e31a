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
    /// A table's rows with the columns of each cell: `spans[i][k]` is the
    /// columns of cell `k` of row `i` (nil where cells were joined).
    struct Grid {
        var rows: [TableRow]
        var spans: [[LayoutSpan?]]

        /// The header row (the first row, when it has no number): its cells' texts and columns.
        var header: [String] {
            guard let first = rows.first, !hasNumber(first) else { return [] }
            return first.cells.indices.map { k in
                "\(first.cells[k].text)@\(spans[0].indices.contains(k) ? spans[0][k].map { "\($0.characters)" } ?? "" : "")"
            }
        }

        /// Every number with its columns.
        var numbers: [(text: String, span: LayoutSpan)] {
            rows.indices.flatMap { index in
                (valueStart(rows[index])..<rows[index].cells.count).compactMap { k in
                    let text = rows[index].cells[k].text
                    guard !ValueParser.isBlank(text), spans[index].indices.contains(k), let span = spans[index][k] else { return nil }
                    return (text, span)
                }
            }
        }
    }

    /// Every table's rows with short rows filled out. The tables printed
    /// under the same header at the same columns (section 二's sub-tables
    /// (五) and (六)) share where their numbers stand, which shows the
    /// columns one of them leaves blank. (A report has a handful of such
    /// sub-tables: more under one header are not that, and share nothing.)
    static func place(_ tables: [Grid]) -> [[TableRow]] {
        let headers = tables.map(\.header)
        let sameHeader = Dictionary(grouping: tables.indices.filter { headers[$0].count >= 2 }, by: { headers[$0] })
        return tables.indices.map { index in
            let group = sameHeader[headers[index]] ?? []
            let siblings = group.count > 8 ? [] : group.filter { $0 != index }.flatMap { tables[$0].numbers }
            return place(tables[index], siblings: siblings)
        }
    }

    /// The grid's rows with short rows filled out, `siblings` showing where
    /// numbers stand in columns the grid leaves blank.
    private static func place(_ grid: Grid, siblings: [(text: String, span: LayoutSpan)]) -> [TableRow] {
        let rows = grid.rows, spans = grid.spans
        var result: [TableRow] = []
        var start = 0
        // Parts: header rows, then rows with numbers (and labels alone: rows
        // of blanks), until a row of several cells without numbers follows them.
        while start < rows.count {
            var end = start
            while end < rows.count, !hasNumber(rows[end]) { end += 1 }
            while end < rows.count, hasNumber(rows[end]) || isBlankRow(rows[end]) || isLabelAlone(rows[end]) { end += 1 }
            result += placePart(rows[start..<end], spans: spans[start..<end], siblings: siblings)
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

    private static func isLabelAlone(_ row: TableRow) -> Bool { row.cells.count == 1 && !ValueParser.isValueLike(row.cells[0].text) }

    private static func word(_ text: String, _ span: ClosedRange<Int>, row: Int) -> PDFWord {
        PDFWord(text: text, page: 0, x0: Double(span.lowerBound), y0: Double(row) * 3, x1: Double(span.upperBound + 1), y1: Double(row) * 3 + 3)
    }

    /// A part's rows placed by whichever way of counting columns places
    /// them, row by row; where both do and disagree, as they were.
    private static func placePart(
        _ rows: ArraySlice<TableRow>, spans: ArraySlice<[LayoutSpan?]>, siblings: [(text: String, span: LayoutSpan)]
    ) -> [TableRow] {
        // A header cell over the label column in either way of counting (信息内容
        // over labels of seven characters, fourteen columns wide) is no value column's.
        // (Only a cell left of every number: 自然人 starts left of a long label's
        // end counting display width, yet stands over its numbers.)
        let measured = LayoutSpan.Measure.allCases.map { measure in spans.map { $0.map { $0?.columns(measure) } } }
        let overLabels = measured.map { Set(labelColumnHeaders(Array(rows), spans: $0)) }
        let leftOfNumbers = measured.map { Set(headersLeftOfNumbers(Array(rows), spans: $0)) }
        let labelHeaders = overLabels.reduce(Set<[Int]>()) { $0.union($1) }
            .intersection(leftOfNumbers.dropFirst().reduce(leftOfNumbers[0]) { $0.intersection($1) })
        let placements = LayoutSpan.Measure.allCases.compactMap { measure in
            placePart(
                Array(rows), spans: spans.map { $0.map { $0?.columns(measure) } }, measure: measure, labelHeaders: labelHeaders,
                siblings: siblings.enumerated().map { word($0.element.text, $0.element.span.columns(measure), row: -1 - $0.offset) })
        }
        // Row by row: a row placed one way and left as it was the other is
        // placed; a row the two ways place differently stays as it was.
        let printed = Array(rows)
        return printed.indices.map { index in
            let changed = placements.map { $0.rows[index] }.filter { $0 != printed[index] }
            guard let first = changed.first, changed.allSatisfy({ $0 == first }) else { return printed[index] }
            return first
        }
    }

    /// A table without numbers (section 二's sub-table whose rows are all
    /// blank): each label alone below the header row, left of the header's
    /// second cell, gets a blank cell under every header cell. (One blank
    /// too many, under the label column's header, is no value: trailing
    /// blanks and blanks under no header are ignored by the extractor.)
    private static func blankTable(_ rows: [TableRow], spans: [[ClosedRange<Int>?]]) -> [TableRow]? {
        guard let header = rows.lastIndex(where: { $0.cells.count >= 2 }), spans[header].count >= 2,
            let valuesStart = spans[header][1]?.lowerBound
        else { return nil }
        var changed = false
        let filled = rows.indices.map { index in
            guard index > header, isLabelAlone(rows[index]), let span = spans[index].first ?? nil, span.upperBound < valuesStart else {
                return rows[index]
            }
            changed = true
            return TableRow(cells: rows[index].cells + rows[header].cells.map { _ in TableCell("", line: rows[index].line) }, line: rows[index].line)
        }
        return changed ? filled : nil
    }

    /// The right edge of the labels beside the numbers, counting columns with `spans`.
    private static func labelRight(_ rows: [TableRow], spans: [[ClosedRange<Int>?]]) -> Int {
        guard let first = rows.indices.first(where: { hasNumber(rows[$0]) }) else { return -1 }
        var labelRight = -1
        for index in first..<rows.count where hasNumber(rows[index]) {
            let start = valueStart(rows[index])
            for k in 0..<start where spans[index].indices.contains(k) {
                if let span = spans[index][k] { labelRight = max(labelRight, span.upperBound) }
            }
        }
        return labelRight
    }

    /// The header cells (row, cell) that start within the label column, counting columns with `spans`.
    private static func labelColumnHeaders(_ rows: [TableRow], spans: [[ClosedRange<Int>?]]) -> [[Int]] {
        guard let first = rows.indices.first(where: { hasNumber(rows[$0]) }) else { return [] }
        let labelRight = labelRight(rows, spans: spans)
        return (0..<first).flatMap { index in
            spans[index].indices.filter { k in spans[index][k].map { $0.lowerBound <= labelRight } ?? false }.map { [index, $0] }
        }
    }

    /// The header cells (row, cell) that end before the leftmost number starts, counting columns with `spans`.
    private static func headersLeftOfNumbers(_ rows: [TableRow], spans: [[ClosedRange<Int>?]]) -> [[Int]] {
        guard let first = rows.indices.first(where: { hasNumber(rows[$0]) }) else { return [] }
        let leftmost = (first..<rows.count).flatMap { index in
            (valueStart(rows[index])..<rows[index].cells.count).compactMap { k in
                spans[index].indices.contains(k) && !ValueParser.isBlank(rows[index].cells[k].text) ? spans[index][k]?.lowerBound : nil
            }
        }.min() ?? Int.max
        return (0..<first).flatMap { index in
            spans[index].indices.filter { k in spans[index][k].map { $0.upperBound < leftmost } ?? false }.map { [index, $0] }
        }
    }

    /// The part's rows placed with `spans` in one way of counting, and
    /// whether any number was placed (else only rows of blanks were filled);
    /// nil when nothing changed.
    private static func placePart(
        _ rows: [TableRow], spans: [[ClosedRange<Int>?]], measure: LayoutSpan.Measure, labelHeaders: Set<[Int]>,
        siblings: [PDFWord] = []
    ) -> (rows: [TableRow], numbers: Bool)? {
        guard let first = rows.indices.first(where: { hasNumber(rows[$0]) }) else {
            return blankTable(rows, spans: spans).map { ($0, false) }
        }
        var values: [PDFWord] = []
        var widest = 0
        for index in first..<rows.count {
            let row = rows[index], start = valueStart(row)
            widest = max(widest, row.cells.count - start)
            for k in start..<row.cells.count where spans[index].indices.contains(k) && !ValueParser.isBlank(row.cells[k].text) {
                if let span = spans[index][k] { values.append(word(row.cells[k].text, span, row: index)) }
            }
        }
        var header: [PDFWord] = []
        for index in 0..<first {
            for (k, cell) in rows[index].cells.enumerated() where spans[index].indices.contains(k) && !labelHeaders.contains([index, k]) {
                if let span = spans[index][k] { header.append(word(cell.text, span, row: index)) }
            }
        }
        let columns = PDFColumns(header: header, values: values, siblings: siblings)
        // Columns no row fills are believed only from a header every number stands under.
        let width = columns.bands.count
        guard width >= 1, width == widest || (columns.fromHeader && width > widest) else { return nil }
        // A label alone on its line in the label column, below the header
        // rows: a row of blanks, whatever the numbers' positions.
        let labelRight = labelRight(rows, spans: spans)
        let lastHeaderRow = (0..<first).last { index in rows[index].cells.indices.contains { !labelHeaders.contains([index, $0]) } } ?? -1
        let blanks: [TableRow?] = rows.indices.map { index in
            let row = rows[index]
            guard index > lastHeaderRow, isLabelAlone(row), let span = spans[index].first ?? nil, span.lowerBound <= labelRight
            else { return nil }
            return TableRow(cells: row.cells + (0..<width).map { _ in TableCell("", line: row.line) }, line: row.line)
        }
        let withBlanks: (rows: [TableRow], numbers: Bool)? =
            blanks.contains { $0 != nil } ? (rows.indices.map { blanks[$0] ?? rows[$0] }, false) : nil
        guard width >= 2 else { return withBlanks }
        // Positions are trusted when a full row stands each number under its own
        // column; without one, only in a wide table or one whose label-column
        // header is told apart (a narrow one may otherwise count the label
        // column's header as a column), and only counting characters, as
        // pdftotext pads: display width (editors' alignment) must be
        // confirmed by a full row.
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
        // A narrow table is trusted without one only where its header row
        // shows the label column's header apart from the value columns
        // (信息内容 over the labels): its other cells are then the columns.
        let labelHeaderKnown = (0..<first).contains { index in
            labelHeaders.contains { $0[0] == index } && rows[index].cells.indices.contains { !labelHeaders.contains([index, $0]) }
        }
        guard confirmed || columns.numberStacks != nil || (measure == .characters && (width >= 5 || labelHeaderKnown)) else {
            return withBlanks
        }
        // A line of numbers without a label may be the rest of numbers wrapped
        // in their cells: then no short row is placed.
        // (A table without a label column, as section 四, has only such lines.)
        let hasLabelColumn = rows[first...].contains { row in row.cells[..<valueStart(row)].contains { !ValueParser.isBlank($0.text) } }
        let unlabeledShort = hasLabelColumn && rows.indices.contains { index in
            let row = rows[index], start = valueStart(row)
            return index >= first && hasNumber(row) && row.cells.count - start < width
                && row.cells[..<start].allSatisfy { ValueParser.isBlank($0.text) }
        }
        guard !unlabeledShort else { return withBlanks }
        var changed = withBlanks != nil
        var placedNumbers = false
        let placed: [TableRow] = rows.indices.map { index in
            if let blank = blanks[index] { return blank }
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
            placedNumbers = true
            return TableRow(cells: Array(row.cells[..<start]) + blanks, line: row.line)
        }
        return changed ? (placed, placedNumbers) : nil
    }
}
