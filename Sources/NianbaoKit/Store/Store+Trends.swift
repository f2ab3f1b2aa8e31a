import NianbaoSQLite

/// The read side of trends: reports with the facts a measure needs.
extension Store {
    /// Every report in the years, with its stored identity and the facts of `metrics`.
    public func reportRecords(metrics: [String], from: Int? = nil, to: Int? = nil) throws(StoreError) -> [ReportRecord] {
        try wrap {
            let placeholders = Array(repeating: "?", count: max(metrics.count, 1)).joined(separator: ", ")
            let statement = try connection.prepare(
                """
                SELECT r.id, b.name, r.year, r.template, r.scope, r.canonical_bureau, r.province, r.city, r.county, r.kind,
                       f.metric, f.value_text, f.status, instr(COALESCE(f.flags, ''), 'identity_violation') > 0
                FROM reports r JOIN bureaus b ON b.id = r.bureau_id
                LEFT JOIN facts f ON f.report_id = r.id AND f.metric IN (\(placeholders))
                WHERE r.year BETWEEN ? AND ?
                ORDER BY r.id
                """)
            let arguments = (metrics.isEmpty ? [SQLiteValue.null] : metrics.map(SQLiteValue.text))
                + [.integer(Int64(from ?? 0)), .integer(Int64(to ?? 9999))]
            var records: [ReportRecord] = []
            var current: (header: [SQLiteValue], facts: [String: (value: ExactDecimal?, status: CellStatus)], violations: Set<String>)?
            func flush() {
                guard let (header, facts, violations) = current, let id = header[0].int64, let name = header[1].string,
                    let year = header[2].int64, let template = header[3].string.flatMap(TemplateVersion.init(rawValue:))
                else { return }
                let identity = BureauIdentity(
                    reported: name, canonical: header[5].string ?? name,
                    region: BureauRegion(
                        province: header[6].string, city: header[7].string, county: header[8].string, code: nil),
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
                if let metric = row.value(at: 10).string, let status = row.value(at: 12).string.flatMap(CellStatus.init(rawValue:)) {
                    current?.facts[metric] = (row.value(at: 11).string.flatMap(ExactDecimal.init), status)
                    if row.value(at: 13).int64 == 1 { current?.violations.insert(metric) }
                }
            }
            flush()
            return records
        }
    }
}
