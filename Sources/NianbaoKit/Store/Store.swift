import Foundation
import NianbaoSQLite

/// The SQLite database of reports, facts and findings: opening and migrating
/// it, and writing reports whole or not at all (architecture.md, "store").
///
/// One `Store` owns one connection and is used from one thread at a time.
public final class Store {
    public let path: String
    let connection: Connection
    /// Metric ids by key (`metrics.id`), read once: every fact is written under one.
    private(set) var metricIDs: [String: Int64] = [:]

    /// Opens the database at `path`, creating and migrating it when writable.
    /// - Parameter readOnly: for commands that only read; a missing file is then an error.
    public init(path: String, readOnly: Bool = false) throws(StoreError) {
        self.path = path
        if readOnly && !FileManager.default.fileExists(atPath: path) { throw .noDatabase(path: path) }
        do {
            connection = try Connection(path: path, mode: readOnly ? .readOnly : .readWrite)
            // Schema v5 declares its foreign keys for readers and tools; the
            // store deletes a report's children itself, and checking every
            // fact's parent on insert was a visible part of storing.
            try connection.execute("PRAGMA foreign_keys = OFF")
            if readOnly {
                let version = try connection.userVersion()
                guard version <= Schema.currentVersion else {
                    throw StoreError.newerSchema(path: path, found: version, supported: Schema.currentVersion)
                }
                metricIDs = version == Schema.currentVersion ? try loadMetricIDs() : [:]
                let current = try version == Schema.currentVersion && measureTableIsCurrent()
                if !current {
                    // An older database is brought up to date once, by a
                    // writing connection; readers then see the current schema.
                    _ = try Store(path: path)
                    metricIDs = try loadMetricIDs()
                }
            } else {
                // WAL lets readers query while an import writes; NORMAL sync is
                // durable across application crashes in WAL mode.
                try connection.execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL")
                try connection.execute("PRAGMA temp_store = MEMORY; PRAGMA cache_size = -65536")
                try migrate()
                metricIDs = try loadMetricIDs()
            }
        } catch {
            throw StoreError(error, path: path)
        }
    }

    /// Applies pending migrations and refreshes the `metrics` dictionary from the catalog.
    private func migrate() throws {
        let version = try connection.userVersion()
        guard version <= Schema.currentVersion else {
            throw StoreError.newerSchema(path: path, found: version, supported: Schema.currentVersion)
        }
        try connection.transaction(.immediate) {
            for migration in Schema.migrations.dropFirst(version) { try connection.execute(migration) }
            try connection.setUserVersion(Schema.currentVersion)
            try refreshMetrics(MetricCatalog.standard)
            if version < 5 { try migrateFactsToV5(metricIDs: try loadMetricIDs()) }
            try ensureMeasureTable()
            try resolveIdentities(onlyMissing: true)
            if version < 4 { try flagDuplicates() }
            try refreshTotals()
        }
    }

    /// Writes every catalog metric into `metrics`, so SQL users see the same dictionary as the code.
    private func refreshMetrics(_ catalog: MetricCatalog) throws {
        let upsert = """
            INSERT INTO metrics (key, section, group_label, row_label, column_label, unit, versions,
                                 comparability, identities, optional_in, sort_order)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (key) DO UPDATE SET section = excluded.section, group_label = excluded.group_label,
                row_label = excluded.row_label, column_label = excluded.column_label, unit = excluded.unit,
                versions = excluded.versions, comparability = excluded.comparability,
                identities = excluded.identities, optional_in = excluded.optional_in,
                sort_order = excluded.sort_order
            """
        for (order, metric) in catalog.metrics.enumerated() {
            try connection.run(upsert, [
                .text(metric.key), .text(metric.section.rawValue), metric.group.map(SQLiteValue.text) ?? .null,
                .text(metric.rowLabel), .text(metric.columnLabel), .text(metric.unit.rawValue),
                .text(metric.versions.map(\.rawValue).joined(separator: ",")), .text(metric.comparability.rawValue),
                .text(metric.identities.joined(separator: ",")),
                .text(metric.optionalIn.map(\.rawValue).joined(separator: ",")), .integer(Int64(order)),
            ])
        }
    }

    // MARK: - Writing

    /// The id and source of the report imported from a file with this hash, if any.
    public func report(sha256: String) throws(StoreError) -> (id: Int64, bureau: String, year: Int)? {
        try wrap {
            try connection.rows(
                "SELECT r.id, b.name, r.year FROM reports r JOIN bureaus b ON b.id = r.bureau_id WHERE r.sha256 = ?",
                [.text(sha256)]
            ).first.map { ($0[0].int64 ?? 0, $0[1].string ?? "", Int($0[2].int64 ?? 0)) }
        }
    }

    /// Stores a report whole: its row, every fact and every finding, in one
    /// transaction (or one savepoint inside a caller's transaction), or nothing.
    /// - Parameters:
    ///   - replace: replace an existing report for the same bureau and year.
    ///   - aliases: the alias table naming the canonical bureau (bundled plus `--aliases`).
    ///   - savepoint: inside a caller's transaction, whether to isolate the
    ///     report in a savepoint. Without one, a failure leaves part of the
    ///     report written: the caller must then roll back its whole transaction.
    public func save(
        _ parsed: ParsedReport, replace: Bool, aliases: BureauAliasTable = .bundled, importedAt: Date = Date(),
        savepoint: Bool = true
    ) throws(StoreError) -> SaveOutcome {
        try wrap {
            let body = { () throws -> SaveOutcome in
                try self.insert(parsed, replace: replace, aliases: aliases, importedAt: importedAt)
            }
            guard connection.isInsideTransaction else { return try connection.transaction(.immediate, body) }
            return try savepoint ? connection.savepoint("report", body) : body()
        }
    }

