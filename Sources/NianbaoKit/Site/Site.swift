import Foundation

/// One self-contained HTML page over the whole database — coverage, the
/// headline trends as charts with their tables, every body's figures, data
/// quality — and the CSV of every table beside it. No script, no network:
/// inline SVG and CSS, readable from `file://` and in any browser.
public struct Site: Sendable {
    public let html: String
    /// The CSV files beside the page: name and text.
    public let files: [(name: String, text: String)]

    /// The measures the page charts and tabulates.
    public static let headline = ["applications", "handled", "disclosure_rate", "penalties", "reviews", "lawsuits"]
    /// Bodies given a section of their own; the CSV holds them all.
    public static let bodySections = 200

    public static func build(store: Store, language: String = "zh", title: String? = nil) throws -> Site {
        let zh = language != "en"
        let measures = headline.compactMap(MeasureCatalog.standard.measure)
        var files: [(String, String)] = []
        var body = ""

        // Coverage: every body against every year.
        let reports = try store.readOnlyQuery(
            """
            SELECT COALESCE(r.canonical_bureau, b.name) AS bureau, r.year AS year, r.template AS template,
                   (SELECT COUNT(*) FROM findings x WHERE x.report_id = r.id AND x.severity = 'error') AS errors,
                   (SELECT COUNT(*) FROM findings x WHERE x.report_id = r.id AND x.severity = 'warning') AS warnings,
                   r.source_path AS source
            FROM reports r JOIN bureaus b ON b.id = r.bureau_id ORDER BY bureau, year
            """)
        files.append(("coverage.csv", HTMLTable.csv(reports)))
        let years = Set(reports.rows.compactMap { $0[1].flatMap(Int.init) })
        let bodies = TrendQuery.sorted(Set(reports.rows.compactMap { $0[0] }))
        body += "<section id=\"coverage\">\n<h2>\(zh ? "覆盖情况" : "Coverage")</h2>\n"
        body += "<p>\(zh ? "每个机关每年是否有报告：✓ 已导入，⚠ 有警告，✗ 有错误，— 缺失。" : "A report per body and year: ✓ imported, ⚠ warnings, ✗ errors, — missing.")</p>\n"
        body += coverageGrid(reports, bodies: bodies, years: years.sorted(), zh: zh)
        body += "<p class=\"files\"><a href=\"coverage.csv\">coverage.csv</a></p>\n</section>\n"

        // Headline trends, every body together, then by body.
        let byYear = try TrendQuery(TrendRequest(measures: measures)).run(on: store)
        let byYearTable = TrendTable.wide(byYear, language: language)
        files.append(("trends-by-year.csv", HTMLTable.csv(TrendTable.long(byYear, language: language))))
        body += "<section id=\"trends\">\n<h2>\(zh ? "主要趋势（各机关合计，不含汇总报告）" : "Headline trends (all bodies, own reports)")</h2>\n"
        body += "<figure>" + SVGChart.render(TrendChart.panels(byYear, measures: measures, top: 8, others: .sum, language: language), language: language) + "</figure>\n"
        body += HTMLTable.render(byYearTable, language: language)
        body += "<p class=\"files\"><a href=\"trends-by-year.csv\">trends-by-year.csv</a></p>\n</section>\n"

        let byBureau = try TrendQuery(TrendRequest(measures: measures, grouping: .bureau)).run(on: store)
        files.append(("trends-by-bureau.csv", HTMLTable.csv(TrendTable.long(byBureau, language: language))))
        body += "<section id=\"bureaus\">\n<h2>\(zh ? "各机关" : "By body")</h2>\n"
        let charted = ["applications", "penalties"].compactMap(MeasureCatalog.standard.measure)
        body += "<figure>" + SVGChart.render(TrendChart.panels(byBureau, measures: charted, top: 8, others: .sum, language: language), language: language) + "</figure>\n"
        let wide = TrendTable.wide(byBureau, language: language)
        let groupColumn = 0
        var shown = 0
        for name in bodies where shown < bodySections {
            let rows = wide.rows.filter { $0[groupColumn] == name }
            guard !rows.isEmpty else { continue }
            shown += 1
            // The heading names the body: its table drops the group column.
            let table = ResultTable(columns: Array(wide.columns.dropFirst()), rows: rows.map { Array($0.dropFirst()) })
            body += "<h3>\(XMLText.escape(name))</h3>\n" + HTMLTable.render(table, language: language)
        }
        if bodies.count > shown {
            body += "<p>\(zh ? "另有 \(bodies.count - shown) 个机关见" : "\(bodies.count - shown) more bodies in") <a href=\"trends-by-bureau.csv\">trends-by-bureau.csv</a>.</p>\n"
        }
        body += "<p class=\"files\"><a href=\"trends-by-bureau.csv\">trends-by-bureau.csv</a></p>\n</section>\n"

        // Data quality.
        var findings = try store.readOnlyQuery(
            """
            SELECT severity, rule, COUNT(*) AS findings, COUNT(DISTINCT report_id) AS reports FROM findings
            GROUP BY severity, rule ORDER BY CASE severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, findings DESC, rule
            """)
        findings.columns = [
            ResultColumn("severity", chinese: "级别"), ResultColumn("rule", chinese: "规则"),
            ResultColumn("findings", numeric: true, chinese: "发现"), ResultColumn("reports", numeric: true, chinese: "报告"),
        ]
        let violations = try store.readOnlyQuery(
            "SELECT COUNT(*) AS cells, COUNT(DISTINCT report_id) AS reports FROM provenance WHERE flags LIKE '%identity_violation%'")
        let all = try store.readOnlyQuery(
            """
            SELECT COALESCE(r.canonical_bureau, b.name) AS bureau, r.year AS year, x.severity AS severity, x.rule AS rule,
                   x.metric AS metric, x.message AS message
            FROM findings x JOIN reports r ON r.id = x.report_id JOIN bureaus b ON b.id = r.bureau_id ORDER BY bureau, year, x.id
            """)
        files.append(("findings.csv", HTMLTable.csv(all)))
        body += "<section id=\"quality\">\n<h2>\(zh ? "数据质量" : "Data quality")</h2>\n"
        let cells = violations.rows.first?[0] ?? "0", inReports = violations.rows.first?[1] ?? "0"
        body += "<p>\(zh ? "勾稽不符的数据项：\(cells) 个，分布在 \(inReports) 份报告中。跨年核对（S1 结转、S2 规范性文件存量）与其他规则的发现如下。" : "Cells in a violated identity: \(cells) in \(inReports) reports. Findings by rule, including the cross-year checks (S1 carry-over, S2 normative stock):")</p>\n"
        body += HTMLTable.render(findings, language: language)
        body += "<p class=\"files\"><a href=\"findings.csv\">findings.csv</a></p>\n</section>\n"

        let heading = title ?? (zh ? "政府信息公开工作年度报告数据" : "Government information disclosure annual reports")
        let summary = zh
            ? "\(reports.rows.count) 份报告，\(bodies.count) 个机关，\(years.min().map(String.init) ?? "—")–\(years.max().map(String.init) ?? "—") 年。"
            : "\(reports.rows.count) reports, \(bodies.count) bodies, \(years.min().map(String.init) ?? "—")–\(years.max().map(String.init) ?? "—")."
        let html = """
            <!DOCTYPE html>
            <html lang="\(zh ? "zh-CN" : "en")">
            <head>
            <meta charset="utf-8"/>
            <meta name="viewport" content="width=device-width, initial-scale=1"/>
            <title>\(XMLText.escape(heading))</title>
            <style>\(style)</style>
            </head>
            <body>
            <h1>\(XMLText.escape(heading))</h1>
            <p class="meta">\(XMLText.escape(summary)) \(zh ? "由 nianbao 生成；每张表旁边都有 CSV 文件。" : "Made by nianbao; every table has its CSV beside the page.")</p>
            <nav><a href="#coverage">\(zh ? "覆盖情况" : "Coverage")</a> · <a href="#trends">\(zh ? "主要趋势" : "Trends")</a> · <a href="#bureaus">\(zh ? "各机关" : "By body")</a> · <a href="#quality">\(zh ? "数据质量" : "Data quality")</a></nav>
            \(body)</body>
            </html>

            """
        return Site(html: html, files: files)
    }

