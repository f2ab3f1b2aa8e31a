import NianbaoSQLite

/// Building and reading `measure_totals` (``MeasureTotals``).
extension Store {
    /// Rebuilds `measure_totals` from `report_measures` when it is stale: one
    /// scan, every level summed at once (integers as integers, decimals
    /// exactly apart). A sum beyond 64 bits leaves the totals stale (trends
    /// then read `report_measures`, exactly).
    public func refreshTotals() throws(StoreError) {
        try wrap {
            guard try !totalsAreFresh() else { return }
            if connection.isInsideTransaction { try rebuildTotals() } else { try connection.transaction(.immediate) { try rebuildTotals() } }
        }
    }

    /// Whether `measure_totals` was built from `report_measures` as it is now.
    func totalsAreFresh() throws -> Bool {
        guard let row = try connection.rows("SELECT changes, totals FROM measure_state").first else { return false }
        return row[0].int64 == row[1].int64
    }

    private func rebuildTotals() throws {
        let columns = MeasureTotals(table: .standard).valueColumns
        let levels = MeasureTotals.levels
        // Each level's group as the trends compute it, then the masks and the value columns.
        let groups = levels.map { $0.measureColumn ?? "NULL" }
        let sql = """
            SELECT m.year, m.template, \(groups.joined(separator: ", ")), m.flagged, m.key_flagged\
            \(columns.map { ", m.\"\($0.name)\"" }.joined())
            FROM report_measures m WHERE m.own = 1
            """
        // Columns: year, template, a group per level, the two masks, the values.
        let flaggedAt = 2 + levels.count, first = flaggedAt + 2
        let maskOf = columns.map { $0.mask == "flagged" ? 0 : 1 }
        struct Key: Hashable { let level: Int, group: Int64?, year: Int64, template: String }
        // Per key: reports, then per column its integer sum, (decimals), count and flagged count.
        var sums = SlotTable<Key>(width: 1 + columns.count * 4)
        /// Exact sums of decimals by the position of the column's "decimals" total.
        var decimals: [Int: ExactDecimal] = [:]
        var overflow = false
        try connection.prepare(sql).forEachRow { row in
            guard let year = row.value(at: 0).int64, let template = row.value(at: 1).string else { return }
            let flagged = [row.value(at: flaggedAt).int64 ?? 0, row.value(at: flaggedAt + 1).int64 ?? 0]
            // What each column adds, worked out once for every level.
            let values = columns.indices.map { index -> (value: SQLiteValue, flagged: Bool) in
                (row.value(at: first + index), (flagged[maskOf[index]] >> Int64(columns[index].bit)) & 1 == 1)
            }
            for level in levels.indices {
                let slot = sums.slot(Key(level: level, group: row.value(at: 2 + level).int64, year: year, template: template))
                sums.values[slot] += 1
                for (index, value) in values.enumerated() {
                    let at = slot + 1 + index * 4
                    switch value.value {
                    case .null: continue
                    case .integer(let number):
                        let (sum, over) = sums.values[at].addingReportingOverflow(number)
                        if over { overflow = true }
                        sums.values[at] = sum
                    default:
                        guard let number = MeasureTable.decimal(value.value),
                            let sum = (decimals[at + 1] ?? ExactDecimal(0)) + number
                        else { overflow = true; continue }
                        decimals[at + 1] = sum
                    }
                    sums.values[at + 2] += 1
                    if value.flagged { sums.values[at + 3] += 1 }
                }
            }
        }
        guard !overflow else { return }
        try connection.execute("DELETE FROM measure_totals")
        let insert = try connection.prepare(
            "INSERT INTO measure_totals VALUES (" + Array(repeating: "?", count: 4 + sums.width).joined(separator: ", ") + ")")
        for (key, slot) in sums.slots {
            try insert.run(
                [.text(levels[key.level].rawValue), key.group.map(SQLiteValue.integer) ?? .null, .integer(key.year), .text(key.template)]
                    + (slot..<slot + sums.width).map { at in decimals[at].map { .text($0.description) } ?? (
                        (at - slot) % 4 == 2 ? .null : .integer(sums.values[at])) })
        }
        try connection.execute("UPDATE measure_state SET totals = changes")
    }

