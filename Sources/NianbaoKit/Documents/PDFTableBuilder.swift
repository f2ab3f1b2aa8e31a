/// Builds the rows of one PDF table from where its words stand.
///
/// The table is cut into parts at header lines (text above the numbers'
/// columns after a row of numbers): each part has its own columns
/// (``PDFColumns``). In a part, rows are anchored on the numbers — words on
/// one baseline, plus a number's wrapped remainder right below it in its own
/// column ("300" / "1" is 3001) — and labels join them by position
/// (``PDFLabelBlocks``): a label wrapped over several lines stays one label,
/// the group column (（三）不予公开 …) stays apart from the row labels, and a
/// label beside no numbers is a row of blanks of its own.
///
/// Rows come out as grid rows: [group], [label], then one cell per column,
/// blank where the column is empty. A number that stands between two columns,
/// or two numbers side by side in one column, add a cell, so the row shows
/// more values than columns and the extractor leaves it NULL with a finding.
struct PDFTableBuilder {
    let lines: [PDFLine]

    /// A word with the index of its line in `lines` and whether it reads as a value.
    struct Item {
        let word: PDFWord
        let line: Int
        let isValue: Bool
    }

    func rows() -> [TableRow] {
        let items = lines.indices.map { index in
            lines[index].words.indices.map { Item(word: lines[index].words[$0], line: index, isValue: Self.isValue($0, in: lines[index])) }
        }
        guard let valueLeft = items.joined().filter(\.isValue).map(\.word.x0).min() else {
            return lines.map(Self.gapRow)
        }
        var rows: [TableRow] = []
        var columns: PDFColumns?
        let pitch = PDFTablePart.linePitch(items.joined().filter { !$0.isValue }.map(\.word))
        let tableParts = parts(items, valueLeft: valueLeft, pitch: pitch).map {
            PDFTablePart(lines: lines, items: items, header: $0.header, body: $0.body, pitch: pitch)
        }
        // Parts under the same header words at the same places (section 二's
        // sub-tables on one grid) share where their numbers stand.
        let inputs = tableParts.map { $0.columnWords(inheriting: nil, valueLeft: valueLeft) }
        // (Captions over the header, "第二十条第（五）项", differ: only the words under them count.)
        let signatures = inputs.map { input in
            input.header.filter { !PDFColumns.spans($0, over: input.header) }.map { "\($0.text)@\(Int($0.x0.rounded()))-\(Int($0.x1.rounded()))" }.sorted()
        }
        // (A table has a handful of sub-tables: more parts under one header are not that, and are read alone.)
        let sameHeader = Dictionary(grouping: tableParts.indices.filter { !signatures[$0].isEmpty }, by: { signatures[$0] })
        for (index, part) in tableParts.enumerated() {
            let group = sameHeader[signatures[index]] ?? []
            let siblings = group.count > 8 ? [] : group.filter { $0 != index }.flatMap { inputs[$0].values.filter { ValueParser.isValueLike($0.text) } }
            let built = part.rows(inheriting: columns, valueLeft: valueLeft, siblings: siblings)
            rows += built.rows
            columns = built.columns ?? columns
        }
        return rows
    }

    /// Header and body lines of each part: a part starts at a line without
    /// values whose text reaches into the value area (``reaches(_:_:)``) after a line with values.
    private func parts(_ items: [[Item]], valueLeft: Double, pitch: Double?) -> [(header: [Int], body: [Int])] {
        var parts: [(header: [Int], body: [Int])] = [([], [])]
        var inBody = false
        // A label line after the column headers that is not the rest of a
        // header cell: a row of blanks, so the next header line starts a new part
        // (section 二's sub-table whose only row is blank).
        var blankRows = false
        var sawHeader = false
        /// Where the column headers seen so far end: a label line level with them is a header cell too (信息内容).
        var headerBottom: (page: Int, y: Double)?
        for (index, line) in items.enumerated() {
            let hasValue = line.contains(where: \.isValue)
            let reachesValues = !hasValue && line.contains { Self.reaches($0.word, valueLeft) }
            if reachesValues && (inBody || blankRows) {
                parts.append(([], []))
                inBody = false
                blankRows = false
                sawHeader = false
                headerBottom = nil
            }
            if hasValue { inBody = true }
            let belowHeader = headerBottom.map { bottom in
                lines[index].page > bottom.page || (lines[index].page == bottom.page && lines[index].top >= bottom.y - 0.2 * lines[index].height)
            } ?? false
            if !inBody && !hasValue && !reachesValues && sawHeader && belowHeader && !continuesCell(index, items: items, pitch: pitch) {
                blankRows = true
            }
            if reachesValues {
                sawHeader = true
                let bottom = (page: lines[index].page, y: lines[index].bottom)
                if let current = headerBottom, (current.page, current.y) > (bottom.page, bottom.y) {} else { headerBottom = bottom }
            }
            if inBody { parts[parts.count - 1].body.append(index) } else { parts[parts.count - 1].header.append(index) }
        }
        // Label lines after the last line of column headers are rows of blanks
        // before the first row of numbers, not header.
        return parts.map { part in
            let reaches = part.header.map { index in items[index].contains { Self.reaches($0.word, valueLeft) } }
            guard let last = reaches.lastIndex(of: true) else { return part }
            return (Array(part.header[...last]), Array(part.header[(last + 1)...]) + part.body)
        }
    }

