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
        let words: [PDFWord]
        /// 1-based document line where the block starts.
        let line: Int
        let page: Int
        let top: Double
        let bottom: Double

        init(words: [PDFWord], line: Int) {
            self.words = words
            self.line = line
            page = words[0].page
            top = words.map(\.y0).min()!
            bottom = words.map(\.y1).max()!
        }

        var text: String { PDFTableBuilder.text(of: words) }
    }

    /// The indices of `rows` on each page: every lookup here concerns one page.
    static func byPage(_ rows: [PDFTableRow]) -> [Int: [Int]] { Dictionary(grouping: rows.indices, by: { rows[$0].page }) }

    private(set) var blocks: [Block] = []
    /// Where row labels start (see ``labelStart(_:height:)``); left of it stands the group column.
    let labelColumnLeft: Double?

    /// Blocks of `words`; `lines[i]` is the line of `words[i]`. Lines more
    /// than `pitch` apart, or that each sit on a different row's numbers, are
    /// never one block (tight rows whose labels touch).
    init(words: [PDFWord], lines: [PDFLine], rows: [PDFTableRow], pitch: Double?, labelColumnLeft: Double?) {
        self.labelColumnLeft = labelColumnLeft
        guard !words.isEmpty else { return }
        let rowsOnPage = Self.byPage(rows)
        let rowOfLine = lines.map { line in
            let (top, bottom, height) = (line.top, line.bottom, line.height)
            return (rowsOnPage[line.page] ?? []).first { rows[$0].overlap(page: line.page, top: top, bottom: bottom) >= 0.5 * height }
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
        // Candidates below a word: the words of the next six lines only.
        let byLine = Dictionary(grouping: words.indices, by: { lines[$0].number })
        for a in words.indices {
            for b in (1...6).flatMap({ byLine[lines[a].number + $0] ?? [] }) {
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
        var byRoot: [Int: (words: [PDFWord], line: Int)] = [:]
        var order: [Int] = []
        for index in words.indices {
            let r = root(index)
            if byRoot[r] == nil { order.append(r) }
            byRoot[r, default: ([], lines[index].number)].words.append(words[index])
            byRoot[r]!.line = min(byRoot[r]!.line, lines[index].number)
        }
        blocks = order.map { Block(words: byRoot[$0]!.words, line: byRoot[$0]!.line) }
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
        let numberedOnPage = Self.byPage(rows)
        func beside(_ block: Block, _ row: Int) -> Bool {
            rows[row].overlap(page: block.page, top: block.top, bottom: block.bottom) >= Self.touching(block, rows[row])
        }
        let rowLabelsOnPage = Dictionary(grouping: blocks.filter { !isGroupCandidate($0) }, by: \.page)
        var groups: [Block] = []
        var others: [Block] = []
        for block in blocks {
            let pageRows = numberedOnPage[block.page] ?? []
            if isGroupCandidate(block) {
                let besideLabels = (rowLabelsOnPage[block.page] ?? []).contains {
                    min($0.bottom, block.bottom) - max($0.top, block.top) > 0.3 * block.words[0].height
                }
                // A group label alone between two rows (a merged cell centred on a
                // line of its own) heads the rows below it; beside numbers it is a row label.
                let heading = !pageRows.contains { beside(block, $0) } && pageRows.contains { rows[$0].top > block.bottom }
                if besideLabels || heading {
                    groups.append(block)
                    continue
                }
            }
            others.append(block)
        }
        // The last numbered row before each page, for text continuing at a page's top.
        let pages = numberedOnPage.keys.sorted()
        for block in others {
            let pageRows = numberedOnPage[block.page] ?? []
            func overlap(_ row: Int) -> Double { rows[row].overlap(page: block.page, top: block.top, bottom: block.bottom) }
            if let best = pageRows.max(by: { overlap($0) < overlap($1) }), beside(block, best) {
                rows[best].labels += block.words
            } else if !PDFTableBuilder.startsWithListMarker(block.text), !pageRows.contains(where: { rows[$0].top < block.top }),
                let previousPage = pages.last(where: { $0 < block.page }), let previous = numberedOnPage[previousPage]?.last
            {
                // Above every row of its page and no new item: the rest of the row the last page ended with.
                rows[previous].labels += block.words
            } else {
                var row = PDFTableRow(page: block.page, top: block.top, bottom: block.bottom, line: block.line)
                row.labels = block.words
                rows.append(row)
            }
        }
        let allOnPage = Self.byPage(rows)
        for group in mergedAcrossPages(groups) {
            let block = Block(words: group, line: 0)
            let pageRows = allOnPage[block.page] ?? []
            let target = pageRows.filter { beside(block, $0) }.min { rows[$0].top < rows[$1].top }
                ?? pageRows.filter { rows[$0].top > block.top }.min { rows[$0].top < rows[$1].top }
                ?? rows.indices.last
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

    /// Group blocks, with a group cell cut by a page break joined again.
    private func mergedAcrossPages(_ groups: [Block]) -> [[PDFWord]] {
        var result: [[PDFWord]] = []
        var previousPage: Int?
        for block in groups.sorted(by: { ($0.page, $0.top) < ($1.page, $1.top) }) {
            // Only the first group block of a page continues the last page's.
            defer { previousPage = block.page }
            if let last = result.last, let tail = last.last, tail.page == block.page - 1, previousPage != block.page,
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
