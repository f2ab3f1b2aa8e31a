/// Scores how well an observed row label names a catalog row (report-format.md §2.3):
/// exact > prefix / suffix / containment > truncation > edit distance.
///
/// Scores lie in 0…1; below ``threshold`` a label does not name the row.
/// Optional rows (group subtotals, the merged （六）其他处理) match only an
/// exact label, so a group label glued to a first sub-row never becomes a subtotal.
public struct LabelMatcher: Sendable {
    /// Below this score a label does not name a row.
    public static let threshold = 0.5

    /// A label as Unicode scalar values: matching compares integers, not
    /// grapheme clusters (the aligner scores every observed row against every
    /// catalog row, so this is the hot loop of extraction).
    typealias Scalars = [UInt32]

    /// Normalised group labels that may prefix an observed label (merged cells to the left), longest first.
    private let groupLabels: [Scalars]
    /// Normalised candidate labels of each row by key: each variant, alone and after its group.
    private let candidates: [String: [Scalars]]

    public init(rows: [RowSpec]) {
        groupLabels = Set(rows.compactMap(\.group)).map { Self.scalars(LabelNormalizer.normalize($0)) }
            .sorted { $0.count > $1.count }
        var candidates: [String: [Scalars]] = [:]
        for row in rows {
            let group = row.group.map(LabelNormalizer.normalize) ?? ""
            candidates[row.key] = row.labels.normalized.flatMap { variant in
                (group.isEmpty ? [variant] : [variant, group + variant]).map(Self.scalars)
            }
        }
        self.candidates = candidates
    }

    static func scalars(_ text: String) -> Scalars { text.unicodeScalars.map(\.value) }

    /// The similarity of `observed` (normalised) to `row`, or nil when it cannot name it.
    public func score(_ observed: String, _ row: RowSpec, version: TemplateVersion) -> Double? {
        let label = Self.scalars(observed)
        return score(label, stripped: strippingGroups(label), row, version: version)
    }

    /// ``score(_:_:version:)`` for a label already in scalars, with its groups stripped.
    func score(_ observed: Scalars, stripped: Scalars, _ row: RowSpec, version: TemplateVersion) -> Double? {
        guard !observed.isEmpty else { return nil }
        var best = 0.0
        for candidate in candidates[row.key] ?? [] {
            if row.optionalIn.contains(version) {
                if stripped == candidate || observed == candidate { return 1 }
                continue
            }
            best = max(best, Self.similarity(observed, candidate), Self.similarity(stripped, candidate))
            if best == 1 { return 1 }
        }
        return best >= Self.threshold ? best : nil
    }

    /// `observed` without leading group labels ("三、本年度办理结果（三）不予公开1.属于国家秘密"
    /// → "1.属于国家秘密"), keeping at least one character.
    func strippingGroups(_ observed: String) -> String {
        String(String.UnicodeScalarView(strippingGroups(Self.scalars(observed)).compactMap(Unicode.Scalar.init)))
    }

    func strippingGroups(_ observed: Scalars) -> Scalars {
        var start = 0
        var changed = true
        while changed {
            changed = false
            for group in groupLabels where observed.count - start > group.count && observed[start...].starts(with: group) {
                start += group.count
                changed = true
            }
        }
        return Array(observed[start...])
    }

    /// Similarity of two normalised labels.
    static func similarity(_ observed: String, _ candidate: String) -> Double {
        similarity(scalars(observed), scalars(candidate))
    }

    static func similarity(_ observed: Scalars, _ candidate: Scalars) -> Double {
        if observed == candidate { return 1 }
        let o = Double(observed.count), c = Double(candidate.count)
        if observed.starts(with: candidate) || observed.reversed().starts(with: candidate.reversed()) {
            return 0.6 + 0.35 * c / o
        }
        if candidate.starts(with: observed) && observed.count >= 3 { return 0.5 + 0.35 * o / c }
        // The label without its numbering ("予以公开" for "（一）予以公开").
        if candidate.reversed().starts(with: observed.reversed()) && observed.count >= 3 { return 0.5 + 0.4 * o / c }
        if candidate.count >= 3 && contains(observed, candidate) { return 0.55 + 0.3 * c / o }
        // An edit-distance match needs both labels long enough and close in length.
        let longest = max(o, c)
        guard longest >= 4, abs(o - c) / longest <= 0.25 else { return 0 }
        let ratio = 1 - Double(editDistance(observed, candidate)) / longest
        return ratio >= 0.75 ? 0.9 * ratio : 0
    }

    /// Whether `needle` occurs in `haystack`.
    static func contains(_ haystack: Scalars, _ needle: Scalars) -> Bool {
        guard needle.count <= haystack.count else { return false }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if haystack[start..<start + needle.count].elementsEqual(needle) { return true }
        }
        return false
    }

    /// Levenshtein distance.
    static func editDistance(_ a: Scalars, _ b: Scalars) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
