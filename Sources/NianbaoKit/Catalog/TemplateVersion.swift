/// The national table template a report follows (report-format.md §1).
///
/// Detected from the labels a report prints (§10.4), never from its year:
/// reports lag, and V2019 tables still appear in 2021 and 2022 reports.
public enum TemplateVersion: String, CaseIterable, Sendable, Codable, Comparable {
    /// 国办公开办函〔2019〕60号, report years 2019–2020.
    case v2019 = "V2019"
    /// 国办公开办函〔2021〕30号, report years 2021 onwards.
    case v2021 = "V2021"

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
