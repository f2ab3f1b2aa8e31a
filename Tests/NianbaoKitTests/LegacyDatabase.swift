import Foundation
import NianbaoSQLite
@testable import NianbaoKit

/// A database as an older nianbao wrote it: the first `version` migrations
/// only, and reports stored in the layout of schema v1–v4 (text metric keys,
/// `value_text`, `raw`, text status, flags and locator on every fact row).
struct LegacyDatabase {
    let connection: Connection

    init(path: String, version: Int) throws {
        precondition(version <= 4, "schema v5 and later are written by Store")
        connection = try Connection(path: path)
        for migration in Schema.migrations.prefix(version) { try connection.execute(migration) }
        try connection.setUserVersion(version)
        for (order, metric) in MetricCatalog.standard.metrics.enumerated() {
            try connection.run(
                """
                INSERT INTO metrics (key, section, group_label, row_label, column_label, unit, versions, comparability,
                                     identities, optional_in, sort_order) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [
                    .text(metric.key), .text(metric.section.rawValue), metric.group.map(SQLiteValue.text) ?? .null,
                    .text(metric.rowLabel), .text(metric.columnLabel), .text(metric.unit.rawValue),
                    .text(metric.versions.map(\.rawValue).joined(separator: ",")), .text(metric.comparability.rawValue),
                    .text(metric.identities.joined(separator: ",")),
                    .text(metric.optionalIn.map(\.rawValue).joined(separator: ",")), .integer(Int64(order)),
                ])
        }
    }

    /// Stores `parsed` as v4 did (identity columns left NULL: the migration resolves them).
    func insert(_ parsed: ParsedReport) throws {
        let report = parsed.report
        try connection.run("INSERT OR IGNORE INTO bureaus (name) VALUES (?)", [.text(report.bureau)])
        let bureau = try connection.scalar("SELECT id FROM bureaus WHERE name = ?", [.text(report.bureau)]) ?? .null
        try connection.run(
            """
            INSERT INTO reports (bureau_id, year, template, title, published_on, source_path, source_format, encoding,
                                 sha256, parser_version, imported_at, scope)
            VALUES (?, ?, ?, ?, NULL, ?, ?, 'utf-8', ?, 'legacy', '2025-01-01T00:00:00Z', ?)
            """,
            [
                bureau, .integer(Int64(report.year)), .text(report.version.rawValue), .text(report.metadata.title ?? ""),
                .text(parsed.source.path), .text(parsed.source.formatName), .text(parsed.source.sha256),
                .text(report.scope.rawValue),
            ])
        let id = SQLiteValue.integer(connection.lastInsertRowID)
        for (key, cell) in report.cells {
            let number: SQLiteValue =
                cell.value.map { value in value.integerValue.map { .integer(Int64($0)) } ?? .real(value.doubleValue) } ?? .null
            try connection.run(
                "INSERT INTO facts (report_id, metric, value, value_text, raw, status, flags, locator) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    id, .text(key), number, cell.value.map { .text($0.description) } ?? .null, cell.raw.map(SQLiteValue.text) ?? .null,
                    .text(cell.status.rawValue), cell.flags.isEmpty ? .null : .text(cell.flags.joined(separator: ",")),
                    cell.locator.map(SQLiteValue.text) ?? .null,
                ])
        }
        for finding in report.findings {
            try connection.run(
                "INSERT INTO findings (report_id, rule, severity, metric, message) VALUES (?, ?, ?, ?, ?)",
                [id, .text(finding.rule), .text(finding.severity.rawValue), finding.metric.map(SQLiteValue.text) ?? .null, .text(finding.message)])
        }
    }

    /// Every fact as v4 holds it, one line each, in a stable order.
    func factLines() throws -> [String] {
        try connection.rows(
            """
            SELECT b.name, r.year, f.metric, f.value_text, f.raw, f.status, f.flags, f.locator
            FROM facts f JOIN reports r ON r.id = f.report_id JOIN bureaus b ON b.id = r.bureau_id
            ORDER BY b.name, r.year, f.metric
            """
        ).map { row in row.values.map { Store.text($0) ?? "∅" }.joined(separator: "|") }
    }
}
