import NianbaoSQLite

extension Store {
    /// Which reports a trend counts, as SQL over `report_measures m`: years,
    /// the bureau, region and kind filters, scope, and `--balanced`. The
    /// sums, the group-years present and the bodies per year all use it, so
    /// they always count the same reports.
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

        /// Conditions on `m` for a `WHERE`, and their arguments.
        func clause() -> (sql: String, arguments: [SQLiteValue]) {
            var sql = "m.year BETWEEN ? AND ?"
            var arguments: [SQLiteValue] = [.integer(Int64(from)), .integer(Int64(to))]
            let containing = "(SELECT id FROM names WHERE instr(name, ?) > 0)"
            if let bureau {
                // The reports found through the body's index and the printed name's, not a test of every row.
                let aliases = bureauByAlias.isEmpty ? "" : " OR name IN (\(Self.list(bureauByAlias.count)))"
                sql += """
                     AND m.report_id IN (
                        SELECT report_id FROM report_measures WHERE body IN (SELECT id FROM names WHERE instr(name, ?) > 0\(aliases))
                        UNION SELECT id FROM reports WHERE bureau_id IN (SELECT id FROM bureaus WHERE instr(name, ?) > 0))
                    """
                arguments += [.text(bureau)] + bureauByAlias.map(SQLiteValue.text) + [.text(bureau)]
            }
            if let region {
                sql += " AND (m.province IN \(containing) OR m.city IN \(containing) OR m.county IN \(containing))"
                arguments += [.text(region), .text(region), .text(region)]
            }
            if let kind {
                sql += " AND m.kind = (SELECT id FROM names WHERE name = ?)"
                arguments.append(.text(kind))
            }
            let own = ownScopeOnly ? " AND own = 1" : ""
            if ownScopeOnly { sql += " AND m.own = 1" }
            if balanced {
                sql += """
                     AND m.body IN (
                        SELECT body FROM report_measures WHERE year BETWEEN ? AND ?\(own) GROUP BY body
                        HAVING COUNT(DISTINCT year) = (SELECT COUNT(DISTINCT year) FROM report_measures WHERE year BETWEEN ? AND ?\(own)))
                    """
                arguments += [.integer(Int64(from)), .integer(Int64(to)), .integer(Int64(from)), .integer(Int64(to))]
            }
            return (sql, arguments)
        }

        static func list(_ count: Int) -> String { Array(repeating: "?", count: count).joined(separator: ", ") }
    }

    /// The name of a group column's value: nil groups (no city, no county) are 未知地区.
    static func groupName(_ value: SQLiteValue, _ names: NameCache, constant: Bool) throws -> String {
        if constant { return "全部" }
        return try value.int64.flatMap(names.name) ?? "未知地区"
    }

    /// The group-years that hold a report passing `filter`, per template:
    /// a group-year whose measure is NULL keeps its row.
    /// - Parameter group: SQL over `m` giving a `names` id; nil for one group of everything.
    func presentGroupYears(group: String?, filter: TrendFilter) throws(StoreError) -> [(group: String, year: Int, template: TemplateVersion)] {
        try wrap { try trendSums(TrendSumRequest(measures: [], group: group, filter: filter)).present.map { ($0.group, $0.year, $0.template) } }
    }

    /// The canonical bodies with a report passing `filter`, per year.
    func bodiesPerYear(filter: TrendFilter) throws(StoreError) -> [Int: Set<String>] {
        let (clause, arguments) = filter.clause()
        return try wrap {
            let names = NameCache(connection)
            var bodies: [Int: Set<String>] = [:]
            try connection.prepare("SELECT DISTINCT m.year, m.body FROM report_measures m WHERE \(clause)")
                .forEachRow(arguments) { row in
                    guard let year = row.value(at: 0).int64, let body = try row.value(at: 1).int64.flatMap(names.name) else { return }
                    bodies[Int(year), default: []].insert(body)
                }
            return bodies
        }
    }
}
