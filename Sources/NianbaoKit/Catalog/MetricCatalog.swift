/// Every cell of every template version, with its canonical key, labels, unit,
/// versions, comparability and identities: the single source of truth that the
/// extractor, the validator, the `metrics` table, `nianbao metrics` and the docs
/// read (architecture.md, "One catalog").
///
/// A new template version is new data in `CatalogData`, not new branches here.
public struct MetricCatalog: Sendable {
    /// The catalog of the national templates.
    public static let standard = MetricCatalog()

    /// Every metric, in section and template order.
    public let metrics: [Metric]
    /// Section 二 rows, each with its columns per version.
    public let proactiveRows: [RowSpec]
    /// Section 三 rows in template order (including optional subtotal rows).
    public let requestRows: [RowSpec]
    /// Section 三 applicant columns.
    public let applicantColumns: [ColumnSpec]
    /// Section 四 blocks (复议, 直接起诉, 复议后起诉), each with `resultColumns`.
    public let appealBlocks: [RowSpec]
    /// Section 四 result columns.
    public let resultColumns: [ColumnSpec]
    private let index: [String: Int]
    private let identitiesByVersion: [TemplateVersion: [Identity]]
    /// Every spelling of every row label of sections 二 and 三.
    public let rowLabels: [String]
    /// The fifteen section-四 keys in printed order.
    public let appealKeys: [String]
    // Per version, worked out once: every report asks for them.
    private let requiredByVersion: [TemplateVersion: [Metric]]
    private let requestRowsByVersion: [TemplateVersion: [RowSpec]]
    private let proactiveRowsByVersion: [TemplateVersion: [RowSpec]]

    private init() {
        proactiveRows = CatalogData.proactiveRows
        requestRows = CatalogData.requestRows
        applicantColumns = CatalogData.applicantColumns
        appealBlocks = CatalogData.appealBlocks
        resultColumns = CatalogData.resultColumns

        var identities: [TemplateVersion: [Identity]] = [:]
        for version in TemplateVersion.allCases {
            identities[version] = Self.makeIdentities(
                version: version, requestRows: requestRows, columns: applicantColumns,
                appealBlocks: appealBlocks, resultColumns: resultColumns)
        }
        identitiesByVersion = identities
        var rulesByKey: [String: Set<String>] = [:]
        for identity in identities.values.joined() {
            for key in identity.keys { rulesByKey[key, default: []].insert(identity.rule) }
        }

        var metrics: [Metric] = []
        for row in proactiveRows {
            var columns: [(ColumnSpec, [TemplateVersion])] = []
            for version in TemplateVersion.allCases.reversed() {
                for column in row.columnsByVersion[version] ?? [] {
                    if let at = columns.firstIndex(where: { $0.0.key == column.key }) {
                        columns[at].1.append(version)
                    } else {
                        columns.append((column, [version]))
                    }
                }
            }
            for (column, versions) in columns {
                let key = row.key + "." + column.key
                metrics.append(Self.metric(
                    key: key, section: .proactive, row: row, column: column,
                    versions: versions.sorted(),
                    approximate: row.columnsByVersion.values.joined().contains { $0.key == column.key && $0.isApproximate },
                    rules: rulesByKey[key]))
            }
        }
        // Sections 三 and 四: every row crossed with the section's shared columns.
        let grids: [(ReportSection, [RowSpec], [ColumnSpec])] = [
            (.requests, requestRows, applicantColumns), (.appeals, appealBlocks, resultColumns),
        ]
        for (section, rows, columns) in grids {
            for row in rows {
                for column in columns {
                    let key = row.key + "." + column.key
                    metrics.append(Self.metric(
                        key: key, section: section, row: row, column: column,
                        versions: row.versions.sorted(), approximate: false, rules: rulesByKey[key]))
                }
            }
        }
        self.metrics = metrics
        index = Dictionary(uniqueKeysWithValues: metrics.enumerated().map { ($1.key, $0) })
        let (proactive, requests, results) = (CatalogData.proactiveRows, CatalogData.requestRows, CatalogData.resultColumns)
        rowLabels = (proactive + requests).flatMap(\.labels.all)
        appealKeys = CatalogData.appealBlocks.flatMap { block in results.map { block.key + "." + $0.key } }
        let versions = TemplateVersion.allCases
        requiredByVersion = Dictionary(uniqueKeysWithValues: versions.map { version in
            (version, metrics.filter { $0.versions.contains(version) && !$0.optionalIn.contains(version) })
        })
        requestRowsByVersion = Dictionary(uniqueKeysWithValues: versions.map { version in
            (version, requests.filter { $0.exists(in: version) })
        })
        proactiveRowsByVersion = Dictionary(uniqueKeysWithValues: versions.map { version in
            (version, proactive.filter { $0.exists(in: version) })
        })
    }

