import Synchronization

/// The scores of a normalised label against every row of one section's
/// catalog rows, remembered across reports.
///
/// Reports of one template print the same few hundred label variants, and
/// scoring a label against every catalog row (edit distances included) was
/// the largest single cost of extraction. A label's scores depend only on the
/// label, the rows and the version, so they are computed once per process and
/// shared by every thread; the result is exactly ``LabelMatcher``'s.
final class LabelScoreTable: Sendable {
    let rows: [RowSpec]
    let version: TemplateVersion
    let matcher: LabelMatcher
    private let cache = Mutex<[String: [Double?]]>([:])
    /// Bound on remembered labels: hostile documents may carry endless distinct labels.
    private static let cacheLimit = 50_000

    private init(rows: [RowSpec], version: TemplateVersion) {
        self.rows = rows
        self.version = version
        matcher = LabelMatcher(rows: rows)
    }

    /// The table for `rows` of `version`, made once per distinct row list.
    static func shared(rows: [RowSpec], version: TemplateVersion) -> LabelScoreTable {
        let key = version.rawValue + "|" + rows.map(\.key).joined(separator: ",")
        return tables.withLock { tables in
            if let table = tables[key] { return table }
            let table = LabelScoreTable(rows: rows, version: version)
            tables[key] = table
            return table
        }
    }

    private static let tables = Mutex<[String: LabelScoreTable]>([:])

    /// The score of `normalized` against each row (nil: it does not name that row), in `rows` order.
    func scores(_ normalized: String) -> [Double?] {
        if let cached = cache.withLock({ $0[normalized] }) { return cached }
        let label = LabelMatcher.scalars(normalized)
        let stripped = matcher.strippingGroups(label)
        let scores = rows.map { matcher.score(label, stripped: stripped, $0, version: version) }
        cache.withLock { cache in
            if cache.count >= Self.cacheLimit { cache.removeAll(keepingCapacity: true) }
            cache[normalized] = scores
        }
        return scores
    }

    /// Whether `normalized` names any row.
    func isKnown(_ normalized: String) -> Bool { scores(normalized).contains { $0 != nil } }

    /// The best-scoring row `normalized` names, with its score.
    func best(_ normalized: String) -> (spec: RowSpec, score: Double)? {
        var best: (spec: RowSpec, score: Double)?
        for (spec, score) in zip(rows, scores(normalized)) {
            if let score, score > (best?.score ?? 0) { best = (spec, score) }
        }
        return best
    }
}
