import NianbaoSQLite

/// Writing and reading cells in schema v5's two tables, and keeping
/// `report_measures` in step with the catalog.
extension Store {
    /// Cells per INSERT statement (5 parameters each, far below SQLite's limit):
    /// a report's 200 facts take two statements, each cached per row count.
    static let cellsPerStatement = 100

    /// The INSERT of `count` facts, by count (0 unused): built once, not per report.
    static let factsInsertSQL: [String] = (0...cellsPerStatement).map { count in
        "INSERT INTO facts (report_id, metric_id, value, status, locator) VALUES "
            + Array(repeating: "(?, ?, ?, ?, ?)", count: count).joined(separator: ", ")
    }

    /// Writes a report's cells: one `facts` row each, a `provenance` row where needed.
    func writeCells(reportID: Int64, _ cells: [(metricID: Int64, cell: StoredCell)]) throws {
        let report = SQLiteValue.integer(reportID)
        for start in stride(from: 0, to: cells.count, by: Self.cellsPerStatement) {
            let part = cells[start..<min(start + Self.cellsPerStatement, cells.count)]
            var arguments: [SQLiteValue] = []
            arguments.reserveCapacity(part.count * 5)
            for (metric, cell) in part {
                arguments += [
                    report, .integer(metric), cell.value.map(SQLiteValue.integer) ?? .null, .integer(cell.status),
                    cell.locator.map(SQLiteValue.integer) ?? .null,
                ]
            }
            try connection.cachedStatement(Self.factsInsertSQL[part.count]).run(arguments)
        }
        let insertProvenance = try connection.cachedStatement(
            "INSERT INTO provenance (report_id, metric_id, raw, decimal, flags, locator) VALUES (?, ?, ?, ?, ?, ?)")
        for (metric, cell) in cells where cell.hasProvenance {
            try insertProvenance.run([
                report, .integer(metric), cell.raw.map(SQLiteValue.text) ?? .null, cell.decimal.map(SQLiteValue.text) ?? .null,
                cell.flags.map(SQLiteValue.text) ?? .null, cell.locatorText.map(SQLiteValue.text) ?? .null,
            ])
        }
    }

    /// Writes a report's row of `report_measures` (identity columns follow from the trigger on `reports`).
    func writeMeasures(
        reportID: Int64, year: Int, template: TemplateVersion, scope: BureauScope,
        facts: MeasureEvaluator.Facts, violations: Set<String>
    ) throws {
        let table = MeasureTable.standard
        try connection.cachedStatement(table.insertSQL).run(
            [.integer(reportID), .integer(Int64(year)), .text(template.rawValue), .integer(scope == .own ? 1 : 0)]
                + table.values(facts, violations: violations))
    }

    /// Metric ids by key, as `metrics` holds them.
    func loadMetricIDs() throws -> [String: Int64] {
        var ids: [String: Int64] = [:]
        for row in try connection.rows("SELECT key, id FROM metrics") {
            if let key = row[0].string, let id = row[1].int64 { ids[key] = id }
        }
        return ids
    }

    /// Copies the facts of a v4 database (`v4_facts`, renamed by migration 5) through ``StoredCell`` and drops them.
    func migrateFactsToV5(metricIDs: [String: Int64]) throws {
        let statement = try connection.prepare(
            "SELECT report_id, metric, value_text, raw, status, flags, locator FROM v4_facts ORDER BY report_id, metric")
        var report: Int64?
        var cells: [(metricID: Int64, cell: StoredCell)] = []
        try statement.forEachRow { row in
            guard let id = row.value(at: 0).int64, let metric = row.value(at: 1).string.flatMap({ metricIDs[$0] }) else { return }
            if id != report, let previous = report {
                try writeCells(reportID: previous, cells)
                cells.removeAll(keepingCapacity: true)
            }
            report = id
            let cell = CellValue(
                value: row.value(at: 2).string.flatMap(ExactDecimal.init), raw: row.value(at: 3).string,
                status: row.value(at: 4).string.flatMap(CellStatus.init(rawValue:)) ?? .invalid,
                flags: row.value(at: 5).string.map { $0.split(separator: ",").map(String.init) } ?? [],
                locator: row.value(at: 6).string)
            cells.append((metric, StoredCell(cell)))
        }
        if let report { try writeCells(reportID: report, cells) }
        try connection.execute("DROP TABLE v4_facts; DROP TABLE v4_metrics")
    }

    /// Whether `report_measures` has the catalog's columns.
    func measureTableIsCurrent() throws -> Bool {
        try connection.rows("PRAGMA table_info(report_measures)").compactMap { $0[1].string } == MeasureTable.standard.columnNames
    }

    /// Creates `report_measures` afresh and fills it from `facts`, when its columns are not the catalog's.
    func ensureMeasureTable() throws {
        guard try !measureTableIsCurrent() else { return }
        try connection.execute(MeasureTable.standard.createSQL)
        try connection.execute(MeasureTotals(table: .standard).createSQL)
        for record in try records(metrics: MeasureTable.standard.keys) {
            try writeMeasures(
                reportID: record.id, year: record.year, template: record.template, scope: record.scope,
                facts: { record.facts[$0] }, violations: record.violations)
        }
        // Fires the identity trigger for every report.
        try connection.execute("UPDATE reports SET canonical_bureau = canonical_bureau")
    }
}
