/// One cell of the report template: the unit of storage, validation and trends.
///
/// Every metric comes from ``MetricCatalog``; its `key` is the canonical key of
/// report-format.md §4 and §6 and is what the `facts` table, CSV exports and
/// queries use.
public struct Metric: Sendable, Hashable, Identifiable {
    /// Canonical key, e.g. `outcome.denied.state_secret.total`.
    public let key: String
    /// The section whose table prints the cell.
    public let section: ReportSection
    /// The grouping caption or merged group cell (`第二十条第（一）项`, `（三）不予公开`).
    public let group: String?
    /// The printed row label (V2021 wording where the versions differ).
    public let rowLabel: String
    /// The printed column header.
    public let columnLabel: String
    /// What the value counts.
    public let unit: MetricUnit
    /// The template versions that print the cell.
    public let versions: [TemplateVersion]
    /// How the metric compares across the template change.
    public let comparability: Comparability
    /// Whether values may carry a sign.
    public let isSigned: Bool
    /// Versions in which the cell is printed only by some reports.
    public let optionalIn: [TemplateVersion]
    /// The identities (R1–R4) the cell takes part in.
    public let identities: [String]

    public var id: String { key }

    /// Row and column label together, as a reader would name the cell.
    public var label: String {
        [group, rowLabel, columnLabel].compactMap { $0 }.joined(separator: " / ")
    }
}
