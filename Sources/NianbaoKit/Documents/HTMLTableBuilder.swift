/// Builds the full grid of an HTML table from its recorded events: every
/// `rowspan` and `colspan` resolved, so cells are aligned by grid position,
/// never by cell index (the V2019 section 二 of Shanghai shifts its colspans
/// between header and data rows). Spans are bounded, and every cell comes out
/// of the document's ``CellBudget``, so a hostile page cannot blow up the grid.
///
/// Rows are the table's own `tr` (direct, or in `thead` / `tbody` / `tfoot`),
/// cells their `td` / `th`; anything else in the table (a caption, stray
/// text) is not part of the grid.
struct HTMLTableBuilder {
    static let maximumSpan = 64
    static let maximumColumns = 256

    /// The table's events, from its start to its end.
    let events: ArraySlice<HTMLEvent>
    /// The reader's text bytes the events' ranges point into.
    let text: [UInt8]
    /// For each start event (by its offset in `events`), the index of its end; the slice's end when unmatched.
    private let endIndices: [Int]

    init(events: ArraySlice<HTMLEvent>, text: [UInt8]) {
        self.events = events
        self.text = text
        var ends = Array(repeating: events.endIndex, count: events.count)
        var open: [Int] = []
        for index in events.indices {
            switch events[index].kind {
            case .start: open.append(index)
            case .end: if let start = open.popLast() { ends[start - events.startIndex] = index }
            case .text: break
            }
        }
        endIndices = ends
    }

    /// The index of the end event of the element starting at `start`.
    private func end(of start: Int) -> Int { endIndices[start - events.startIndex] }

    func table(number: Int, budget: inout CellBudget) -> Table {
        let rows = rowStarts()
        var grid: [[TableCell?]] = Array(repeating: [], count: rows.count)
        for (r, row) in rows.enumerated() where !budget.isExhausted {
            var column = 0
            for cell in children(of: row) where events[cell].tag == .td || events[cell].tag == .th {
                while column < grid[r].count, grid[r][column] != nil { column += 1 }
                guard column < Self.maximumColumns else { break }
                let rowSpan = min(Int(events[cell].lower), rows.count - r)
                let columnSpan = min(Int(events[cell].upper), Self.maximumColumns - column)
                let text = cellText(cell)
                for dr in 0..<rowSpan {
                    for dc in 0..<columnSpan {
                        let target = (r + dr, column + dc)
                        if grid[target.0].count <= target.1 {
                            // Every grid position is a cell in the end (blank where nothing covers it).
                            let added = target.1 - grid[target.0].count + 1
                            guard budget.take(added) else { continue }
                            grid[target.0] += Array(repeating: nil, count: added)
                        }
                        guard grid[target.0][target.1] == nil else { continue }
                        grid[target.0][target.1] = TableCell(
                            text, columnSpan: dc == 0 ? columnSpan - dc : 1,
                            isColumnContinuation: dc > 0, isRowContinuation: dr > 0)
                    }
                }
                column += columnSpan
            }
        }
        return Table(
            number: number,
            rows: grid.filter { !$0.isEmpty }.map { TableRow(cells: $0.map { $0 ?? TableCell("") }) })
    }

    /// The start events of the table's own rows, in order.
    private func rowStarts() -> [Int] {
        var rows: [Int] = []
        for child in children(of: events.startIndex) {
            switch events[child].tag {
            case .tr: rows.append(child)
            case .thead, .tbody, .tfoot: rows += children(of: child).filter { events[$0].tag == .tr }
            default: break
            }
        }
        return rows
    }

    /// The start events of the elements directly inside the element starting at `start`.
    private func children(of start: Int) -> [Int] {
        var result: [Int] = []
        var index = start + 1
        let end = end(of: start)
        while index < end {
            if events[index].kind == .start {
                result.append(index)
                index = self.end(of: index) + 1
            } else {
                index += 1
            }
        }
        return result
    }

    /// A cell's text: `<br>` and block boundaries as line breaks, each line
    /// collapsed, scripts and the like left out.
    private func cellText(_ start: Int) -> String {
        let end = end(of: start)
        // Most cells are one run of text: read in place.
        if end == start + 2, events[start + 1].kind == .text {
            let event = events[start + 1]
            return text.withUnsafeBufferPointer {
                HTMLText.lines(bytes: UnsafeBufferPointer(rebasing: $0[Int(event.lower)..<Int(event.upper)]))
            }
        }
        var bytes: [UInt8] = []
        var index = start + 1
        while index < end {
            let event = events[index]
            index += 1
            switch event.kind {
            case .text:
                bytes += text[Int(event.lower)..<Int(event.upper)]
            case .start where event.tag.isIgnored:
                index = self.end(of: index - 1) + 1
            case .start where event.tag == .br:
                bytes.append(0x0A)
                index = self.end(of: index - 1) + 1
            case .start, .end:
                if event.tag.isBlock { bytes.append(0x0A) }
            }
        }
        return HTMLText.lines(bytes: bytes)
    }
}
