/// One part of a PDF table (its header lines and the body under them) read
/// into grid rows; see ``PDFTableBuilder``.
struct PDFTablePart {
    let lines: [PDFLine]
    let items: [[PDFTableBuilder.Item]]
    let header: [Int]
    let body: [Int]
    /// The table's line pitch (``linePitch(_:)`` over all its parts).
    let pitch: Double?

    /// Where the part's lines end on each page.
    private func pageBottoms() -> [Int: Double] {
        var bottoms: [Int: Double] = [:]
        for index in header + body { bottoms[lines[index].page] = max(bottoms[lines[index].page] ?? 0, lines[index].bottom) }
        return bottoms
    }

    /// Where the part's value area starts: its leftmost number, else the columns it inherits.
    private func valueAreaLeft(inheriting inherited: PDFColumns?, regionLeft: Double) -> Double {
        body.flatMap { items[$0] }.filter(\.isValue).map(\.word.x0).min() ?? inherited?.bands.first?.x0 ?? regionLeft
    }

    /// The part's column headers and the words of its value area.
    func columnWords(inheriting inherited: PDFColumns?, valueLeft regionLeft: Double) -> (header: [PDFWord], values: [PDFWord]) {
        let bodyItems = body.flatMap { items[$0] }
        let left = valueAreaLeft(inheriting: inherited, regionLeft: regionLeft)
        func inValueArea(_ item: PDFTableBuilder.Item) -> Bool { item.isValue || item.word.centerX >= left - 0.5 }
        // A column header may stand left of its numbers (a merged value cell
        // under a narrower header, a first column left blank): headers are
        // told from the label column's right edge, not from where the numbers
        // start; without labels in the body there is no label column.
        let labelRight = bodyItems.filter { !inValueArea($0) }.map(\.word.x1).max()
        let headerValues = header.flatMap { items[$0] }.map(\.word).filter { word in labelRight.map { word.centerX > $0 } ?? true }
        return (headerValues, bodyItems.filter(inValueArea).map(\.word))
    }

    /// The part's rows and the columns it used (for a continuation without header).
    /// - Parameter siblings: the numbers of other parts under the same
    ///   header (section 二's sub-tables on one grid), which show where the
    ///   columns' numbers stand when this part leaves some blank.
    func rows(inheriting inherited: PDFColumns?, valueLeft regionLeft: Double, siblings: [PDFWord] = []) -> (rows: [TableRow], columns: PDFColumns?) {
        let bodyItems = body.flatMap { items[$0] }
        let left = valueAreaLeft(inheriting: inherited, regionLeft: regionLeft)
        func inValueArea(_ item: PDFTableBuilder.Item) -> Bool { item.isValue || item.word.centerX >= left - 0.5 }
        let (headerValues, bodyValues) = columnWords(inheriting: inherited, valueLeft: regionLeft)
        let headerWords = header.flatMap { items[$0] }.map(\.word)
        let headerSet = Set(headerValues.map(Key.init))
        func isColumnHeader(_ word: PDFWord) -> Bool { headerSet.contains(Key(word)) }
        let labelWords = bodyItems.filter { !inValueArea($0) }
        let columns =
            !headerValues.isEmpty
            ? PDFColumns(header: headerValues, values: bodyValues, siblings: siblings)
            : inherited ?? PDFColumns(header: [], values: bodyValues)
        guard !columns.bands.isEmpty else { return ((header + body).map { PDFTableBuilder.gapRow(lines[$0]) }, nil) }

        // Where row labels start (left of it stands the group column), from the lines with numbers.
        let leftStarts = body.compactMap { index -> Double? in
            let line = items[index]
            guard line.contains(where: \.isValue) else { return nil }
            return PDFLabelBlocks.labelStart(line.filter { !inValueArea($0) }.map(\.word), height: lines[index].height)
        }
        let labelColumnLeft = leftStarts.isEmpty ? nil : leftStarts.sorted()[leftStarts.count / 2]
        var rows = numberRows(columns: columns, labelColumnLeft: labelColumnLeft, inValueArea: inValueArea)
        let labels = PDFLabelBlocks(
            words: labelWords.map(\.word), lines: labelWords.map { lines[$0.line] }, rows: rows, pitch: pitch,
            labelColumnLeft: labelColumnLeft)
        let hasGroups = labels.assign(to: &rows)
        let hasLabels = !labelWords.isEmpty || headerWords.contains { !isColumnHeader($0) }
        let prefix = (hasGroups ? 1 : 0) + (hasLabels ? 1 : 0)

        var result = headerRows(columns: columns, isColumnHeader: isColumnHeader, prefix: prefix)
        for row in rows.sorted(by: { ($0.page, $0.top) < ($1.page, $1.top) }) {
            var cells: [TableCell] = []
            if hasGroups { cells.append(TableCell(row.groups.map(PDFTableBuilder.text(of:)).joined(), line: row.line)) }
            if hasLabels { cells.append(TableCell(PDFTableBuilder.text(of: row.labels), line: row.line)) }
            for index in columns.bands.indices {
                cells.append(TableCell(row.values[index].map(PDFTableBuilder.text(of:)) ?? "", line: row.line))
            }
            // What cannot be placed makes the row longer than its columns: NULL with a finding, never a guess.
            cells += row.strays.map { TableCell($0.text, line: row.line) }
            result.append(TableRow(cells: cells, line: row.line))
        }
        return (result, columns)
    }

