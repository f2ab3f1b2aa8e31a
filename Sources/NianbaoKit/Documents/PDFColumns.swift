/// The value columns of one part of a PDF table, as horizontal bands: from
/// the leaf header cells above the numbers (a header over two or more
/// separate headers spans them and is not a column), or from the numbers
/// themselves where there is no header (a table continued on a new page) or
/// where the header shows fewer columns than the numbers do.
struct PDFColumns: Sendable {
    struct Band: Sendable {
        var x0: Double
        var x1: Double
        /// The header words over the band (empty for a band told by numbers).
        var words: [PDFWord]

        var center: Double { (x0 + x1) / 2 }
    }

    var bands: [Band]
    /// The stacks of numbers, when there is one under each column in order:
    /// a number is then in the column of its stack, even where a merged
    /// value cell centres it between two headers.
    var numberStacks: [Band]?
    /// Whether the bands are the header's columns, every number under one
    /// of them (not patched up from the numbers).
    var fromHeader = false

    /// The columns of header `words` (those in the value area) over `values`
    /// (every value-area word of the body).
    /// More header words than a statistics table's header ever holds (about
    /// 60): past it the "header" is not one, and the numbers alone give the
    /// columns (the header analysis compares words pairwise).
    static let maximumHeaderWords = 400

    /// - Parameter siblings: numbers of other parts under the same header,
    ///   counted only to find the stacks of numbers, never as this part's.
    init(header: [PDFWord], values: [PDFWord], siblings: [PDFWord] = []) {
        let words = header.count > Self.maximumHeaderWords ? [] : header
        let numbers = Self.clusters(values)
        let leaves = Self.joined(Self.clusters(Self.withoutWideTops(words.filter { !Self.spans($0, over: words) })), under: numbers)
        // Two separate stacks of numbers under one header: the header is not the whole story.
        let crowded = numbers.contains { a in
            numbers.contains { b in a.x1 < b.x0 && Self.home(a.center, in: leaves) == Self.home(b.center, in: leaves) }
        }
        // One stack per column, each between its neighbours' headers: the
        // order decides. Where this part leaves a column blank, the stacks of
        // its sibling parts on the same grid may show every column. (That is
        // not crowding: a merged value cell centred between two headers shares
        // a midpoint's side with the next column's stack.)
        let ordered = [numbers, siblings.isEmpty ? [] : Self.clusters(values + siblings)].first { Self.oneStackPerColumn($0, leaves) }
        if leaves.isEmpty {
            bands = numbers
        } else if crowded && ordered == nil {
            bands = (numbers + leaves.filter { leaf in !numbers.contains { $0.x0 < leaf.x1 && leaf.x0 < $0.x1 } })
                .sorted { $0.x0 < $1.x0 }
        } else {
            bands = leaves
            fromHeader = true
            numberStacks = ordered
        }
    }

    /// Whether `stacks` are one per header leaf, each between its neighbours' headers.
    static func oneStackPerColumn(_ stacks: [Band], _ leaves: [Band]) -> Bool {
        stacks.count == leaves.count && stacks.indices.allSatisfy { i in
            (i == 0 || stacks[i].center > leaves[i - 1].x1) && (i == stacks.count - 1 || stacks[i].center < leaves[i + 1].x0)
        }
    }

    /// Whether header word `word` spans other header cells: it stands over
    /// two or more header words below it that do not overlap each other.
    static func spans(_ word: PDFWord, over words: [PDFWord]) -> Bool {
        let below = words.filter { other in
            (other.page > word.page || (other.page == word.page && other.y0 >= word.y1 - 0.3 * word.height))
                && word.horizontalOverlap(other) > 0.5
        }
        return below.contains { a in below.contains { b in a.x1 <= b.x0 } }
    }

    /// Header words without those standing over a narrower stack that they
    /// are much wider than: in narrow columns a spanning header (法人或其他组织
    /// over five columns) may overlap only the column in its middle, and the
    /// width gives it away. Applied until nothing changes.
    static func withoutWideTops(_ words: [PDFWord]) -> [PDFWord] {
        var kept = words
        while true {
            let stacks = clusters(kept)
            let wide = stacks.flatMap { stack in
                stack.words.filter { word in
                    let below = stack.words.filter { ($0.page, $0.y0) > (word.page, word.y1 - 0.3 * word.height) }
                    guard let widest = below.map(\.width).max() else { return false }
                    return word.width > 1.6 * widest && word.width - widest > word.height
                }
            }
            if wide.isEmpty { return kept }
            kept.removeAll { wide.contains($0) }
        }
    }

