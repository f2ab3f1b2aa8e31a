/// The catalog as a table, for `nianbao metrics` and the docs.
extension MetricCatalog {
    public var listing: ResultTable {
        ResultTable(
            columns: ["key", "section", "group", "row", "column", "unit", "versions", "comparability", "identities"]
                .map { ResultColumn($0) },
            rows: metrics.map { metric in
                [
                    metric.key, metric.section.rawValue, metric.group ?? "", metric.rowLabel, metric.columnLabel,
                    metric.unit.rawValue, metric.versions.map(\.rawValue).joined(separator: ","),
                    metric.comparability.rawValue, metric.identities.joined(separator: ","),
                ]
            })
    }
}
