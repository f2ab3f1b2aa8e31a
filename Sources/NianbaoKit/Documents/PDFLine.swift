/// Words of one page that share a baseline, left to right.
struct PDFLine: Sendable {
    var words: [PDFWord]
    /// 1-based visual line of the document, for locators.
    var number: Int

    var page: Int { words[0].page }
    var top: Double { words.map(\.y0).min()! }
    var bottom: Double { words.map(\.y1).max()! }
    var x0: Double { words[0].x0 }
    var x1: Double { words.map(\.x1).max()! }
    var width: Double { x1 - x0 }
    /// The median word height: the line's font size, give or take.
    var height: Double { words.map(\.height).sorted()[words.count / 2] }

    /// The words as one text, CJK neighbours joined without a space.
    var text: String { Self.join(words) }

    /// Whether two neighbouring words stand apart by more than a word space:
    /// the sign of table cells side by side.
    var isTabular: Bool {
        let gap = 0.35 * height
        return zip(words, words.dropFirst()).contains { $1.x0 - $0.x1 >= gap }
    }

    /// `words` (of one line, left to right) as text: a space only between
    /// words apart by more than a hair and both not CJK at the meeting point.
    static func join(_ words: [PDFWord]) -> String {
        var text = ""
        for (index, word) in words.enumerated() {
            if index > 0, let last = text.unicodeScalars.last, let first = word.text.unicodeScalars.first,
                !last.isCJK, !first.isCJK, word.x0 - words[index - 1].x1 > 0.15 * word.height
            {
                text += " "
            }
            text += word.text
        }
        return text
    }

    /// The lines of one page's `words`: a word joins the line whose first
    /// word it overlaps vertically by half the smaller height. Comparing with
    /// the first word, not the line's extent, keeps a wrapped number's second
    /// half ("300" / "1") off the line of a neighbour centred between them.
    static func lines(of words: [PDFWord]) -> [[PDFWord]] {
        var lines: [[PDFWord]] = []
        for word in words.sorted(by: { $0.centerY < $1.centerY }) {
            let home = lines.indices.reversed().prefix(8).first { index in
                let seed = lines[index][0]
                return min(seed.y1, word.y1) - max(seed.y0, word.y0) >= 0.5 * min(seed.height, word.height)
            }
            if let home { lines[home].append(word) } else { lines.append([word]) }
        }
        return lines.map { $0.sorted { $0.x0 < $1.x0 } }.sorted { $0[0].y0 < $1[0].y0 }
    }
}