    /// The sums of `request` from `measure_totals`, or nil when the totals
    /// cannot answer it (a bureau or region filter, `--balanced`, leaving
    /// flagged reports out, grouping by bureau, stale totals). A kind filter
    /// is answered from the kind level when grouping by year or kind.
    func sumsFromTotals(_ request: TrendSumRequest, grouping: TrendGrouping) throws -> TrendSumResult? {
        let filter = request.filter
        guard MeasureTotals.levels.contains(grouping), filter.ownScopeOnly, filter.bureau == nil, filter.region == nil,
            filter.kind == nil || grouping == .year || grouping == .kind, !filter.balanced, !request.excludeFlagged,
            try totalsAreFresh()
        else { return nil }
        let level: TrendGrouping = filter.kind == nil ? grouping : .kind
        let table = MeasureTable.standard
        // Per measure: the totals of its numerator column, and of the column that counts (its denominator, or itself).
        var wanted: [(measure: Measure, numerator: String, counted: String)] = []
        for measure in request.measures {
            if table.bit(of: measure) != nil {
                let (numerator, denominator) = table.columns(of: measure)
                wanted.append((measure, String(numerator.dropFirst().dropLast()), String((denominator ?? numerator).dropFirst().dropLast())))
            } else if case .sum(let keys) = measure.formula, keys.count == 1, table.bit(ofKey: keys[0]) != nil {
                wanted.append((measure, keys[0], keys[0]))
            }
        }
        let selected = wanted.flatMap { want in
            ["\(want.numerator).sum", "\(want.numerator).decimals", "\(want.counted).sum", "\(want.counted).decimals",
             "\(want.counted).count", "\(want.counted).flagged"].map { "\"\($0)\"" }
        }
        let names = NameCache(connection)
        var result = TrendSumResult()
        var inexact: Set<String> = []
        for want in wanted { result.sums[want.measure.id] = [] }
        let kind = filter.kind.map { _ in " AND grp = (SELECT id FROM names WHERE name = ?)" } ?? ""
        try connection.prepare(
            "SELECT grp, year, template, reports\(selected.map { ", " + $0 }.joined()) FROM measure_totals WHERE level = ? AND year BETWEEN ? AND ?\(kind)"
        ).forEachRow(
            [.text(level.rawValue), .integer(Int64(filter.from)), .integer(Int64(filter.to))] + (filter.kind.map { [.text($0)] } ?? [])
        ) { row in
            guard let year = row.value(at: 1).int64, let template = row.value(at: 2).string.flatMap(TemplateVersion.init(rawValue:)),
                (row.value(at: 3).int64 ?? 0) > 0
            else { return }
            let name = try Self.groupName(row.value(at: 0), names, constant: grouping == .year)
            result.present.append((name, Int(year), template, Int(row.value(at: 3).int64 ?? 0)))
            for (index, want) in wanted.enumerated() {
                let at = 4 + index * 6
                let reports = Int(row.value(at: at + 4).int64 ?? 0)
                guard reports > 0 else { continue }
                // Integers and decimals, each summed exactly, added exactly.
                func total(_ sum: Int, _ decimals: Int) -> ExactDecimal? {
                    let integers = ExactDecimal(Int(row.value(at: sum).int64 ?? 0))
                    guard let text = row.value(at: decimals).string else { return integers }
                    return ExactDecimal(text).flatMap { integers + $0 }
                }
                guard let numerator = total(at, at + 1), let denominator = total(at + 2, at + 3) else {
                    inexact.insert(want.measure.id)
                    continue
                }
                result.sums[want.measure.id, default: []].append(TrendSum(
                    group: name, year: Int(year), template: template, numerator: numerator,
                    denominator: want.measure.isRate ? denominator : nil, reports: reports, flagged: Int(row.value(at: at + 5).int64 ?? 0)))
            }
        }
        // A sum beyond the exact range is left to the scan (which says so); metrics without a column are read from facts.
        for measure in request.measures where inexact.contains(measure.id) || result.sums[measure.id] == nil {
            var one = request
            one.measures = [measure]
            one.grouping = nil
            result.sums[measure.id] = try trendSums(one).sums[measure.id]
        }
        return result
    }
}
