import NianbaoSQLite

/// The read side of trends, summed inside SQLite over `report_measures`:
/// per group, year and template, every requested measure's numerator,
/// denominator, reports and flagged reports from one scan of one narrow row
/// per report; a raw metric from its facts, joined to the same rows.
///
/// SQLite sums integers exactly; a measure whose counted values have a
/// fraction (万元), or whose sum leaves the exact range, gets no sums here and
/// the caller sums it exactly in Swift: the answer is the same either way.
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
        var measures: [Measure]
        /// SQL over `m` (`report_measures`) giving the group's `names` id; nil for one group of everything.
        var group: String?
        var filter: TrendFilter
        /// Leave out reports with a flagged cell of the measure.
        var excludeFlagged = false
    }

    struct TrendSumResult {
        /// Every group-year-template holding a report that passes the filter.
        var present: [(group: String, year: Int, template: TemplateVersion)] = []
        /// Sums by measure id; a measure absent here is summed in Swift.
        var sums: [String: [TrendSum]] = [:]
    }

    /// The largest magnitude a double holds every integer up to: sums of
    /// `report_measures`' REAL columns beyond it go to the exact path.
    private static let exactDouble = 9_007_199_254_740_992.0

    func trendSums(_ request: TrendSumRequest) throws -> TrendSumResult {
        let names = try names()
        let table = MeasureTable.standard
        let derived = request.measures.filter { table.bit(of: $0) != nil }
        let group = request.group ?? "0"
        let (clause, filterArguments) = request.filter.clause()
        var result = TrendSumResult()

        // Derived measures, and the group-years present: one scan.
        var aggregates: [String] = []
        for measure in derived {
            let bit = table.bit(of: measure) ?? 0
            let (numerator, denominator) = table.columns(of: measure)
            let kept = { (column: String) in
                request.excludeFlagged ? "CASE WHEN (m.flagged >> \(bit)) & 1 = 0 THEN m.\(column) END" : "m.\(column)"
            }
            let counted = kept(denominator ?? numerator)
            aggregates += [
                "SUM(\(kept(numerator)))", denominator.map { "SUM(\(kept($0)))" } ?? "NULL", "COUNT(\(counted))",
                "SUM(CASE WHEN \(counted) IS NOT NULL THEN (m.flagged >> \(bit)) & 1 END)",
                "MAX(CASE WHEN \(counted) IS NOT NULL THEN (m.inexact >> \(bit)) & 1 END)",
            ]
        }
        let sql = """
            SELECT \(group), m.year, m.template\(aggregates.map { ", " + $0 }.joined())
            FROM report_measures m WHERE \(clause) GROUP BY 1, 2, 3
            """
        var exact = Set(derived.map(\.id))
        try connection.prepare(sql).forEachRow(filterArguments) { row in
            guard let year = row.value(at: 1).int64, let template = row.value(at: 2).string.flatMap(TemplateVersion.init(rawValue:))
            else { return }
            let name = Self.groupName(row.value(at: 0), names, constant: request.group == nil)
            result.present.append((name, Int(year), template))
            for (index, measure) in derived.enumerated() where exact.contains(measure.id) {
                let base = 3 + index * 5
                let reports = Int(row.value(at: base + 2).int64 ?? 0)
                guard reports > 0 else { continue }
                guard row.value(at: base + 4).int64 == 0, let numerator = Self.exactInteger(row.value(at: base)) else {
                    exact.remove(measure.id)
                    continue
                }
                var denominator: Int64?
                if measure.isRate {
                    guard let value = Self.exactInteger(row.value(at: base + 1)) else {
                        exact.remove(measure.id)
                        continue
                    }
                    denominator = value
                }
                result.sums[measure.id, default: []].append(TrendSum(
                    group: name, year: Int(year), template: template, numerator: numerator, denominator: denominator,
                    reports: reports, flagged: Int(row.value(at: base + 3).int64 ?? 0)))
            }
        }
        for measure in derived where !exact.contains(measure.id) { result.sums[measure.id] = nil }

        // Raw metrics: their facts, joined to the same rows.
        for measure in request.measures where table.bit(of: measure) == nil {
            guard case .sum(let keys) = measure.formula, keys.count == 1, let metric = metricIDs[keys[0]] else { continue }
            if let sums = try metricSums(metric, group: group, constant: request.group == nil, names: names, request: request) {
                result.sums[measure.id] = sums
            }
        }
        return result
    }

    /// One metric's sums from `facts`, or nil when a counted cell is a decimal or the sum overflows.
    private func metricSums(
        _ metric: Int64, group: String, constant: Bool, names: [Int64: String], request: TrendSumRequest
    ) throws -> [TrendSum]? {
        let (clause, filterArguments) = request.filter.clause()
        let violated = "(instr(COALESCE(p.flags, ''), 'identity_violation') > 0)"
        let sql = """
            SELECT \(group), m.year, m.template, SUM(f.value), COUNT(*), SUM(\(violated)), SUM(p.decimal IS NOT NULL)
            FROM report_measures m JOIN facts f ON f.report_id = m.report_id AND f.metric_id = ?
            LEFT JOIN provenance p ON p.report_id = f.report_id AND p.metric_id = f.metric_id
            WHERE \(clause) AND f.status IN (0, 3) AND (f.value IS NOT NULL OR p.decimal IS NOT NULL)
                  \(request.excludeFlagged ? "AND NOT \(violated)" : "")
            GROUP BY 1, 2, 3
            """
        var sums: [TrendSum] = []
        var exact = true
        do {
            try connection.prepare(sql).forEachRow([.integer(metric)] + filterArguments) { row in
                guard exact, let year = row.value(at: 1).int64,
                    let template = row.value(at: 2).string.flatMap(TemplateVersion.init(rawValue:)),
                    row.value(at: 6).int64 == 0, let numerator = row.value(at: 3).int64
                else {
                    exact = false
                    return
                }
                sums.append(TrendSum(
                    group: Self.groupName(row.value(at: 0), names, constant: constant), year: Int(year), template: template,
                    numerator: numerator, denominator: nil, reports: Int(row.value(at: 4).int64 ?? 0),
                    flagged: Int(row.value(at: 5).int64 ?? 0)))
            }
        } catch let error as SQLiteError where error.message.contains("integer overflow") {
            return nil
        }
        return exact ? sums : nil
    }

    /// A sum of REAL columns as an exact integer, or nil when it may not be one.
    private static func exactInteger(_ value: SQLiteValue) -> Int64? {
        switch value {
        case .integer(let v): return v
        case .real(let v): return v.rounded() == v && abs(v) < exactDouble ? Int64(v) : nil
        default: return nil
        }
    }
}