    /// The body's rows anchored on numbers, line by line.
    private func numberRows(columns: PDFColumns, labelColumnLeft: Double?, inValueArea: (PDFTableBuilder.Item) -> Bool) -> [PDFTableRow] {
        // Where row labels start a new item ("2.", "（一）"): a line of numbers beside one is a new row.
        // (A group label in the column left of the row labels starts no row.)
        let anyStarts = body.flatMap { items[$0] }.filter { !inValueArea($0) && PDFTableBuilder.startsWithListMarker($0.word.text) }.map(\.word)
        let itemStarts = anyStarts.filter { start in labelColumnLeft.map { start.x1 > $0 + 1 } ?? true }
        let itemStartsOnPage = Dictionary(grouping: itemStarts, by: \.page)
        // At a page's top, a label spanning the group column ("（七）总计",
        // "四、结转下年度继续办理") starts a row too: a group label is never
        // cut from its rows there, and a row wrongly cut is NULL, not wrong.
        let anyStartsOnPage = Dictionary(grouping: anyStarts, by: \.page)
        let valuesOnPage = Dictionary(grouping: body.flatMap { items[$0] }.filter(inValueArea).map(\.word), by: \.page)
        let pageBottoms = pageBottoms()
        var rows: [PDFTableRow] = []
        for index in body {
            let placed = items[index].filter(inValueArea).map { ($0.word, columns.column(of: $0.word)) }
            guard let first = placed.first?.0 else { continue }
            // A row has one item label: a second one beside this line starts a
            // new row. (The first may come on this line: a tall row's first line
            // can hold only the tops of wrapped numbers.)
            func beside(_ start: PDFWord, _ row: PDFTableRow) -> Bool {
                row.overlap(page: start.page, top: start.y0, bottom: start.y1) > 0.3 * start.height
            }
            let page = first.page
            let startsItem = rows.last.map { row in
                let starts = itemStartsOnPage[row.page] ?? []
                return starts.contains { beside($0, row) }
                    && (itemStartsOnPage[page] ?? []).contains { start in
                        !beside(start, row)
                            && placed.contains { start.page == $0.0.page && min(start.y1, $0.0.y1) - max(start.y0, $0.0.y0) > 0.3 * start.height }
                    }
            } ?? false
            // At the top of a new page, a row goes on only if no new item
            // starts above or beside the line, nor beside the rest of a number
            // wrapped below it (a row's numbers centred on its label: "1" / "26" / "5").
            let middle = placed.map(\.0.centerY).max()!
            let pageTopItem = rows.last.map { row in
                guard page > row.page else { return false }
                let stacks = placed.map { Self.stack(below: $0.0, among: valuesOnPage[page] ?? [], pitch: pitch) }
                return (anyStartsOnPage[page] ?? []).contains { start in
                    start.y0 < middle || stacks.contains { $0.top < start.centerY && start.centerY < $0.bottom }
                }
            } ?? false
            if !rows.isEmpty, !startsItem, !pageTopItem, merge(placed, into: &rows[rows.count - 1], pageBottoms: pageBottoms) { continue }
            var row = PDFTableRow(
                page: first.page, top: placed.map(\.0.y0).min()!, bottom: placed.map(\.0.y1).max()!, line: lines[index].number)
            for (word, column) in placed {
                if let column, row.values[column] == nil { row.values[column] = [word] } else { row.strays.append(word) }
            }
            rows.append(row)
        }
        return rows
    }

    /// The distance from one line of a cell to the next: the smallest step,
    /// seen at least twice, between text words stacked one line apart in a
    /// column. The step from one row to the next is larger by the cell
    /// borders and padding — in a table without padding by the border alone,
    /// half a point — so the pitch must be measured, not guessed, and
    /// matched within a fraction of a point. Nil unless larger steps (from
    /// row to row) are seen too: without them the smallest step may be a
    /// row's, and no number is taken as wrapped.
    static func linePitch(_ words: [PDFWord]) -> Double? {
        var steps: [Double] = []
        // Per page, top to bottom: each word looks only at the words up to three lines below it.
        for page in Dictionary(grouping: words, by: \.page).values {
            let sorted = page.sorted { $0.y0 < $1.y0 }
            for (index, word) in sorted.enumerated() {
                let next = sorted[(index + 1)...].lazy.prefix { $0.y0 - word.y0 <= 3 * word.height }
                    .first { $0.y0 > word.y0 + 0.5 * word.height && $0.horizontalOverlap(word) > 0 }
                if let next { steps.append(next.y0 - word.y0) }
            }
        }
        steps.sort()
        guard let pitch = zip(steps, steps.dropFirst()).first(where: { $1 - $0 <= 0.1 })?.0,
            steps.contains(where: { $0 >= pitch + 0.4 })
        else { return nil }
        return pitch
    }

