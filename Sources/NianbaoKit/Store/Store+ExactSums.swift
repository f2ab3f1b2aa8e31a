import NianbaoSQLite

/// The sums a trend cannot take from one integer scan: a measure with
/// decimals (万元), summed exactly in Swift from its rows of
/// `report_measures`; a raw metric, from its column there or from `facts`.
extension Store {
    /// A derived measure summed exactly in Swift from its rows of `report_measures`:
    /// for fractions (万元), and sums beyond 64 bits (nil: the caller's exact path says overflow).
    func exactSums(
        _ measure: Measure, group: String, constant: Bool, names: NameCache, request: TrendSumRequest
    ) throws -> [TrendSum]? {
        let table = MeasureTable.standard
        guard let bit = table.bit(of: measure) else { return nil }
        let (numerator, denominator) = table.columns(of: measure)
        return try rowSums(
            columns: ("m." + numerator, denominator.map { "m." + $0 }), flagged: "(m.flagged >> \(bit)) & 1", group: group, constant: constant,
            names: names, request: request)
    }

    /// A raw metric with a column in `report_measures`: SQLite's sums when every value is an integer, else exact sums in Swift.
    func columnSums(
        _ key: String, bit: Int, group: String, constant: Bool, names: NameCache, request: TrendSumRequest
    ) throws -> [TrendSum]? {
        let column = "m.\"\(key)\"", flagged = "(m.key_flagged >> \(bit)) & 1"
        let (clause, filterArguments) = request.filter.clause()
        let sql = """
            SELECT \(group), m.year, m.template, SUM(\(column)), COUNT(\(column)), SUM(CASE WHEN \(column) IS NOT NULL THEN \(flagged) END),
                   MAX(typeof(\(column)) = 'text')
            FROM report_measures m WHERE \(clause) \(request.excludeFlagged ? "AND \(flagged) = 0" : "") GROUP BY 1, 2, 3
            """
        var sums: [TrendSum] = []
        var exact = true
        do {
            try connection.prepare(sql).forEachRow(filterArguments) { row in
                guard exact, let year = row.value(at: 1).int64,
                    let template = row.value(at: 2).string.flatMap(TemplateVersion.init(rawValue:))
                else { return }
                let reports = Int(row.value(at: 4).int64 ?? 0)
                guard reports > 0 else { return }
                guard row.value(at: 6).int64 == 0, let numerator = row.value(at: 3).int64 else {
                    exact = false
                    return
                }
                sums.append(TrendSum(
                    group: try Self.groupName(row.value(at: 0), names, constant: constant), year: Int(year), template: template,
                    numerator: ExactDecimal(Int(numerator)), denominator: nil, reports: reports,
                    flagged: Int(row.value(at: 5).int64 ?? 0)))
            }
        } catch let error as SQLiteError where error.message.contains("integer overflow") {
            exact = false
        }
        if exact { return sums }
        return try rowSums(columns: (column, nil), flagged: flagged, group: group, constant: constant, names: names, request: request)
    }

    /// Sums in Swift, exactly, over the rows of `report_measures` where the counted column is not NULL.
    /// - Parameter columns: SQL of the numerator and (for rates) the denominator; `flagged` SQL giving 0 or 1.
    func rowSums(
        columns: (numerator: String, denominator: String?), flagged: String, group: String, constant: Bool,
        names: NameCache, request: TrendSumRequest
    ) throws -> [TrendSum]? {
        let (clause, filterArguments) = request.filter.clause()
        let counted = columns.denominator ?? columns.numerator
        let sql = """
            SELECT \(group), m.year, m.template, \(columns.numerator), \(columns.denominator ?? "NULL"), \(flagged)
            FROM report_measures m WHERE \(clause) AND \(counted) IS NOT NULL \(request.excludeFlagged ? "AND \(flagged) = 0" : "")
            """
        struct Key: Hashable { let group: Int64?, year: Int64, template: String }
        var parts: [Key: (numerator: ExactDecimal, denominator: ExactDecimal?, reports: Int, flagged: Int)] = [:]
        var overflow = false
        try connection.prepare(sql).forEachRow(filterArguments) { row in
            guard let year = row.value(at: 1).int64, let template = row.value(at: 2).string,
                let numerator = MeasureTable.decimal(row.value(at: 3))
            else { return }
            let key = Key(group: row.value(at: 0).int64, year: year, template: template)
            var sum = parts[key] ?? (ExactDecimal(0), columns.denominator == nil ? nil : ExactDecimal(0), 0, 0)
            guard let n = sum.numerator + numerator else { return overflow = true }
            sum.numerator = n
            if let d = sum.denominator {
                guard let value = MeasureTable.decimal(row.value(at: 4)), let total = d + value else { return overflow = true }
                sum.denominator = total
            }
            sum.reports += 1
            sum.flagged += Int(row.value(at: 5).int64 ?? 0)
            parts[key] = sum
        }
        if overflow { return nil }
        return try parts.compactMap { key, sum in
            try TemplateVersion(rawValue: key.template).map { template in
                TrendSum(
                    group: try Self.groupName(key.group.map(SQLiteValue.integer) ?? .null, names, constant: constant),
                    year: Int(key.year), template: template, numerator: sum.numerator, denominator: sum.denominator,
                    reports: sum.reports, flagged: sum.flagged)
            }
        }
    }

    /// One metric's sums from `facts`, or nil when a counted cell is a decimal or the sum overflows.
    func metricSums(
        _ metric: Int64, group: String, constant: Bool, names: NameCache, request: TrendSumRequest
    ) throws -> [TrendSum]? {
        let (clause, filterArguments) = request.filter.clause()
        let violated = "(instr(COALESCE(p.flags, ''), 'identity_violation') > 0)"
        let sql = """
            SELECT \(group), m.year, m.template, SUM(f.value), COUNT(*), SUM(\(violated)), SUM(p.decimal IS NOT NULL)
            FROM report_measures m CROSS JOIN facts f ON f.report_id = m.report_id AND f.metric_id = ?
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
                    group: try Self.groupName(row.value(at: 0), names, constant: constant), year: Int(year), template: template,
                    numerator: ExactDecimal(Int(numerator)), denominator: nil, reports: Int(row.value(at: 4).int64 ?? 0),
                    flagged: Int(row.value(at: 5).int64 ?? 0)))
            }
        } catch let error as SQLiteError where error.message.contains("integer overflow") {
            return nil
        }
        return exact ? sums : nil
    }

}
