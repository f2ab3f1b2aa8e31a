/// One point of a chart line: a year's value (nil: a gap, never a zero) and
/// whether reports behind it carry findings that matter for it.
public struct ChartPoint: Sendable, Equatable {
    public let year: Int
    public let value: ExactDecimal?
    /// Reports whose cells of the measure violate an identity.
    public let flagged: Int
    /// Reports of the group and year the value leaves out (their cells give no value).
    public var leftOut = 0

    public init(year: Int, value: ExactDecimal?, flagged: Int, leftOut: Int = 0) {
        self.year = year
        self.value = value
        self.flagged = flagged
        self.leftOut = leftOut
    }
}