    /// Writes `index.html` and the CSV files into `directory` (created if needed).
    public func write(to directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data(html.utf8).write(to: directory.appendingPathComponent("index.html"), options: .atomic)
        for (name, text) in files {
            try Data(text.utf8).write(to: directory.appendingPathComponent(name), options: .atomic)
        }
    }

    private static func coverageGrid(_ reports: ResultTable, bodies: [String], years: [Int], zh: Bool) -> String {
        var cells: [String: [Int: (errors: Int, warnings: Int)]] = [:]
        for row in reports.rows {
            guard let name = row[0], let year = row[1].flatMap(Int.init) else { continue }
            let errors = row[3].flatMap(Int.init) ?? 0, warnings = row[4].flatMap(Int.init) ?? 0
            let old = cells[name]?[year] ?? (0, 0)
            cells[name, default: [:]][year] = (old.errors + errors, old.warnings + warnings)
        }
        var html = "<table class=\"grid\">\n<thead><tr><th>\(zh ? "机关" : "Body")</th>"
        for year in years { html += "<th>\(year)</th>" }
        html += "</tr></thead>\n<tbody>\n"
        for name in bodies {
            html += "<tr><td>\(XMLText.escape(name))</td>"
            for year in years {
                guard let cell = cells[name]?[year] else {
                    html += "<td class=\"missing\">—</td>"
                    continue
                }
                if cell.errors > 0 {
                    html += "<td class=\"error\">✗ \(cell.errors)</td>"
                } else if cell.warnings > 0 {
                    html += "<td class=\"warning\">⚠ \(cell.warnings)</td>"
                } else {
                    html += "<td class=\"present\">✓</td>"
                }
            }
            html += "</tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }

    private static let style = """
        body { font-family: 'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', sans-serif;
               margin: 2em auto; max-width: 1100px; color: #222; padding: 0 1em; }
        h1 { font-size: 1.6em; } h2 { margin-top: 2em; border-bottom: 1px solid #ccc; } h3 { margin-top: 1.5em; }
        .meta, nav { color: #555; } table { border-collapse: collapse; margin: 0.8em 0; font-size: 0.9em; }
        th, td { border: 1px solid #ddd; padding: 3px 8px; } th { background: #f4f4f4; } td.n { text-align: right; }
        .grid td { text-align: center; } .grid td:first-child { text-align: left; }
        td.present { background: #e8f5e9; } td.warning { background: #fff8e1; } td.error { background: #ffebee; } td.missing { color: #999; }
        figure { margin: 1em 0; } figure svg { max-width: 100%; height: auto; } .files a { font-family: monospace; }
        """
}
