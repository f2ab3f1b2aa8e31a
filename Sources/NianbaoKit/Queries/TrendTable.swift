/// Trend rows as tables: long (one row per group, year and measure) or wide
/// (years as columns, ascending). Column order is stable and documented in README.
public enum TrendTable {
    /// The long format's columns.
    public static let longColumns: [ResultColumn] = [
        ResultColumn("group", chinese: "分组"), ResultColumn("year", numeric: true, chinese: "年度"),
        ResultColumn("measure", chinese: "指标"), ResultColumn("label", chinese: "名称"),
        ResultColumn("value", numeric: true, chinese: "数值"), ResultColumn("unit", chinese: "单位"),
        ResultColumn("numerator", numeric: true, chinese: "分子"), ResultColumn("denominator", numeric: true, chinese: "分母"),
        ResultColumn("reports", numeric: true, chinese: "报告数"), ResultColumn("yoy_change", numeric: true, chinese: "同比变化"),
        ResultColumn("yoy_pct", numeric: true, chinese: "同比变化率(%)"), ResultColumn("templates", chinese: "模板"),
        ResultColumn("comparable_yoy", chinese: "同比可比"),
        ResultColumn("flagged_reports", numeric: true, chinese: "勾稽不符报告数"),
    ]

    /// One row per group, year and measure.
    /// - Parameter language: `zh` or `en`, for the measure labels.
    public static func long(_ rows: [TrendRow], measures: MeasureCatalog = .standard, language: String = "zh") -> ResultTable {
        ResultTable(
            columns: longColumns,
            rows: rows.map { row in
                let measure = measures.measure(row.measure)
                return [
                    row.group, String(row.year), row.measure, measure?.label(language), row.value?.description,
                    measure?.unit, row.numerator?.description, row.denominator?.description, String(row.reports),
                    row.change?.description, row.changePercent?.description, row.templates,
                    row.comparableWithPrevious.map { $0 ? "yes" : "no" }, String(row.flagged),
                ]
            })
    }

    /// One row per group and measure, the years as columns in ascending order.
    public static func wide(_ rows: [TrendRow], measures: MeasureCatalog = .standard, language: String = "zh") -> ResultTable {
        let years = Array(Set(rows.map(\.year))).sorted()
        var keys: [(group: String, measure: String)] = []
        var values: [String: [Int: String]] = [:]
        for row in rows {
            let key = row.group + "\u{1F}" + row.measure
            if values[key] == nil { keys.append((row.group, row.measure)) }
            values[key, default: [:]][row.year] = row.value?.description
        }
        let columns =
            [
                ResultColumn("group", chinese: "分组"), ResultColumn("measure", chinese: "指标"),
                ResultColumn("label", chinese: "名称"), ResultColumn("unit", chinese: "单位"),
            ] + years.map { ResultColumn(String($0), numeric: true, chinese: "\($0)年") }
        return ResultTable(
            columns: columns,
            rows: keys.map { key in
                let measure = measures.measure(key.measure)
                let byYear = values[key.group + "\u{1F}" + key.measure] ?? [:]
                return [key.group, key.measure, measure?.label(language), measure?.unit] + years.map { byYear[$0] ?? nil }
            })
    }

    /// The measures as a table, for `nianbao trend --list`.
    public static func measureListing(_ catalog: MeasureCatalog = .standard, derivedOnly: Bool = true) -> ResultTable {
        ResultTable(
            columns: ["measure", "label", "english", "unit", "versions", "comparability", "definition"].map { ResultColumn($0) },
            rows: (derivedOnly ? catalog.derived : catalog.measures).map { measure in
                [
                    measure.id, measure.chinese, measure.english, measure.unit,
                    measure.versions.map(\.rawValue).joined(separator: ","), measure.comparability.rawValue,
                    measure.definition,
                ]
            })
    }
}
