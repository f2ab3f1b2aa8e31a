/// What a metric counts, so a number is never read without its unit.
public enum MetricUnit: String, Sendable, Codable, CaseIterable {
    /// Documents, decisions, applications or cases (件).
    case count = "件"
    /// Items (事项) of the V2019 item-count columns (项): not decisions.
    case items = "项"
    /// Money in 10 000 yuan (万元), an exact decimal.
    case tenThousandYuan = "万元"

    /// Whether values may carry a fraction (only money does).
    public var allowsFraction: Bool { self == .tenThousandYuan }
}
