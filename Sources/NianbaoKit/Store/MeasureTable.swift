import NianbaoSQLite

/// `report_measures`: one row per report with the inputs of every derived
/// measure, worked out at import with the NULL rules of ``MeasureEvaluator``
/// (the same code the exact Swift path runs), beside the report's year,
/// template, scope and identity as integer ids into `names`.
///
/// A trend then reads one narrow row per report, with no join and no
/// grouping of facts: at 100 000 reports the 20 derived measures come from
/// one scan of a few megabytes. A sum's column is NULL where the report does
/// not count; a rate has `<id>_num` and `<id>_den`, both NULL where it does
/// not. Bit `i` of `flagged` says measure `i` reads a cell flagged
/// `identity_violation`; bit `i` of `inexact` that its value has a fraction
/// (万元), kept as exact text and summed in Swift.
///
/// Beside them, the cells those measures and the named queries read, one
/// column per metric key (`"review.total"`): the value of a reported or
/// derived cell, else NULL, as `facts.value` has it (a decimal as its exact
/// text); bit `k` of `key_flagged` marks key `k`'s cell `identity_violation`.
/// A trend of such a metric, and the named queries, read these columns.
///
/// The table is derived data: its columns follow the catalog, and a
/// database whose columns differ (a measure added) is rebuilt from `facts`
/// when opened for writing. A trigger on `reports` keeps the identity
/// columns true when aliases re-resolve a body.
struct MeasureTable: Sendable {
    static let standard = MeasureTable(MeasureCatalog.standard.derived)

    let measures: [Measure]
    private let bits: [String: Int]
    /// The metric keys with a column of their own, in column order.
    let keys: [String]
    private let keyBits: [String: Int]

    /// Metrics the named queries read besides the measures' inputs.
    static let queryKeys = ["proactive.normative_doc.in_force", "proactive.normative_doc.issued", "proactive.normative_doc.repealed"]

