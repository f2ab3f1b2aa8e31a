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
        /// With the number of reports in each (all of them, counted or not by a measure).
        var present: [(group: String, year: Int, template: TemplateVersion, reports: Int)] = []
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
        /// Per group-year-template: its reports, then for each measure its
        /// numerator, denominator, reports and flagged reports.
        var totals = SlotTable<Key>(width: 1 + derived.count * 4)
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
            let slot = totals.slot(key)
            totals.values[slot] += 1
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
                let at4 = slot + 1 + index * 4
                let (n, o1) = totals.values[at4].addingReportingOverflow(numerator)
                let (d, o2) = rate ? totals.values[at4 + 1].addingReportingOverflow(counted) : (0, false)
                if o1 || o2 { exact.remove(derived[index].id) }
                totals.values[at4] = n
                totals.values[at4 + 1] = d
                totals.values[at4 + 2] += 1
                if isFlagged { totals.values[at4 + 3] += 1 }
            }
        }
        for measure in derived { result.sums[measure.id] = [] }
        for (key, slot) in totals.slots {
            let sums = Array(totals.values[slot + 1..<slot + totals.width])
            let template: TemplateVersion = key.v2021 ? .v2021 : .v2019
            let name = try Self.groupName(key.group.map(SQLiteValue.integer) ?? .null, names, constant: request.group == nil)
            result.present.append((name, Int(key.year), template, Int(totals.values[slot])))
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
}
