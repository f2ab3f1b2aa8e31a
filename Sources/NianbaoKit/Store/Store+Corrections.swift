import Foundation
import NianbaoSQLite

/// One report per body and year, and the corrections that keep it so:
/// finding the reports a new one collides with, removing reports with a
/// record in `history`, and flagging the duplicates an older database holds.
extension Store {
    static let storedReportColumns = """
        r.id, b.name, COALESCE(r.canonical_bureau, b.name), r.year, r.source_path, r.sha256,
        (SELECT COUNT(*) FROM facts f WHERE f.report_id = r.id), r.scope
        """

    static func storedReport(_ row: Row) -> StoredReport {
        StoredReport(
            id: row[0].int64 ?? 0, bureau: row[1].string ?? "", canonicalBureau: row[2].string ?? "",
            year: Int(row[3].int64 ?? 0), scope: row[7].string.flatMap(BureauScope.init(rawValue:)) ?? .own,
            sourcePath: row[4].string ?? "", sha256: row[5].string ?? "", facts: Int(row[6].int64 ?? 0))
    }

    /// The reports a new report of `identity` for `year` and `scope` would
    /// duplicate: the same canonical body, year and scope, or the same printed name and year.
    func collisions(bureau: String, canonical: String, year: Int, scope: BureauScope) throws -> [StoredReport] {
        // Two indexed lookups, not one OR: SQLite answered the OR by reading
        // every report of the year, which made each import O(reports stored).
        try connection.rows(
            """
            SELECT \(Self.storedReportColumns) FROM reports r JOIN bureaus b ON b.id = r.bureau_id
            WHERE r.id IN (SELECT id FROM reports WHERE canonical_bureau = ? AND year = ? AND scope = ?
                           UNION SELECT id FROM reports WHERE bureau_id = (SELECT id FROM bureaus WHERE name = ?) AND year = ?)
            ORDER BY r.id
            """, [.text(canonical), .integer(Int64(year)), .text(scope.rawValue), .text(bureau), .integer(Int64(year))]
        ).map(Self.storedReport)
    }

    /// Deletes a report (its facts and findings go with it) and records it in `history`.
    func delete(_ report: StoredReport, action: String, replacedBy: String?, at date: Date) throws {
        try connection.run(
            """
            INSERT INTO history (at, action, bureau, canonical_bureau, year, source_path, sha256, facts, replaced_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                .text(Self.timestamp(date)), .text(action), .text(report.bureau), .text(report.canonicalBureau),
                .integer(Int64(report.year)), .text(report.sourcePath), .text(report.sha256), .integer(Int64(report.facts)),
                replacedBy.map(SQLiteValue.text) ?? .null,
            ])
        for table in ["facts", "provenance", "findings", "report_measures"] {
            try connection.run("DELETE FROM \(table) WHERE report_id = ?", [.integer(report.id)])
        }
        try connection.run("DELETE FROM reports WHERE id = ?", [.integer(report.id)])
        try connection.run("DELETE FROM bureaus WHERE id NOT IN (SELECT bureau_id FROM reports)")
    }

    /// The reports of `bureau` (canonical name, printed name, or an alias of
    /// either) for `year`.
    public func reports(matching bureau: String, year: Int, aliases: BureauAliasTable = .bundled) throws(StoreError) -> [StoredReport] {
        let canonical = aliases.canonical(bureau, year: year)
        return try wrap {
            try connection.rows(
                """
                SELECT \(Self.storedReportColumns) FROM reports r JOIN bureaus b ON b.id = r.bureau_id
                WHERE r.id IN (SELECT id FROM reports WHERE canonical_bureau IN (?, ?) AND year = ?
                               UNION SELECT id FROM reports WHERE bureau_id = (SELECT id FROM bureaus WHERE name = ?) AND year = ?)
                ORDER BY r.id
                """, [.text(bureau), .text(canonical), .integer(Int64(year)), .text(bureau), .integer(Int64(year))]
            ).map(Self.storedReport)
        }
    }

    /// Removes `reports` in one transaction, each recorded in `history` as `removed`.
    public func remove(_ reports: [StoredReport], at date: Date = Date()) throws(StoreError) {
        try wrap {
            try connection.transaction(.immediate) {
                for report in reports { try delete(report, action: "removed", replacedBy: nil, at: date) }
                try flagDuplicates()
                try refreshTotals()
            }
        }
    }

    /// Groups of reports that share a canonical body, year and scope: each is
    /// counted in every trend, so they are shown to the user, never deleted silently.
    public func duplicateGroups() throws(StoreError) -> [[StoredReport]] {
        try wrap {
            let rows = try connection.rows(
                """
                SELECT \(Self.storedReportColumns) FROM reports r JOIN bureaus b ON b.id = r.bureau_id
                JOIN (SELECT canonical_bureau, year, scope FROM reports GROUP BY canonical_bureau, year, scope HAVING COUNT(*) > 1) d
                  ON d.canonical_bureau = r.canonical_bureau AND d.year = r.year AND d.scope = r.scope
                ORDER BY r.canonical_bureau, r.year, r.scope, r.id
                """)
            var groups: [[StoredReport]] = []
            for report in rows.map(Self.storedReport) {
                if let last = groups.last?.last, last.canonicalBureau == report.canonicalBureau, last.year == report.year,
                    last.scope == report.scope
                {
                    groups[groups.count - 1].append(report)
                } else {
                    groups.append([report])
                }
            }
            return groups
        }
    }

    /// Gives every report of a duplicate group a `duplicate_report` warning
    /// naming the others (and takes it off reports no longer duplicated).
    func flagDuplicates() throws {
        try connection.run("DELETE FROM findings WHERE rule = 'duplicate_report'")
        for group in try duplicateGroups() {
            for report in group {
                let others = group.filter { $0.id != report.id }.map(\.description).joined(separator: "; ")
                try connection.run(
                    "INSERT INTO findings (report_id, rule, severity, metric, message) VALUES (?, 'duplicate_report', 'warning', NULL, ?)",
                    [
                        .integer(report.id),
                        .text("the same body and year is also stored as \(others): trends count it \(group.count) times; keep one with `nianbao remove`"),
                    ])
            }
        }
    }
}
