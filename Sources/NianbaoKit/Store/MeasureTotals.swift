import NianbaoSQLite

/// `measure_totals`: the sums of `report_measures` per grouping level,
/// group, year and template, over own-scope reports, so a trend grouped by
/// year, region, province, city, county or kind with no filter but the years
/// reads a few rows instead of one row per report.
///
/// Every value column `c` of `report_measures` has four totals: `"c.sum"`
/// (of its integers), `"c.decimals"` (the exact sum of its decimals, 万元
/// amounts, as text; NULL when it has none), `"c.count"` (reports where it
/// is not NULL) and `"c.flagged"` (of those, reports whose measure or key
/// carries `identity_violation`).
///
/// The totals are rebuilt by writers at the end of an import, a removal or a
/// re-resolution of aliases, from one scan of `report_measures`. A trigger
/// counts every change of `report_measures` in `measure_state`; totals built
/// at another count are stale and trends read `report_measures` instead, so
/// a stale total is never read.
struct MeasureTotals {
    let table: MeasureTable

    /// The grouping levels kept, with the group each report falls in (a `names` id, nil for none).
    static let levels: [TrendGrouping] = [.year, .region, .province, .city, .county, .kind]

    /// The value columns of `report_measures` (measures' then keys'), and for each the bit of its flag:
    /// `(mask column, bit)`.
    var valueColumns: [(name: String, mask: String, bit: Int)] {
        var columns: [(String, String, Int)] = []
        for (bit, measure) in table.measures.enumerated() {
            let (numerator, denominator) = table.columns(of: measure)
            for column in [numerator] + (denominator.map { [$0] } ?? []) {
                columns.append((String(column.dropFirst().dropLast()), "flagged", bit))
            }
        }
        for (bit, key) in table.keys.enumerated() { columns.append((key, "key_flagged", bit)) }
        return columns
    }

    static let totalKinds = ["sum", "decimals", "count", "flagged"]

    var createSQL: String {
        let columns = valueColumns.flatMap { column in
            Self.totalKinds.map { "\"\(column.name).\($0)\" " + ($0 == "decimals" ? "TEXT" : "INTEGER NOT NULL") }
        }
        return """
            DROP TABLE IF EXISTS measure_totals;
            DROP TABLE IF EXISTS measure_state;
            CREATE TABLE measure_totals (
                level TEXT NOT NULL,
                grp INTEGER,
                year INTEGER NOT NULL,
                template TEXT NOT NULL,
                reports INTEGER NOT NULL,
                \(columns.joined(separator: ",\n    "))
            ) STRICT;
            CREATE TABLE measure_state (changes INTEGER NOT NULL, totals INTEGER NOT NULL) STRICT;
            INSERT INTO measure_state VALUES (1, 0);
            CREATE TRIGGER report_measures_inserted AFTER INSERT ON report_measures
                BEGIN UPDATE measure_state SET changes = changes + 1; END;
            CREATE TRIGGER report_measures_deleted AFTER DELETE ON report_measures
                BEGIN UPDATE measure_state SET changes = changes + 1; END;
            CREATE TRIGGER report_measures_updated AFTER UPDATE ON report_measures
                BEGIN UPDATE measure_state SET changes = changes + 1; END;
            """
    }
}
