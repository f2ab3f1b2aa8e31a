import NianbaoSQLite

/// The read side of trends, summed inside SQLite: per group, year and
/// template, a measure's numerator and denominator over the reports that
/// count, with the NULL rules of ``Measure`` written as SQL.
///
/// Reading every report into Swift to sum it there cost hundreds of
/// milliseconds at 10 000 reports; SQLite sums integers exactly, so when
/// every value involved is an integer the sums come from one statement over
/// the covering index of facts. A value with a fraction (万元 amounts, stored
/// as REAL) or a sum beyond 64 bits returns nil, and the caller sums exactly
/// in Swift instead: the answer is the same either way.
extension Store {
    /// One group-year-template sum.
    struct TrendSum {
        let group: String
        let year: Int
        let template: TemplateVersion
        let numerator: Int64
        /// The denominator's sum, for rates.
        let denominator: Int64?
        let reports: Int
        /// Reports with a cell of the measure flagged `identity_violation`.
        let flagged: Int
    }

    /// What to sum and over which reports.
    struct TrendSumRequest {
        var numerator: [String]
        /// Nil for sums; for rates, a report counts only with a reported denominator.
        var denominator: [String]?
        /// SQL for the group of a report (`r`: reports, `b`: bureaus).
        var group: String
        var filter: TrendFilter
        /// Leave out reports with a flagged cell of the measure.
        var excludeFlagged = false
    }

    /// SQL: whether the fact `f` carries the flag `identity_violation`.
    static let violated = "(instr(COALESCE(f.flags, ''), 'identity_violation') > 0)"

    /// The sums, or nil when SQLite cannot give them exactly.
    func trendSums(_ request: TrendSumRequest) throws(StoreError) -> [TrendSum]? {
        do {
            return try sums(request)
        } catch let error as SQLiteError where error.message.contains("integer overflow") {
            return nil
        } catch {
            throw StoreError(error, path: path)
        }
    }

    private func sums(_ request: TrendSumRequest) throws -> [TrendSum]? {
        let numerator = request.numerator, denominator = request.denominator ?? []
        func list(_ keys: [String]) -> String { Array(repeating: "?", count: keys.count).joined(separator: ", ") }
        // `per`: the reports that count, with their numerator and denominator.
        var arguments: [SQLiteValue]
        let per: String
        if request.denominator == nil && numerator.count == 1 {
            // One cell decides alone (its status and value): no grouping per
            // report, so SQLite reads the covering index straight into the join.
            per = """
                (SELECT f.report_id AS id, f.value AS n, NULL AS d, typeof(f.value) <> 'integer' AS inexact,
                        \(Self.violated) AS flagged
                 FROM facts f WHERE f.metric = ? AND f.status IN ('reported', 'derived') AND f.value IS NOT NULL
                 \(request.excludeFlagged ? "AND \(Self.violated) = 0" : ""))
                """
            arguments = [.text(numerator[0])]
        } else {
            // A missing, ambiguous or invalid cell (or a reported one without
            // a value) leaves the report out; a sum needs one reported cell, a
            // rate a reported denominator.
            let keys = Array(Set(numerator + denominator)).sorted()
            let reportedSum = { (keys: [String]) in
                "SUM(CASE WHEN f.metric IN (\(list(keys))) AND f.status IN ('reported', 'derived') THEN f.value END)"
            }
            per = """
                (SELECT f.report_id AS id, \(reportedSum(numerator)) AS n,
                        \(request.denominator == nil ? "NULL" : reportedSum(denominator)) AS d,
                        SUM(f.status IN ('reported', 'derived') AND typeof(f.value) <> 'integer') AS inexact,
                        MAX(\(Self.violated)) AS flagged
                 FROM facts f WHERE f.metric IN (\(list(keys)))
                 GROUP BY f.report_id
                 HAVING SUM(f.status IN ('missing', 'ambiguous', 'invalid')
                            OR (f.status IN ('reported', 'derived') AND f.value IS NULL)) = 0
                    AND \(request.denominator == nil ? "n" : "d") IS NOT NULL
                    \(request.excludeFlagged ? "AND MAX(\(Self.violated)) = 0" : ""))
                """
            arguments = numerator.map(SQLiteValue.text) + denominator.map(SQLiteValue.text) + keys.map(SQLiteValue.text)
        }
        let needsBureaus = request.group.contains("b.") || request.filter.needsBureaus
        let (clause, filterArguments) = request.filter.clause()
        let sql = """
            SELECT \(request.group), r.year, r.template,
                   SUM(COALESCE(per.n, 0)), SUM(per.d), COUNT(*), SUM(per.inexact), SUM(per.flagged)
            FROM \(per) per JOIN reports r ON r.id = per.id
            \(needsBureaus ? "JOIN bureaus b ON b.id = r.bureau_id" : "")
            WHERE \(clause) GROUP BY 1, 2, 3
            """
        arguments += filterArguments

        var sums: [TrendSum] = []
        var exact = true
        try connection.prepare(sql).forEachRow(arguments) { row in
            guard exact, let group = row.value(at: 0).string, let year = row.value(at: 1).int64,
                let template = row.value(at: 2).string.flatMap(TemplateVersion.init(rawValue:)),
                row.value(at: 6).int64 == 0, let numerator = row.value(at: 3).int64
            else {
                exact = false
                return
            }
            let denominator = row.value(at: 4).int64
            if request.denominator != nil && denominator == nil { exact = false }
            sums.append(TrendSum(
                group: group, year: Int(year), template: template, numerator: numerator, denominator: denominator,
                reports: Int(row.value(at: 5).int64 ?? 0), flagged: Int(row.value(at: 7).int64 ?? 0)))
        }
        return exact ? sums : nil
    }
}
