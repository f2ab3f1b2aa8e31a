import NianbaoSQLite

/// The read side of trends, summed inside SQLite over `report_measures`:
/// per group, year and template, every requested measure's numerator,
/// denominator, reports and flagged reports from one scan of one narrow row
/// per report; a raw metric from its facts, joined to the same rows.
///
/// SQLite sums integers exactly; a measure whose counted values have a
/// fraction (万元, stored as exact text) is summed in Swift from the same
/// rows, and one whose sum leaves the 64-bit range gets no sums here (the
/// caller sums it from the facts): the answer is the same either way.
extension Store {
    /// One group-year-template sum.
    struct TrendSum {
        let group: String
        let year: Int
        let template: TemplateVersion
        let numerator: ExactDecimal
        /// The denominator's sum, for rates.
        let denominator: ExactDecimal?
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
        /// The grouping `group` stands for: with it, `measure_totals` may answer instead of a scan.
        var grouping: TrendGrouping?
    }

    struct TrendSumResult {
        /// Every group-year-template holding a report that passes the filter.
        var present: [(group: String, year: Int, template: TemplateVersion)] = []
        /// Sums by measure id; a measure absent here is summed in Swift.
        var sums: [String: [TrendSum]] = [:]
    }

    func trendSums(_ request: TrendSumRequest) throws -> TrendSumResult {
        if let grouping = request.grouping, let totals = try sumsFromTotals(request, grouping: grouping) { return totals }
        let names = NameCache(connection)
        let table = MeasureTable.standard
        let derived = request.measures.filter { table.bit(of: $0) != nil }
        let group = request.group ?? "0"
        let (clause, filterArguments) = request.filter.clause()
        var result = TrendSumResult()

        // Derived measures, and the group-years present: one scan, summed
        // here rather than by SQLite's GROUP BY, which copied every row's
        // inputs into a sorter and evaluated each aggregate row by row
        // (4× slower with twenty measures).
        var selected: [String] = []
        for measure in derived {
            let (numerator, denominator) = table.columns(of: measure)
            selected += ["m." + numerator] + (denominator.map { ["m." + $0] } ?? [])
        }
        let sql = "SELECT \(group), m.year, m.template, m.flagged, m.inexact\(selected.map { ", " + $0 }.joined()) FROM report_measures m WHERE \(clause)"
        struct Key: Hashable { let group: Int64?, year: Int64, v2021: Bool }
        /// Per group-year-template (its slot in `totals`): for each measure its
        /// numerator, denominator, reports and flagged reports, four numbers each.
        var slots: [Key: Int] = [:]
        var totals: [Int64] = []
        let width = derived.count * 4
        var exact = Set(derived.map(\.id))
        // Column of each measure's numerator in a row, and whether it has a denominator after it.
        var first: [Int] = []
        var column = 5
        for measure in derived {
            first.append(column)
            column += measure.isRate ? 2 : 1
        }
        let bits = derived.map { Int64(table.bit(of: $0) ?? 0) }
        try connection.prepare(sql).forEachRow(filterArguments) { row in
            guard let year = row.value(at: 1).int64 else { return }
            let key = Key(group: row.value(at: 0).int64, year: year, v2021: row.value(at: 2).string == TemplateVersion.v2021.rawValue)
            let slot: Int
            if let known = slots[key] {
                slot = known
            } else {
                slot = totals.count
                slots[key] = slot
                totals += [Int64](repeating: 0, count: width)
            }
            let flagged = row.value(at: 3).int64 ?? 0, inexact = row.value(at: 4).int64 ?? 0
            for index in derived.indices {
                let bit = bits[index], at = first[index], rate = derived[index].isRate
                guard case .integer(let counted) = row.value(at: rate ? at + 1 : at) else {
                    if row.value(at: rate ? at + 1 : at) != .null { exact.remove(derived[index].id) }
                    continue
                }
                let isFlagged = (flagged >> bit) & 1 == 1
                if request.excludeFlagged && isFlagged { continue }
                guard (inexact >> bit) & 1 == 0, case .integer(let numerator) = row.value(at: at) else {
                    exact.remove(derived[index].id)
                    continue
                }
                let at4 = slot + index * 4
                let (n, o1) = totals[at4].addingReportingOverflow(numerator)
                let (d, o2) = rate ? totals[at4 + 1].addingReportingOverflow(counted) : (0, false)
                if o1 || o2 { exact.remove(derived[index].id) }
                totals[at4] = n
                totals[at4 + 1] = d
                totals[at4 + 2] += 1
                if isFlagged { totals[at4 + 3] += 1 }
            }
        }
        for measure in derived { result.sums[measure.id] = [] }
        for (key, slot) in slots {
            let sums = totals[slot..<slot + width].map { $0 }
            let template: TemplateVersion = key.v2021 ? .v2021 : .v2019
            let name = try Self.groupName(key.group.map(SQLiteValue.integer) ?? .null, names, constant: request.group == nil)
            result.present.append((name, Int(key.year), template))
            for (index, measure) in derived.enumerated() where exact.contains(measure.id) && sums[index * 4 + 2] > 0 {
                result.sums[measure.id, default: []].append(TrendSum(
                    group: name, year: Int(key.year), template: template, numerator: ExactDecimal(Int(sums[index * 4])),
                    denominator: measure.isRate ? ExactDecimal(Int(sums[index * 4 + 1])) : nil,
                    reports: Int(sums[index * 4 + 2]), flagged: Int(sums[index * 4 + 3])))
            }
        }
        for measure in derived where !exact.contains(measure.id) {
            result.sums[measure.id] = try exactSums(measure, group: group, constant: request.group == nil, names: names, request: request)
        }

        // Raw metrics: their column when they have one, else their facts joined to the same rows.
        for measure in request.measures where table.bit(of: measure) == nil {
            guard case .sum(let keys) = measure.formula, keys.count == 1, let metric = metricIDs[keys[0]] else { continue }
            let constant = request.group == nil
            if let bit = table.bit(ofKey: keys[0]) {
                result.sums[measure.id] = try columnSums(keys[0], bit: bit, group: group, constant: constant, names: names, request: request)
            } else if let sums = try metricSums(metric, group: group, constant: constant, names: names, request: request) {
                result.sums[measure.id] = sums
            }
        }
        return result
    }