    /// The metric with canonical key `key`.
    public func metric(_ key: String) -> Metric? { index[key].map { metrics[$0] } }

    /// The position of `key` in catalog order, for sorting facts as the template prints them.
    public func order(of key: String) -> Int { index[key] ?? Int.max }

    /// The cells every report of `version` prints (optional rows left out).
    public func requiredMetrics(for version: TemplateVersion) -> [Metric] { requiredByVersion[version] ?? [] }

    /// The section-三 rows of `version`, in template order.
    public func requestRows(for version: TemplateVersion) -> [RowSpec] { requestRowsByVersion[version] ?? [] }

    /// The section-二 rows of `version`, in template order.
    public func proactiveRows(for version: TemplateVersion) -> [RowSpec] { proactiveRowsByVersion[version] ?? [] }

    /// The identities a report of `version` must satisfy.
    public func identities(for version: TemplateVersion) -> [Identity] {
        identitiesByVersion[version] ?? []
    }

    // MARK: - Building

    private static func metric(
        key: String, section: ReportSection, row: RowSpec, column: ColumnSpec,
        versions: [TemplateVersion], approximate: Bool, rules: Set<String>?
    ) -> Metric {
        let comparability: Comparability =
            versions.count == TemplateVersion.allCases.count
            ? (approximate ? .approx : .same)
            : (versions == [.v2019] ? .v2019Only : .v2021Only)
        return Metric(
            key: key, section: section, group: row.group, rowLabel: row.labels.canonical,
            columnLabel: column.labels.canonical, unit: column.unit, versions: versions,
            comparability: comparability, isSigned: column.isSigned,
            optionalIn: row.optionalIn.sorted(), identities: (rules ?? []).sorted())
    }

    private static func makeIdentities(
        version: TemplateVersion, requestRows: [RowSpec], columns: [ColumnSpec],
        appealBlocks: [RowSpec], resultColumns: [ColumnSpec]
    ) -> [Identity] {
        let rows = requestRows.filter { $0.exists(in: version) }
        let rowKeys = Set(rows.map(\.key))
        var identities: [Identity] = []
        // R1, printed in the header: 第一项加第二项之和，等于第三项加第四项之和.
        for column in columns {
            identities.append(Identity(
                rule: "R1", scope: column.labels.canonical,
                lhs: [.cell("requests.new." + column.key), .cell("requests.carried_in." + column.key)],
                rhs: [.cell("outcome.total." + column.key), .cell("carried_out." + column.key)]))
        }
        // R2: every row's 总计 is the sum of its applicant columns.
        let total = columns.last!
        for row in rows {
            identities.append(Identity(
                rule: "R2", scope: row.labels.canonical,
                lhs: [.cell(row.key + "." + total.key)],
                rhs: columns.dropLast().map { .cell(row.key + "." + $0.key) },
                total: row.key + "." + total.key))
        }
        // R3: （七）总计 is the sum of every outcome row; a merged group row
        // stands in for its sub-rows when they are not printed.
        let groups = CatalogData.outcomeGroups
        for column in columns {
            var terms: [IdentityTerm] = [.cell("outcome.granted." + column.key), .cell("outcome.partial." + column.key)]
            for group in groups {
                terms.append(.group(
                    subtotal: group.subtotal + "." + column.key,
                    components: group.components.filter(rowKeys.contains).map { $0 + "." + column.key }))
            }
            identities.append(Identity(
                rule: "R3", scope: column.labels.canonical,
                lhs: [.cell("outcome.total." + column.key)], rhs: terms,
                total: "outcome.total." + column.key))
            // A printed subtotal row must equal its printed sub-rows.
            for group in groups {
                let components = group.components.filter(rowKeys.contains)
                guard !components.isEmpty else { continue }
                identities.append(Identity(
                    rule: "R3", scope: group.subtotal + " " + column.labels.canonical,
                    lhs: [.cell(group.subtotal + "." + column.key)],
                    rhs: components.map { .cell($0 + "." + column.key) }))
            }
        }
        // R4: each block's 总计 is the sum of its four results.
        for block in appealBlocks {
            identities.append(Identity(
                rule: "R4", scope: block.labels.canonical,
                lhs: [.cell(block.key + ".total")],
                rhs: resultColumns.dropLast().map { .cell(block.key + "." + $0.key) },
                total: block.key + ".total"))
        }
        return identities
    }
}
