import Foundation
import NianbaoSQLite

/// Read-side listings behind `reports`, `show`, `metrics` and `export`.
/// The CLI prints them; the SQL lives here with the schema it reads.
extension Store {
    /// One row per report: bureau, year, version, fact count, errors, warnings, source.
    public func reportListing() throws(StoreError) -> ResultTable {
        try table(
            """
            SELECT b.name, r.year, r.template,
                   (SELECT count(*) FROM facts f WHERE f.report_id = r.id),
                   (SELECT count(*) FROM findings x WHERE x.report_id = r.id AND x.severity = 'error'),
                   (SELECT count(*) FROM findings x WHERE x.report_id = r.id AND x.severity = 'warning'),
                   r.source_path
            FROM reports r JOIN bureaus b ON b.id = r.bureau_id
            ORDER BY b.name, r.year
            """,
            columns: [
                ResultColumn("bureau", chinese: "机关"), ResultColumn("year", numeric: true, chinese: "年度"),
                ResultColumn("template", chinese: "模板"), ResultColumn("facts", numeric: true, chinese: "数据项"),
                ResultColumn("errors", numeric: true, chinese: "错误"), ResultColumn("warnings", numeric: true, chinese: "警告"),
                ResultColumn("source", chinese: "来源文件"),
            ])
    }

    /// The id of the report of `bureau` for `year`, if imported.
    public func reportID(bureau: String, year: Int) throws(StoreError) -> Int64? {
        try wrap {
            try connection.scalar(
                "SELECT r.id FROM reports r JOIN bureaus b ON b.id = r.bureau_id WHERE b.name = ? AND r.year = ?",
                [.text(bureau), .integer(Int64(year))])?.int64
        }
    }

    /// Every fact of one report in template order, with its Chinese labels.
    public func factListing(reportID: Int64) throws(StoreError) -> ResultTable {
        try table(
            """
            SELECT f.metric, m.section, coalesce(m.group_label, ''), m.row_label, m.column_label,
                   f.value_text, f.unit, f.status, f.raw
            FROM report_facts f JOIN metrics m ON m.key = f.metric
            WHERE f.report_id = ? ORDER BY m.sort_order
            """,
            [.integer(reportID)],
            columns: [
                ResultColumn("metric", chinese: "指标"), ResultColumn("section", chinese: "部分"),
                ResultColumn("group", chinese: "分组"), ResultColumn("row", chinese: "行"), ResultColumn("column", chinese: "列"),
                ResultColumn("value", numeric: true, chinese: "数值"), ResultColumn("unit", chinese: "单位"),
                ResultColumn("status", chinese: "状态"), ResultColumn("raw", chinese: "原文"),
            ])
    }

    /// The findings of one report, errors first.
    public func findingListing(reportID: Int64) throws(StoreError) -> ResultTable {
        try table(
            """
            SELECT severity, rule, coalesce(metric, ''), message FROM findings WHERE report_id = ?
            ORDER BY CASE severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, id
            """,
            [.integer(reportID)],
            columns: [ResultColumn("severity"), ResultColumn("rule"), ResultColumn("metric"), ResultColumn("message")])
    }

    /// The columns of ``exportFacts(_:)``: the contract's first four, then the rest.
    public static let exportColumns: [ResultColumn] = [
        ResultColumn("bureau", chinese: "机关"), ResultColumn("year", numeric: true, chinese: "年度"),
        ResultColumn("metric", chinese: "指标"), ResultColumn("value", numeric: true, chinese: "数值"),
        ResultColumn("unit", chinese: "单位"), ResultColumn("status", chinese: "状态"), ResultColumn("raw", chinese: "原文"),
        ResultColumn("template", chinese: "模板"), ResultColumn("source", chinese: "来源文件"),
        ResultColumn("flags", chinese: "标记"), ResultColumn("locator", chinese: "位置"),
    ]

    /// Streams every fact, long format, ordered by bureau, year and template order.
    public func exportFacts(_ body: ([String?]) -> Void) throws(StoreError) {
        try wrap {
            let statement = try connection.prepare(
                """
                SELECT reported_bureau, year, metric, value_text, unit, status, raw, template, source, flags, locator
                FROM report_facts ORDER BY reported_bureau, year, sort_order
                """)
            try statement.forEachRow { row in body((0..<11).map { Self.text(row.value(at: $0)) }) }
        }
    }

    /// Row counts of the main tables, for checks that a failed import changed nothing.
    public func rowCounts() throws(StoreError) -> [String: Int] {
        try wrap {
            var counts: [String: Int] = [:]
            for table in ["bureaus", "reports", "facts", "provenance", "findings", "report_measures"] {
                counts[table] = Int(try connection.scalar("SELECT count(*) FROM \(table)")?.int64 ?? 0)
            }
            return counts
        }
    }

    private func table(_ sql: String, _ arguments: [SQLiteValue] = [], columns: [ResultColumn]) throws(StoreError) -> ResultTable {
        try wrap {
            ResultTable(columns: columns, rows: try connection.rows(sql, arguments).map { $0.values.map(Self.text) })
        }
    }

    /// A stored value as output text: integers as integers, text as is, NULL as nil.
    static func text(_ value: SQLiteValue) -> String? {
        switch value {
        case .null: nil
        case .integer(let v): String(v)
        case .real(let v): String(v)
        case .text(let v): v
        case .blob(let bytes): bytes.map { String(format: "%02x", $0) }.joined()
        }
    }
}

