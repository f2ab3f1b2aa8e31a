import NianbaoSQLite

/// The read side of trends: reports with the facts a measure needs.
extension Store {
    /// Every report in the years, with its stored identity and the facts of `metrics`.
    public func reportRecords(metrics: [String], from: Int? = nil, to: Int? = nil) throws(StoreError) -> [ReportRecord] {
        try wrap { try records(metrics: metrics, from: from, to: to) }
    }

    func records(metrics: [String], from: Int? = nil, to: Int? = nil) throws -> [ReportRecord] {
        let ids = try metrics.compactMap { key in try connection.scalar("SELECT id FROM metrics WHERE key = ?", [.text(key)])?.int64 }
        let placeholders = Array(repeating: "?", count: max(ids.count, 1)).joined(separator: ", ")
        let statement = try connection.prepare(
            """
            SELECT r.id, b.name, r.year, r.template, r.scope, r.canonical_bureau, r.province, r.city, r.county, r.kind,
                   m.key, f.value, p.decimal, f.status, instr(COALESCE(p.flags, ''), 'identity_violation') > 0
            FROM reports r JOIN bureaus b ON b.id = r.bureau_id
            LEFT JOIN facts f ON f.report_id = r.id AND f.metric_id IN (\(placeholders))
            LEFT JOIN metrics m ON m.id = f.metric_id
            LEFT JOIN provenance p ON p.report_id = f.report_id AND p.metric_id = f.metric_id
            WHERE r.year BETWEEN ? AND ?
            ORDER BY r.id
            """)
        let arguments = (ids.isEmpty ? [SQLiteValue.null] : ids.map(SQLiteValue.integer))
            + [.integer(Int64(from ?? 0)), .integer(Int64(to ?? 9999))]
        var records: [ReportRecord] = []
        var current: (header: [SQLiteValue], facts: [String: (value: ExactDecimal?, status: CellStatus)], violations: Set<String>)?
        func flush() {
            guard let (header, facts, violations) = current, let id = header[0].int64, let name = header[1].string,
                let year = header[2].int64, let template = header[3].string.flatMap(TemplateVersion.init(rawValue:))
            else { return }
            let identity = BureauIdentity(
                reported: name, canonical: header[5].string ?? name,
                region: BureauRegion(province: header[6].string, city: header[7].string, county: header[8].string, code: nil),
                kind: header[9].string ?? BureauKind.of(name))
            records.append(ReportRecord(
                id: id, bureau: name, year: Int(year), template: template, identity: identity,
                scope: header[4].string.flatMap(BureauScope.init(rawValue:)) ?? .own, facts: facts, violations: violations))
        }
        try statement.forEachRow(arguments) { row in
            let id = row.value(at: 0).int64
            if current?.header[0].int64 != id {
                flush()
                current = ((0..<10).map { row.value(at: $0) }, [:], [])
            }
            guard let metric = row.value(at: 10).string, let code = row.value(at: 13).int64 else { return }
            let cell = StoredCell(
                value: row.value(at: 11).int64, status: code, locator: nil, raw: nil, decimal: row.value(at: 12).string,
                flags: nil, locatorText: nil
            ).cell
            current?.facts[metric] = (cell.value, cell.status)
            if row.value(at: 14).int64 == 1 { current?.violations.insert(metric) }
        }
        flush()
        return records
    }
}
