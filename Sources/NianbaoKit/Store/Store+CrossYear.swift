import NianbaoSQLite

/// The cross-year checks run when a report is stored (report-format.md §7):
/// S1 carry-over, S2 normative-document stock-flow, and identical tables in
/// consecutive years. They compare the new report with the same canonical
/// bureau's reports of the year before and after; the findings are warnings
/// on the new report, naming both years.
extension Store {
    func crossYearFindings(reportID newReport: Int64) throws -> [Finding] {
        guard let row = try connection.rows(
            "SELECT canonical_bureau, year, template FROM reports WHERE id = ?", [.integer(newReport)]).first,
            let bureau = row[0].string, let year = row[1].int64
        else { return [] }
        var findings: [Finding] = []
        for (earlier, later) in [(year - 1, year), (year, year + 1)] {
            guard let previous = try canonicalReportID(canonical: bureau, year: earlier),
                let current = try canonicalReportID(canonical: bureau, year: later)
            else { continue }
            let carriedOut = try value(previous, "carried_out.total")
            let carriedIn = try value(current, "requests.carried_in.total")
            if let carriedOut, let carriedIn, carriedOut != carriedIn {
                findings.append(Finding(
                    rule: "S1", severity: .warning, metric: "requests.carried_in.total",
                    message: "S1 \(bureau): \(later) carries in \(carriedIn) applications but \(earlier) carried forward \(carriedOut)"))
            }
            if let stock = try stockFlow(previous: previous, current: current) {
                findings.append(Finding(
                    rule: "S2", severity: .warning, metric: "proactive.normative_doc.in_force",
                    message: "S2 \(bureau): 行政规范性文件 in force \(later) is \(stock.actual), but \(earlier)'s \(stock.before) + issued \(stock.issued) − repealed \(stock.repealed) = \(stock.expected)"))
            }
            if try identicalTables(previous, current) {
                findings.append(Finding(
                    rule: "identical_tables", severity: .warning,
                    message: "\(bureau): sections 三 and 四 of \(earlier) and \(later) hold exactly the same numbers (copy-paste?)"))
            }
        }
        return findings
    }

    private func canonicalReportID(canonical: String, year: Int64) throws -> Int64? {
        try connection.scalar(
            "SELECT id FROM reports WHERE canonical_bureau = ? AND year = ?", [.text(canonical), .integer(year)])?.int64
    }

    private func value(_ report: Int64, _ metric: String) throws -> Int64? {
        try connection.scalar(
            "SELECT value FROM facts WHERE report_id = ? AND metric_id = ? AND status IN (0, 3)",
            [.integer(report), .integer(metricIDs[metric] ?? -1)])?.int64
    }

    /// S2 for V2021 reports: in_force(Y) = in_force(Y−1) + issued(Y) − repealed(Y).
    private func stockFlow(previous: Int64, current: Int64) throws
        -> (before: Int64, issued: Int64, repealed: Int64, expected: Int64, actual: Int64)?
    {
        let templates = try connection.rows(
            "SELECT template FROM reports WHERE id IN (?, ?)", [.integer(previous), .integer(current)]).compactMap { $0[0].string }
        guard templates == ["V2021", "V2021"],
            let before = try value(previous, "proactive.normative_doc.in_force"),
            let issued = try value(current, "proactive.normative_doc.issued"),
            let repealed = try value(current, "proactive.normative_doc.repealed"),
            let actual = try value(current, "proactive.normative_doc.in_force")
        else { return nil }
        let expected = before + issued - repealed
        return expected == actual ? nil : (before, issued, repealed, expected, actual)
    }

    /// Whether sections 三 and 四 of two reports hold the same numbers, not all zero.
    private func identicalTables(_ a: Int64, _ b: Int64) throws -> Bool {
        // Most pairs differ already in a few totals: check those before every cell.
        let differing = try connection.scalar(
            """
            SELECT COUNT(*) FROM facts x JOIN facts y ON y.report_id = ? AND y.metric_id = x.metric_id
            WHERE x.report_id = ? AND x.metric_id IN (?, ?, ?, ?) AND x.value IS NOT y.value
            """,
            [.integer(b), .integer(a)] + ["requests.new.total", "outcome.total.total", "review.total", "carried_out.total"]
                .map { .integer(metricIDs[$0] ?? -1) })?.int64 ?? 0
        guard differing == 0 else { return false }
        let row = try connection.rows(
            """
            SELECT COUNT(*), SUM(x.value IS NOT y.value), SUM(x.value)
            FROM facts x JOIN facts y ON y.report_id = ? AND y.metric_id = x.metric_id
            JOIN metrics m ON m.id = x.metric_id AND m.section IN ('三', '四')
            WHERE x.report_id = ?
            """, [.integer(b), .integer(a)]).first
        guard let row, let cells = row[0].int64, cells > 0 else { return false }
        return row[1].int64 == 0 && (row[2].int64 ?? row[2].double.map(Int64.init) ?? 0) > 0
    }
}