    /// Whether `word` stands over the numbers' area: a caption centred over
    /// a narrow table may start left of it, a row label never ends inside it.
    static func reaches(_ word: PDFWord, _ valueLeft: Double) -> Bool { word.x1 > valueLeft + 0.25 * word.height }

    /// Whether line `index` goes on with a cell of the line above: a word
    /// under one of its words, one line pitch below (without a pitch, closer
    /// than 0.6 of a line).
    private func continuesCell(_ index: Int, items: [[Item]], pitch: Double?) -> Bool {
        guard index > 0 else { return false }
        return items[index].contains { item in
            items[index - 1].contains { above in
                let lower = item.word, upper = above.word
                guard lower.page == upper.page, upper.horizontalOverlap(lower) > 0, lower.y0 > upper.y0 else { return false }
                if let pitch { return lower.y0 - upper.y0 <= pitch + PDFTablePart.pitchTolerance(pitch) }
                return lower.y0 - upper.y1 <= 0.6 * min(upper.height, lower.height)
            }
        }
    }

    /// Whether word `index` of `line` is a value cell: a number or a
    /// not-applicable mark standing apart from any label text (a list marker
    /// "1." or a year glued to its 年 is label).
    static func isValue(_ index: Int, in line: PDFLine) -> Bool {
        let words = line.words
        let text = words[index].text
        guard ValueParser.isValueLike(text), !ValueParser.isBlank(text), !".、．".contains(text.last!) else { return false }
        let tight = 0.2 * line.height
        if index > 0, words[index].x0 - words[index - 1].x1 < tight, !ValueParser.isValueLike(words[index - 1].text) { return false }
        if index + 1 < words.count, words[index + 1].x0 - words[index].x1 < tight, !ValueParser.isValueLike(words[index + 1].text) {
            return false
        }
        return true
    }

    /// "1.", "2、", "（三）", "(3)", "四、": how a list item starts. An opening
    /// bracket and a numeral are enough ("（三" wrapped before its "）").
    static func startsWithListMarker(_ text: String) -> Bool {
        let characters = Array(text.prefix(4))
        guard let first = characters.first else { return false }
        let numerals = "一二三四五六七八九十"
        if first.isASCIIDigit {
            let digits = characters.prefix { $0.isASCIIDigit }.count
            return digits < characters.count && ".、．)）".contains(characters[digits])
        }
        if first == "（" || first == "(" {
            return characters.count > 1 && (numerals.contains(characters[1]) || characters[1].isASCIIDigit)
        }
        return characters.count >= 2 && numerals.contains(first) && characters[1] == "、"
    }

    /// A line of a table without numbers, cut into cells at wide gaps.
    static func gapRow(_ line: PDFLine) -> TableRow {
        var cells: [[PDFWord]] = []
        for word in line.words {
            if let last = cells.last?.last, word.x0 - last.x1 < 0.35 * line.height {
                cells[cells.count - 1].append(word)
            } else {
                cells.append([word])
            }
        }
        return TableRow(cells: cells.map { TableCell(PDFLine.join($0), line: line.number) }, line: line.number)
    }

    /// Words of one cell as text: line by line top to bottom, each line's
    /// words left to right; lines joined without a space (wrapped text, a
    /// wrapped number "300" + "1").
    static func text(of words: [PDFWord]) -> String {
        var lines: [[PDFWord]] = []
        for word in words.sorted(by: { ($0.page, $0.centerY) < ($1.page, $1.centerY) }) {
            if let last = lines.last?.first, last.page == word.page,
                min(last.y1, word.y1) - max(last.y0, word.y0) >= 0.5 * min(last.height, word.height)
            {
                lines[lines.count - 1].append(word)
            } else {
                lines.append([word])
            }
        }
        return lines.map { PDFLine.join($0.sorted { $0.x0 < $1.x0 }) }.joined()
    }
}
