import NianbaoSQLite

extension Store {
    /// Which reports a trend counts, as SQL over `reports r` joined with
    /// `bureaus b`: years, the bureau, region and kind filters, scope, and
    /// `--balanced`. The sums, the group-years present and the bodies per
    /// year all use it, so they always count the same reports.
    struct TrendFilter {
        var from = 0
        var to = 9999
        /// Text the canonical or printed name contains.
        var bureau: String?
        /// Canonical bodies one of whose aliases contains `bureau` (`应急局` finds 山亭区应急管理局 through 山亭区应急局).
        var bureauByAlias: [String] = []
        var region: String?
        var kind: String?
        var ownScopeOnly = false
        /// Only bodies with a report in every year of the range that holds any report.
        var balanced = false

        /// Whether the clause reads `bureaus b`.
        var needsBureaus: Bool { bureau != nil }

        /// ` AND …` conditions and their arguments, after a `WHERE` on `r.year BETWEEN ? AND ?`.
        func clause() -> (sql: String, arguments: [SQLiteValue]) {
            var sql = "r.year BETWEEN ? AND ?"
            var arguments: [SQLiteValue] = [.integer(Int64(from)), .integer(Int64(to))]
            if let bureau {
                let aliases = bureauByAlias.isEmpty ? "" : " OR r.canonical_bureau IN (\(Self.list(bureauByAlias.count)))"
                sql += " AND (instr(COALESCE(r.canonical_bureau, b.name), ?) > 0 OR instr(b.name, ?) > 0\(aliases))"
                arguments += [.text(bureau), .text(bureau)] + bureauByAlias.map(SQLiteValue.text)
            }
            if let region {
                sql += " AND (instr(r.province, ?) > 0 OR instr(r.city, ?) > 0 OR instr(r.county, ?) > 0)"
                arguments += [.text(region), .text(region), .text(region)]
            }
            if let kind {
                sql += " AND r.kind = ?"
                arguments.append(.text(kind))
            }
            let scope = ownScopeOnly ? " AND scope = 'own'" : ""
            if ownScopeOnly { sql += " AND r.scope = 'own'" }
            if balanced {
                sql += """
                     AND r.canonical_bureau IN (
                        SELECT canonical_bureau FROM reports WHERE year BETWEEN ? AND ?\(scope) GROUP BY canonical_bureau
                        HAVING COUNT(DISTINCT year) = (SELECT COUNT(DISTINCT year) FROM reports WHERE year BETWEEN ? AND ?\(scope)))
                    """
                arguments += [.integer(Int64(from)), .integer(Int64(to)), .integer(Int64(from)), .integer(Int64(to))]
            }
            return (sql, arguments)
        }

        static func list(_ count: Int) -> String { Array(repeating: "?", count: count).joined(separator: ", ") }
    }

    /// The group-years that hold a report passing `filter`, per template:
    /// a group-year whose measure is NULL keeps its row.
    func presentGroupYears(group: String, filter: TrendFilter) throws(StoreError) -> [(group: String, year: Int, template: TemplateVersion)] {
        let (clause, arguments) = filter.clause()
        let join = group.contains("b.") || filter.needsBureaus ? "JOIN bureaus b ON b.id = r.bureau_id" : ""
        return try wrap {
            try connection.rows(
                "SELECT DISTINCT \(group), r.year, r.template FROM reports r \(join) WHERE \(clause)", arguments
            ).compactMap { row in
                guard let name = row[0].string, let year = row[1].int64,
                    let template = row[2].string.flatMap(TemplateVersion.init(rawValue:))
                else { return nil }
                return (name, Int(year), template)
            }
        }
    }

    /// The canonical bodies with a report passing `filter`, per year.
    func bodiesPerYear(filter: TrendFilter) throws(StoreError) -> [Int: Set<String>] {
        let (clause, arguments) = filter.clause()
        let join = filter.needsBureaus ? "JOIN bureaus b ON b.id = r.bureau_id" : ""
        return try wrap {
            var bodies: [Int: Set<String>] = [:]
            try connection.prepare("SELECT DISTINCT r.year, r.canonical_bureau FROM reports r \(join) WHERE \(clause)")
                .forEachRow(arguments) { row in
                    guard let year = row.value(at: 0).int64, let body = row.value(at: 1).string else { return }
                    bodies[Int(year), default: []].insert(body)
                }
            return bodies
        }
    }
}
