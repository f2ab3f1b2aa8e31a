/// The label words of a PDF table part, joined into blocks — the lines of
/// one cell, stacked: overlapping horizontally, each right below the last,
/// none but the first starting a new item ("2.", "（三）") — and handed to
/// rows by position.
///
/// A block beside a row's numbers is that row's label. A block in the group
/// column (left of where row labels start, beside other labels) is a group
/// label: kept whole and given to one row, so its fragments never run into
/// the row labels. A block beside no numbers is a row of blanks of its own,
/// except at the top of a page, where text that does not start a new item
/// ("1.", "（三）") is the rest of the row the previous page ended with.
struct PDFLabelBlocks {
    struct Block {
        var words: [PDFWord]
        /// 1-based document line where the block starts.
        var line: Int
        var page: Int { words[0].page }
        var top: Double { words.map(\.y0).min()! }
        var bottom: Double { words.map(\.y1).max()! }
        var text: String { PDFTableBuilder.text(of: words) }
    }

    private(set) var blocks: [Block] = []
    /// Where row labels start (see ``labelStart(_:height:)``); left of it stands the group column.
    let labelColumnLeft: Double?

    /// Blocks of `words`; `lines[i]` is the line of `words[i]`. Lines more
    /// than `pitch` apart, or that each sit on a different row's numbers, are
    /// never one block (tight rows whose labels touch).
    init(words: [PDFWord], lines: [PDFLine], rows: [PDFTableRow], pitch: Double?, labelColumnLeft: Double?) {
        self.labelColumnLeft = labelColumnLeft
        guard !words.isEmpty else { return }
        let rowOfLine = lines.map { line in
            rows.indices.first { rows[$0].overlap(page: line.page, top: line.top, bottom: line.bottom) >= 0.5 * line.height }
        }
        var parent = Array(words.indices)
        func root(_ i: Int) -> Int {
            var i = i
            while parent[i] != i {
                parent[i] = parent[parent[i]]
                i = parent[i]
            }
            return i
        }
        for a in words.indices {
            for b in words.indices where lines[b].number > lines[a].number && lines[b].number - lines[a].number <= 6 {
                let upper = words[a], lower = words[b]
                // A line that starts a new item ("2.", "（三）") starts a new label.
                guard upper.page == lower.page, lower.y0 > upper.y0, !PDFTableBuilder.startsWithListMarker(lower.text),
                    lower.y0 - upper.y1 <= 0.6 * min(upper.height, lower.height), upper.horizontalOverlap(lower) > 0,
                    // Further than one line pitch: the next row's cell, in a table without padding.
                    pitch.map({ lower.y0 - upper.y0 <= $0 + PDFTablePart.pitchTolerance($0) }) ?? true
                else { continue }
                let inGroupColumn = labelColumnLeft.map { upper.x1 <= $0 + 1 && lower.x1 <= $0 + 1 } ?? false
                if !inGroupColumn, let above = rowOfLine[a], let below = rowOfLine[b], above != below { continue }
                parent[root(b)] = root(a)
            }
        }
        var byRoot: [Int: Block] = [:]
        var order: [Int] = []
        for index in words.indices {
            let r = root(index)
            if byRoot[r] == nil {
                order.append(r)
                byRoot[r] = Block(words: [], line: lines[index].number)
            }
            byRoot[r]!.words.append(words[index])
            byRoot[r]!.line = min(byRoot[r]!.line, lines[index].number)
        }
        blocks = order.map { byRoot[$0]! }
    }

    /// Where a row label starts on a line with numbers: after the widest
    /// step between label words that are apart (a group cell to its left).
    static func labelStart(_ words: [PDFWord], height: Double) -> Double? {
        let sorted = words.sorted { $0.x0 < $1.x0 }
        guard let first = sorted.first else { return nil }
        var start = first.x0
        for (left, right) in zip(sorted, sorted.dropFirst()) where right.x0 - left.x1 >= 0.2 * height { start = right.x0 }
        return start
    }