    /// Header bands that one stack of numbers overlaps are one column's
    /// header written apart ("总 计" as two words): numbers stay inside their
    /// cell, so they never reach two columns' headers. A stack centred on
    /// one band that grazes the next by a sliver (a wide number under a
    /// caption that runs a little into its column) does not join them.
    static func joined(_ leaves: [Band], under numbers: [Band]) -> [Band] {
        func overlap(_ a: Band, _ b: Band) -> Double { min(a.x1, b.x1) - max(a.x0, b.x0) }
        func joins(_ stack: Band, _ left: Band, _ right: Band) -> Bool {
            guard overlap(stack, left) > 0, overlap(stack, right) > 0 else { return false }
            let between = stack.center > left.x1 - 0.5 && stack.center < right.x0 + 0.5
            let share = { (band: Band) in overlap(stack, band) > 0.2 * min(stack.x1 - stack.x0, band.x1 - band.x0) }
            return between || (share(left) && share(right))
        }
        var result: [Band] = []
        for leaf in leaves {
            if let last = result.last, numbers.contains(where: { joins($0, last, leaf) }) {
                result[result.count - 1] = Band(x0: last.x0, x1: max(last.x1, leaf.x1), words: last.words + leaf.words)
            } else {
                result.append(leaf)
            }
        }
        return result
    }

    /// Words grouped into bands by horizontal overlap (a stacked header, a column of numbers).
    static func clusters(_ words: [PDFWord]) -> [Band] {
        var bands: [Band] = []
        for word in words.sorted(by: { $0.x0 < $1.x0 }) {
            // (Reading only the last band's edge: a copy of the band would copy its words on every append.)
            if let edge = bands.last?.x1, word.x0 < edge - 0.5 {
                bands[bands.count - 1].x1 = max(edge, word.x1)
                bands[bands.count - 1].words.append(word)
            } else {
                bands.append(Band(x0: word.x0, x1: word.x1, words: [word]))
            }
        }
        return bands
    }

    /// The band whose share of the line (up to the midpoints between
    /// neighbouring bands) holds `x`.
    static func home(_ x: Double, in bands: [Band]) -> Int? {
        guard !bands.isEmpty else { return nil }
        for index in bands.indices.dropLast() where x < (bands[index].x1 + bands[index + 1].x0) / 2 { return index }
        return bands.count - 1
    }

    /// The column of a value word, or nil when it stands between two columns
    /// (outside both bands, near the midpoint): never a guess.
    /// - Parameter strictly: only a number standing under a column's extent,
    ///   or at most a character beside it and clearly nearer it than the
    ///   next column (or in its stack of numbers), has a column.
    func column(of word: PDFWord, strictly: Bool = false) -> Int? {
        if let numberStacks, let stack = numberStacks.firstIndex(where: { word.x0 < $0.x1 && $0.x0 < word.x1 }) { return stack }
        guard let index = Self.home(word.centerX, in: bands) else { return nil }
        let band = bands[index]
        if word.centerX >= band.x0 - 0.5 && word.centerX <= band.x1 + 0.5 { return index }
        // Outside its band: certain only when clearly nearer it than the neighbour on that side
        // (strictly: and within a character of it).
        let neighbour = word.centerX < band.x0 ? index - 1 : index + 1
        let toBand = word.centerX < band.x0 ? band.x0 - word.centerX : word.centerX - band.x1
        if strictly && toBand > 1 { return nil }
        guard bands.indices.contains(neighbour) else { return strictly ? nil : index }
        let other = bands[neighbour]
        let toOther = word.centerX < other.x0 ? other.x0 - word.centerX : word.centerX - other.x1
        return toBand * 2 < toOther ? index : nil
    }

    /// Whether `word` stands within band `index` (half a unit of slack).
    func stands(_ word: PDFWord, under index: Int) -> Bool {
        word.centerX >= bands[index].x0 - 0.5 && word.centerX <= bands[index].x1 + 0.5
    }

    /// The header text of band `index`: its words top to bottom.
    func title(_ index: Int) -> String {
        PDFTableBuilder.text(of: bands[index].words)
    }
}
