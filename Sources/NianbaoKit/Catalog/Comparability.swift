/// How a metric compares across the 2019 → 2021 template change (report-format.md §5, §12).
public enum Comparability: String, Sendable, Codable, CaseIterable {
    /// Same meaning in both versions.
    case same
    /// Close but not identical (V2019 本年新制作数量 vs V2021 本年制发件数).
    case approx
    /// Exists only in V2019 tables.
    case v2019Only = "v2019_only"
    /// Exists only in V2021 tables.
    case v2021Only = "v2021_only"
}
