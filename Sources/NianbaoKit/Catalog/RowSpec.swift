/// One printed row of a statistics table in the catalog.
///
/// Rows are listed in template order: the row aligner uses that order to
/// place rows that lost their labels between labelled neighbours.
public struct RowSpec: Sendable, Hashable {
    /// The key prefix of the row's cells (`requests.new`, `outcome.denied.state_secret`).
    public let key: String
    /// The merged cell to the left that groups the row (`（三）不予公开`), if any.
    public let group: String?
    /// The printed row label and its variants.
    public let labels: LabelSet
    /// The template versions whose tables print this row.
    public let versions: Set<TemplateVersion>
    /// Versions where the row is printed only by some reports (a merged
    /// `（六）其他处理` in a V2021 table, a group subtotal row): it is stored when
    /// seen, never reported missing, and matched only by an exact label.
    public let optionalIn: Set<TemplateVersion>
    /// Value columns by version (section 二, whose columns differ between
    /// versions); empty when the section's shared columns apply.
    public let columnsByVersion: [TemplateVersion: [ColumnSpec]]

    public init(
        _ key: String, group: String? = nil, _ labels: LabelSet,
        versions: Set<TemplateVersion> = Set(TemplateVersion.allCases),
        optionalIn: Set<TemplateVersion> = [],
        columnsByVersion: [TemplateVersion: [ColumnSpec]] = [:]
    ) {
        self.key = key
        self.group = group
        self.labels = labels
        self.versions = versions
        self.optionalIn = optionalIn
        self.columnsByVersion = columnsByVersion
    }

    /// Whether the row belongs in tables of `version`.
    public func exists(in version: TemplateVersion) -> Bool { versions.contains(version) }

    /// Whether the row is expected in every table of `version` (not optional).
    public func isRequired(in version: TemplateVersion) -> Bool {
        versions.contains(version) && !optionalIn.contains(version)
    }
}
