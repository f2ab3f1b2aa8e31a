/// Reads a PDF's positioned words (``PDFPages``) into a ``Document``: lines
/// of prose become paragraphs, runs of table lines become tables built from
/// where each word stands (``PDFTableBuilder``).
///
/// Which lines are table lines is told by geometry: a line with cells side by
/// side (a gap wider than a word space) is one; a line without such a gap is
/// prose when it is long, or a numbered heading (二、…), and otherwise part of
/// the table that follows it or that it tightly follows (wrapped labels,
/// stacked headers, a caption row). Page numbers and running headers and
/// footers are dropped, and a table goes on across a page break.
public enum PDFLayoutReader {
    public static func read(_ pages: PDFPages) -> Document {
        let lines = self.lines(pages)
        guard !lines.isEmpty else { return Document(blocks: []) }
        let kinds = classify(lines)
        var blocks: [Block] = []
        var region: [PDFLine] = []
        var tables = 0
        func endRegion() {
            guard !region.isEmpty else { return }
            tables += 1
            blocks.append(.table(Table(number: tables, rows: PDFTableBuilder(lines: region).rows())))
            region = []
        }
        for (line, kind) in zip(lines, kinds) {
            if kind == .table {
                region.append(line)
            } else {
                endRegion()
                blocks.append(.paragraph(Paragraph(text: line.text, line: line.number)))
            }
        }
        endRegion()
        return Document(blocks: blocks)
    }

    /// The document's lines in reading order, page furniture dropped.
    static func lines(_ pages: PDFPages) -> [PDFLine] {
        var byPage: [Int: [PDFWord]] = [:]
        for word in pages.words { byPage[word.page, default: []].append(word) }
        var perPage: [(page: Int, lines: [[PDFWord]])] = byPage.keys.sorted().map { ($0, PDFLine.lines(of: byPage[$0]!)) }
        let furniture = self.furniture(perPage, sizes: pages.sizes)
        var result: [PDFLine] = []
        for index in perPage.indices {
            perPage[index].lines.removeAll { furniture.contains(Key($0)) }
            for words in perPage[index].lines { result.append(PDFLine(words: words, number: result.count + 1)) }
        }
        return result
    }

    /// A line's text and place, to find what repeats from page to page.
    struct Key: Hashable {
        let page: Int
        let text: String
        let y: Int

        init(_ words: [PDFWord]) {
            page = words[0].page
            text = PDFLine.join(words)
            y = Int(words[0].y0.rounded())
        }
    }

    /// Page numbers ("-3-", "第 3 页", a lone "3" apart from the page's text) in the top or bottom tenth
    /// of a page, and text repeated at the same height on several pages there
    /// (running headers and footers).
    static func furniture(_ pages: [(page: Int, lines: [[PDFWord]])], sizes: [PDFPages.Size]) -> Set<Key> {
        var marginal: [Key] = []
        // Lone numbers standing apart from the rest of their page: a piece
        // of a table's number at a page's top or foot stands one line from the table.
        var loneNumbers = Set<Key>()
        for (page, lines) in pages {
            let height = sizes.indices.contains(page) && sizes[page].height > 0 ? sizes[page].height : (lines.last?.last?.y1 ?? 0)
            for (index, words) in lines.enumerated() where words[0].y1 <= 0.1 * height || words[0].y0 >= 0.9 * height {
                marginal.append(Key(words))
                let word = words[0], gap = 0.5 * word.height
                // (Lines come top to bottom: the neighbours are the lines that can come near.)
                let apart = lines[max(0, index - 3)..<min(lines.count, index + 4)].indices.allSatisfy { other in
                    other == index || lines[other].allSatisfy { $0.y1 + gap <= word.y0 || $0.y0 >= word.y1 + gap }
                }
                if words.count == 1, word.text.count <= 4, word.text.allSatisfy(\.isASCIIDigit), apart { loneNumbers.insert(Key(words)) }
            }
        }
        var dropped = Set<Key>()
        for key in marginal {
            let text = key.text.filter { $0 != " " }
            let pageNumber = LayoutTextReader.isPageFooter([key.text])
                || loneNumbers.contains(key)
                || (text.split(separator: "/").count == 2 && text.split(separator: "/").allSatisfy { $0.allSatisfy(\.isASCIIDigit) })
            let repeated = marginal.contains { $0.page != key.page && $0.text == key.text && abs($0.y - key.y) <= 2 }
            if pageNumber || repeated { dropped.insert(key) }
        }
        return dropped
    }

    enum Kind: Equatable {
        case table
        case prose
    }

    /// Table line or prose, line by line (see the type's comment).
    static func classify(_ lines: [PDFLine]) -> [Kind] {
        // Prose runs from the text's left margin over most of its width.
        let pageWidth = lines.map(\.x1).max()! - lines.map(\.x0).min()!
        let long = lines.filter { !$0.isTabular && $0.width >= 0.6 * pageWidth }
        let margin = long.isEmpty ? lines.map(\.x0).min()! : long.map(\.x0).sorted()[long.count / 2]
        let textWidth = long.isEmpty ? pageWidth : long.map(\.x1).max()! - margin

        enum Seen { case table, prose, undecided }
        let seen: [Seen] = lines.map { line in
            if line.isTabular { return .table }
            if line.width >= 0.75 * textWidth { return .prose }
            let text = line.text
            let characters = Array(text.prefix(2))
            let numbered = characters.count == 2 && "一二三四五六七八九十".contains(characters[0]) && characters[1] == "、"
            if numbered && text.count >= 6 && line.x0 - margin <= 2.5 * line.height { return .prose }
            return .undecided
        }
        var kinds = [Kind](repeating: .prose, count: lines.count)
        var nextDecided: Seen = .prose
        for index in lines.indices.reversed() {
            switch seen[index] {
            case .table:
                kinds[index] = .table
                nextDecided = .table
            case .prose:
                nextDecided = .prose
            case .undecided:
                // Part of the table below it, or a tight continuation of the table above.
                var above = false
                if index > 0 {
                    var previous = index - 1
                    while previous >= 0, seen[previous] == .undecided { previous -= 1 }
                    if previous >= 0, seen[previous] == .table {
                        let prior = lines[index - 1]
                        above = prior.page != lines[index].page || lines[index].top - prior.bottom <= 0.6 * lines[index].height
                    }
                }
                if nextDecided == .table || above { kinds[index] = .table }
            }
        }
        return kinds
    }
}