    private func insert(
        _ parsed: ParsedReport, replace: Bool, aliases: BureauAliasTable, importedAt: Date
    ) throws -> SaveOutcome {
        let report = parsed.report
        // One report per canonical body, year and scope: a conflict is found
        // before anything is written, so it never needs a rollback.
        // The canonical name alone (region and kind come later, in storeIdentity).
        let canonical = aliases.canonical(report.bureau, year: report.year)
        var replaced = try collisions(bureau: report.bureau, canonical: canonical, year: report.year, scope: report.scope)
        if let first = replaced.first, !replace {
            throw StoreError.conflict(bureau: report.bureau, year: report.year, existing: first)
        }
        if replace {
            // The same file imported before under other overrides (a wrong --year) is replaced too.
            let sameFile = try connection.rows(
                "SELECT \(Self.storedReportColumns) FROM reports r JOIN bureaus b ON b.id = r.bureau_id WHERE r.sha256 = ?",
                [.text(parsed.source.sha256)]
            ).map(Self.storedReport)
            replaced += sameFile.filter { file in !replaced.contains { $0.id == file.id } }
        }
        for old in replaced { try delete(old, action: "replaced", replacedBy: parsed.source.path, at: importedAt) }
        let previous = replaced.first?.sourcePath
        var bureauID = try connection.scalar("SELECT id FROM bureaus WHERE name = ?", [.text(report.bureau)])?.int64
        if bureauID == nil {
            try connection.run("INSERT INTO bureaus (name) VALUES (?)", [.text(report.bureau)])
            bureauID = connection.lastInsertRowID
        }
        guard let bureauID else { throw StoreError.sqlite(path: path, SQLiteError(resultCode: 1, message: "no bureau id")) }
        try connection.run(
            """
            INSERT INTO reports (bureau_id, year, template, title, published_on, source_path, source_format,
                                 encoding, sha256, parser_version, imported_at, scope)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                .integer(bureauID), .integer(Int64(report.year)), .text(report.version.rawValue),
                report.metadata.title.map(SQLiteValue.text) ?? .null,
                report.metadata.publishedOn.map(SQLiteValue.text) ?? .null,
                .text(parsed.source.path), .text(parsed.source.formatName),
                parsed.source.encoding.map { .text($0.rawValue) } ?? .null, .text(parsed.source.sha256),
                .text(Nianbao.parserVersion), .text(Self.timestamp(importedAt)), .text(report.scope.rawValue),
            ])
        let reportID = connection.lastInsertRowID
        // Cells in template order, so a report's facts are one run of the table.
        var cells: [(metricID: Int64, cell: StoredCell)] = []
        cells.reserveCapacity(report.cells.count)
        var violations: Set<String> = []
        for (key, cell) in report.cells {
            guard let metric = metricIDs[key] else { throw StoreError.unknownMetric(path: path, key: key) }
            cells.append((metric, StoredCell(cell)))
            if !cell.flags.isEmpty && cell.flags.contains("identity_violation") { violations.insert(key) }
        }
        cells.sort { $0.metricID < $1.metricID }
        try writeMeasures(
            reportID: reportID, year: report.year, template: report.version, scope: report.scope,
            facts: { report.cells[$0].map { ($0.value, $0.status) } }, violations: violations)
        try storeIdentity(reportID: reportID, bureau: report.bureau, year: report.year, aliases: aliases)
        try writeCells(reportID: reportID, cells)
        let insertFinding = try connection.cachedStatement(
            "INSERT INTO findings (report_id, rule, severity, metric, message) VALUES (?, ?, ?, ?, ?)")
        for finding in report.findings {
            try insertFinding.run([
                .integer(reportID), .text(finding.rule), .text(finding.severity.rawValue),
                finding.metric.map(SQLiteValue.text) ?? .null, .text(finding.message),
            ])
        }
        let crossYear = try crossYearFindings(reportID: reportID)
        for finding in crossYear {
            try insertFinding.run([
                .integer(reportID), .text(finding.rule), .text(finding.severity.rawValue),
                finding.metric.map(SQLiteValue.text) ?? .null, .text(finding.message),
            ])
        }
        return SaveOutcome(reportID: reportID, replacedSource: previous, crossYearFindings: crossYear)
    }

    /// Runs `body` in one write transaction, whose commit its saves share;
    /// saves inside it use a savepoint each unless told not to.
    public func inTransaction(_ body: () throws -> Void) throws(StoreError) {
        try wrap { try connection.transaction(.immediate, body) }
    }

    /// Moves the write-ahead log into the database file, so its size is the database's.
    public func checkpoint() throws(StoreError) {
        try wrap { try connection.execute("PRAGMA wal_checkpoint(TRUNCATE)") }
    }

    /// Every imported file's hash, to skip parsing files already in.
    public func allSHA256() throws(StoreError) -> Set<String> {
        try wrap { Set(try connection.rows("SELECT sha256 FROM reports").compactMap { $0[0].string }) }
    }

    /// Runs `body`, turning SQLite errors into ``StoreError``.
    func wrap<T>(_ body: () throws -> T) throws(StoreError) -> T {
        do {
            return try body()
        } catch {
            throw StoreError(error, path: path)
        }
    }

    /// ISO 8601 in UTC, to the second.
    /// Formatted by hand: an `ISO8601DateFormatter` per report was a visible
    /// part of the cost of storing.
    static func timestamp(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02dZ", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday),
            Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec))
    }
}