    /// Gives every block to a row (adding rows of blanks); true when the part has group labels.
    func assign(to rows: inout [PDFTableRow]) -> Bool {
        let rowLabels = blocks.filter { !isGroupCandidate($0) }
        var groups = blocks.filter { block in
            isGroupCandidate(block)
                && rowLabels.contains { $0.page == block.page && min($0.bottom, block.bottom) - max($0.top, block.top) > 0.3 * block.words[0].height }
        }
        // A group label alone between two rows (a merged cell centred on a
        // line of its own) heads the rows below it; beside numbers it is a row label.
        var others: [Block] = []
        for block in blocks where !groups.contains(where: { $0.words == block.words }) {
            let besideNumbers = rows.contains { $0.overlap(page: block.page, top: block.top, bottom: block.bottom) >= Self.touching(block, $0) }
            if isGroupCandidate(block) && !besideNumbers && rows.contains(where: { $0.page == block.page && $0.top > block.bottom }) {
                groups.append(block)
            } else {
                others.append(block)
            }
        }
        let numbered = rows.count
        for block in others {
            let best = (0..<numbered).max { rows[$0].overlap(page: block.page, top: block.top, bottom: block.bottom) < rows[$1].overlap(page: block.page, top: block.top, bottom: block.bottom) }
            if let best, rows[best].overlap(page: block.page, top: block.top, bottom: block.bottom) >= Self.touching(block, rows[best]) {
                rows[best].labels += block.words
            } else if let previous = continued(block, rows: rows[..<numbered]) {
                rows[previous].labels += block.words
            } else {
                var row = PDFTableRow(page: block.page, top: block.top, bottom: block.bottom, line: block.line, hasNumbers: false)
                row.labels = block.words
                rows.append(row)
            }
        }
        for group in mergedAcrossPages(groups) {
            let block = Block(words: group, line: 0)
            let overlapping = rows.indices.filter { rows[$0].overlap(page: block.page, top: block.top, bottom: block.bottom) >= Self.touching(block, rows[$0]) }
            let below = rows.indices.filter { rows[$0].page == block.page && rows[$0].top > block.top }
            let target = overlapping.min { rows[$0].top < rows[$1].top } ?? below.min { rows[$0].top < rows[$1].top } ?? rows.indices.last
            if let target { rows[target].groups.append(group) }
        }
        return !groups.isEmpty
    }

    /// How much a block and a row must overlap to stand beside each other:
    /// a third of the smaller height, so boxes that only touch do not count.
    static func touching(_ block: Block, _ row: PDFTableRow) -> Double {
        let lineHeight = block.words.map(\.height).min()!
        return max(0.3 * min(lineHeight, row.seedBottom - row.seedTop), 0.01)
    }

    /// A block left of where row labels start: a group label, when row labels stand beside it.
    private func isGroupCandidate(_ block: Block) -> Bool {
        guard let left = labelColumnLeft else { return false }
        return block.words.allSatisfy { $0.x1 <= left + 1 }
    }

    /// The row a page-top block continues: the last row of the pages before,
    /// when the block is above every row of its page and does not start a new item.
    private func continued(_ block: Block, rows: ArraySlice<PDFTableRow>) -> Int? {
        guard !PDFTableBuilder.startsWithListMarker(block.text),
            !rows.contains(where: { $0.page == block.page && $0.top < block.top })
        else { return nil }
        return rows.indices.last { rows[$0].page < block.page }
    }

    /// Group blocks, with a group cell cut by a page break joined again.
    private func mergedAcrossPages(_ groups: [Block]) -> [[PDFWord]] {
        var result: [[PDFWord]] = []
        for block in groups.sorted(by: { ($0.page, $0.top) < ($1.page, $1.top) }) {
            if let last = result.last, let tail = last.last, tail.page == block.page - 1,
                !groups.contains(where: { $0.page == block.page && $0.top < block.top }),
                !PDFTableBuilder.startsWithListMarker(block.text),
                last.contains(where: { word in block.words.contains { word.horizontalOverlap($0) > 0 } })
            {
                result[result.count - 1] += block.words
            } else {
                result.append(block.words)
            }
        }
        return result
    }
}
