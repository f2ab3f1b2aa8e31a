/// What a trend's rows are grouped by, besides the year.
public enum TrendGrouping: String, Sendable, CaseIterable {
    /// One row per year, every bureau together.
    case year
    /// One row per canonical bureau and year.
    case bureau
    /// Prefecture-level city (or the province when a body has no city).
    case region
    case province
    case city
    case county
    /// Bureau kind: 公安, 应急, 市场监管 …
    case kind
}
