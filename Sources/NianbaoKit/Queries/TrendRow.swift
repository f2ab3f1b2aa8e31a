/// One value of a trend: a group, a year, a measure.
public struct TrendRow: Sendable, Equatable {
    public let group: String
    public let year: Int
    public let measure: String
    /// The value: a sum, or the rate of `numerator` to `denominator`.
    public let value: ExactDecimal?
    public let numerator: ExactDecimal?
    public let denominator: ExactDecimal?
    /// Reports that contributed a value.
    public let reports: Int
    /// Reports among them with a cell of the measure in a violated identity (`identity_violation`).
    public var flagged = 0
    /// Reports of the group and year in the measure's templates, counted or not: more than
    /// `reports` when some were left out (a missing, ambiguous or invalid cell, or nothing reported).
    /// Charts mark such points; the tables do not print it.
    public var reportsPresent = 0
    /// Change from the previous year of the same group (nil without that year).
    public let change: ExactDecimal?
    /// `change` in percent of the previous value (nil when it was 0 or absent).
    public let changePercent: ExactDecimal?
    /// The template versions of the contributing reports: `V2019`, `V2021`, `V2019+V2021`.
    public let templates: String
    /// Whether the year-over-year change compares like with like: false across
    /// the 2019/2021 template change for a measure that is not comparable.
    public let comparableWithPrevious: Bool?
}