    init(_ measures: [Measure]) {
        self.measures = Array(measures.prefix(62))
        bits = Dictionary(uniqueKeysWithValues: self.measures.enumerated().map { ($1.id, $0) })
        keys = Array(Array(Set(self.measures.flatMap(\.formula.keys) + Self.queryKeys)).sorted().prefix(62))
        keyBits = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0) })
        // Written once per table, not for every report stored.
        insertSQL = makeInsertSQL()
    }

    /// The bit of a metric key in `key_flagged`, or nil when the key has no column.
    func bit(ofKey key: String) -> Int? { keyBits[key] }

    /// The bit of `measure` in `flagged` and `inexact`, or nil when the table does not hold it.
    func bit(of measure: Measure) -> Int? {
        bits[measure.id].flatMap { measures[$0] == measure ? $0 : nil }
    }

    /// The numerator's column (the sum's, for sums) and the denominator's (nil for sums).
    func columns(of measure: Measure) -> (numerator: String, denominator: String?) {
        measure.isRate ? ("\"\(measure.id)_num\"", "\"\(measure.id)_den\"") : ("\"\(measure.id)\"", nil)
    }

    /// Identity and bookkeeping columns before the measures'.
    static let leading = [
        "report_id", "year", "template", "own", "bureau_id", "body", "province", "city", "county", "kind", "flagged", "inexact",
        "key_flagged",
    ]

    /// Every column name, in order.
    var columnNames: [String] {
        Self.leading + measures.flatMap { measure in
            measure.isRate ? ["\(measure.id)_num", "\(measure.id)_den"] : [measure.id]
        } + keys
    }

    /// Drops and creates the table, `names` and the identity trigger.
    var createSQL: String {
        let measureColumns = columnNames.dropFirst(Self.leading.count).map { "\"\($0)\" ANY" }.joined(separator: ",\n    ")
        let name = { (column: String) in "(SELECT id FROM names WHERE name = \(column))" }
        return """
            DROP TRIGGER IF EXISTS reports_identity_to_measures;
            DROP TABLE IF EXISTS report_measures;
            CREATE TABLE IF NOT EXISTS names (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE) STRICT;
            CREATE TABLE report_measures (
                report_id INTEGER PRIMARY KEY REFERENCES reports(id),
                year INTEGER NOT NULL,
                template TEXT NOT NULL,
                own INTEGER NOT NULL,
                bureau_id INTEGER,
                body INTEGER,
                province INTEGER,
                city INTEGER,
                county INTEGER,
                kind INTEGER,
                flagged INTEGER NOT NULL,
                inexact INTEGER NOT NULL,
                key_flagged INTEGER NOT NULL,
                \(measureColumns)
            ) STRICT;
            CREATE INDEX report_measures_by_body ON report_measures(body, year);
            CREATE TRIGGER reports_identity_to_measures
            AFTER UPDATE OF bureau_id, year, template, scope, canonical_bureau, province, city, county, kind ON reports
            BEGIN
                INSERT OR IGNORE INTO names (name)
                    SELECT n FROM (SELECT COALESCE(new.canonical_bureau, (SELECT name FROM bureaus WHERE id = new.bureau_id)) AS n
                                   UNION ALL SELECT new.province UNION ALL SELECT new.city UNION ALL SELECT new.county
                                   UNION ALL SELECT new.kind)
                    WHERE n IS NOT NULL;
                UPDATE report_measures SET year = new.year, template = new.template, own = (new.scope = 'own'),
                    bureau_id = new.bureau_id,
                    body = \(name("COALESCE(new.canonical_bureau, (SELECT name FROM bureaus WHERE id = new.bureau_id))")),
                    province = \(name("new.province")), city = \(name("new.city")), county = \(name("new.county")),
                    kind = \(name("new.kind"))
                WHERE report_id = new.id;
            END;
            """
    }

    /// The INSERT of one row: report id, year, template, own, flagged, inexact and the measures' columns
    /// (the identity columns are filled by the trigger when the report's identity is written).
    private(set) var insertSQL = ""

    private func makeInsertSQL() -> String {
        let names = ["report_id", "year", "template", "own", "flagged", "inexact", "key_flagged"]
            + columnNames.dropFirst(Self.leading.count)
        return "INSERT INTO report_measures (\(names.map { "\"\($0)\"" }.joined(separator: ", "))) VALUES ("
            + Array(repeating: "?", count: names.count).joined(separator: ", ") + ")"
    }

    /// The values after report id, year, template and own for ``insertSQL``: the masks, each measure's inputs, each key's value.
    func values(_ facts: MeasureEvaluator.Facts, violations: Set<String>) -> [SQLiteValue] {
        var flagged: Int64 = 0, inexact: Int64 = 0, keyFlagged: Int64 = 0
        var columns: [SQLiteValue] = []
        func number(_ value: ExactDecimal, bit: Int) -> SQLiteValue {
            if let integer = value.integerValue { return .integer(Int64(integer)) }
            inexact |= 1 << Int64(bit)
            return .text(value.description)
        }
        for (bit, measure) in measures.enumerated() {
            let parts = MeasureEvaluator.parts(measure, facts)
            if parts != nil, !violations.isEmpty, measure.formula.keys.contains(where: violations.contains) { flagged |= 1 << Int64(bit) }
            columns.append(parts.map { number($0.0, bit: bit) } ?? .null)
            if measure.isRate { columns.append(parts?.1.map { number($0, bit: bit) } ?? .null) }
        }
        for (bit, key) in keys.enumerated() {
            if !violations.isEmpty, violations.contains(key) { keyFlagged |= 1 << Int64(bit) }
            guard let fact = facts(key), fact.status == .reported || fact.status == .derived, let value = fact.value else {
                columns.append(.null)
                continue
            }
            columns.append(value.integerValue.map { .integer(Int64($0)) } ?? .text(value.description))
        }
        return [.integer(flagged), .integer(inexact), .integer(keyFlagged)] + columns
    }

    /// A stored input as an exact decimal: integers as they are, fractions from their text.
    static func decimal(_ value: SQLiteValue) -> ExactDecimal? {
        switch value {
        case .integer(let v): ExactDecimal(Int(v))
        case .text(let text): ExactDecimal(text)
        default: nil
        }
    }
}