    /// The vertical extent of `word` and the pieces wrapped below it in its
    /// column, each one line pitch below the last: a number's extent were it
    /// a row of its own.
    static func stack(below word: PDFWord, among words: [PDFWord], pitch: Double?) -> (top: Double, bottom: Double) {
        var last = word
        while let pitch, let next = words.first(where: {
            $0.page == last.page && abs($0.y0 - last.y0 - pitch) <= pitchTolerance(pitch) && $0.horizontalOverlap(last) > 0
        }) {
            last = next
        }
        return (word.y0, last.y1)
    }

    /// How far a wrapped number's next line may stand from one pitch below.
    static func pitchTolerance(_ pitch: Double) -> Double { min(0.3, 0.03 * pitch) }

    /// Adds a line's numbers to `row` when they belong to it: on its
    /// baseline in columns it leaves empty, or one line pitch below a number
    /// of its column (the rest of a wrapped number; word processors break
    /// digits anywhere, "97956" as "9" / "795" / "6"). False when the line is
    /// a row of its own; the caller has already ruled out lines beside a
    /// label that starts a new item. Without a measured pitch, no number is
    /// taken as wrapped.
    private func merge(_ placed: [(PDFWord, Int?)], into row: inout PDFTableRow, pageBottoms: [Int: Double]) -> Bool {
        // A row cut by a page break goes on at the top of the next page.
        let nextPage = placed.allSatisfy { $0.0.page == row.page + 1 }
        let samePages = placed.allSatisfy { word in word.0.page == row.page || row.values.values.joined().contains { $0.page == word.0.page } }
        guard nextPage || samePages else { return false }
        var continues = false
        for (word, column) in placed {
            guard let column, let above = row.values[column]?.max(by: { ($0.page, $0.y1) < ($1.page, $1.y1) }) else {
                if nextPage { return false }
                continue
            }
            // Across the break, a column's first piece on the new page continues its piece on the last page.
            // (Only a number the last page cut off: its piece stands at the foot of that page's table.)
            let oneLineBelow =
                above.page < word.page
                ? nextPage && word.page == above.page + 1 && above.y1 >= (pageBottoms[above.page] ?? 0) - 0.5 * above.height
                : pitch.map { abs(word.y0 - above.y0 - $0) <= Self.pitchTolerance($0) } ?? false
            guard oneLineBelow, pitch != nil, word.horizontalOverlap(above) > 0,
                placed.filter({ $0.1 == column }).count == 1
            else { return false }
            continues = true
        }
        for (word, column) in placed where column == nil || row.values[column!] == nil {
            let overlap = min(word.y1, row.seedBottom) - max(word.y0, row.seedTop)
            guard overlap >= 0.4 * word.height || continues else { return false }
        }
        var taken = Set<Int>()
        for (word, column) in placed {
            if let column, !taken.contains(column) {
                row.values[column, default: []].append(word)
                taken.insert(column)
            } else {
                row.strays.append(word)
            }
            if word.page == row.page { row.extend(word) }
        }
        return true
    }

    /// The header as rows: each caption line (no column header on it) as it
    /// stands, then the headers spanning columns, then one row with the
    /// label-column header and each column's header text.
    private func headerRows(columns: PDFColumns, isColumnHeader: (PDFWord) -> Bool, prefix: Int) -> [TableRow] {
        let leaves = Set(columns.bands.flatMap(\.words).map(Key.init))
        var rows: [TableRow] = []
        var spanning: [PDFWord] = []
        var labelHeader: [PDFWord] = []
        var leafLine: Int?
        for index in header {
            let words = lines[index].words
            guard words.contains(where: { leaves.contains(Key($0)) }) else {
                rows.append(PDFTableBuilder.gapRow(lines[index]))
                continue
            }
            leafLine = leafLine ?? lines[index].number
            for word in words where !leaves.contains(Key(word)) {
                if isColumnHeader(word) { spanning.append(word) } else { labelHeader.append(word) }
            }
        }
        guard let leafLine else { return rows }
        if !spanning.isEmpty { rows.append(TableRow(cells: [TableCell(PDFTableBuilder.text(of: spanning), line: leafLine)], line: leafLine)) }
        var cells = [TableCell](repeating: TableCell("", line: leafLine), count: max(prefix - 1, 0))
        if prefix > 0 { cells.append(TableCell(PDFTableBuilder.text(of: labelHeader), line: leafLine)) }
        cells += columns.bands.indices.map { TableCell(columns.title($0), line: leafLine) }
        rows.append(TableRow(cells: cells, line: leafLine))
        return rows
    }

    /// A word's identity for set membership: page and box.
    struct Key: Hashable {
        let page: Int
        let x0: Double
        let y0: Double

        init(_ word: PDFWord) {
            page = word.page
            x0 = word.x0
            y0 = word.y0
        }
    }
}