    /// A derived measure summed exactly in Swift from its rows of `report_measures`:
    /// for fractions (万元), and sums beyond 64 bits (nil: the caller's exact path says overflow).
    private func exactSums(
        _ measure: Measure, group: String, constant: Bool, names: NameCache, request: TrendSumRequest
    ) throws -> [TrendSum]? {
        let table = MeasureTable.standard
        guard let bit = table.bit(of: measure) else { return nil }
        let (numerator, denominator) = table.columns(of: measure)
        return try rowSums(
            columns: (numerator, denominator), flagged: "(m.flagged >> \(bit)) & 1", group: group, constant: constant,
            names: names, request: request)
    }

    /// A raw metric with a column in `report_measures`: SQLite's sums when every value is an integer, else exact sums in Swift.
    private func columnSums(
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
    private func rowSums(
        columns: (numerator: String, denominator: String?), flagged: String, group: String, constant: Bool,
        names: NameCache, request: TrendSumRequest
    ) throws -> [TrendSum]? {
        let (clause, filterArguments) = request.filter.clause()
        let counted = columns.denominator ?? columns.numerator
        let qualified = { (column: String) in column.hasPrefix("m.") ? column : "m." + column }
        let sql = """
            SELECT \(group), m.year, m.template, \(qualified(columns.numerator)), \(columns.denominator.map(qualified) ?? "NULL"), \(flagged)
            FROM report_measures m WHERE \(clause) AND \(qualified(counted)) IS NOT NULL \(request.excludeFlagged ? "AND \(flagged) = 0" : "")
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
    private func metricSums(
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
