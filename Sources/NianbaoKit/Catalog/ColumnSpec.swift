/// One value column of a statistics table in the catalog.
public struct ColumnSpec: Sendable, Hashable {
    /// The key segment the column appends to its row (`natural_person`, `issued`, …).
    public let key: String
    /// The printed header.
    public let labels: LabelSet
    /// What the column counts.
    public let unit: MetricUnit
    /// Whether values may carry a sign ("本年增/减": "+4", "-2").
    public let isSigned: Bool
    /// Whether the V2019 cell only approximates the V2021 metric of the same key.
    public let isApproximate: Bool

    public init(
        _ key: String, _ labels: LabelSet, unit: MetricUnit = .count,
        isSigned: Bool = false, isApproximate: Bool = false
    ) {
        self.key = key
        self.labels = labels
        self.unit = unit
        self.isSigned = isSigned
        self.isApproximate = isApproximate
    }
}
