/// What `trend` should compute: measures, years, grouping and filters.
public struct TrendRequest: Sendable {
    public var measures: [Measure]
    public var from: Int?
    public var to: Int?
    public var grouping: TrendGrouping
    /// Keep canonical bureaus whose name contains this text.
    public var bureau: String?
    /// Keep bureaus whose province, city or county contains this text.
    public var region: String?
    /// Keep bureaus of this kind (exact: 公安, 应急 …).
    public var kind: String?
    /// Aliases to apply on top of those stored at import (`--aliases`).
    public var aliases: BureauAliasTable?
    /// Only bodies with a report in every year of the range (`--balanced`),
    /// so a year-over-year change compares the same bodies.
    public var balanced = false
    /// Leave out reports whose cells of the measure carry `identity_violation` (`--exclude-flagged`).
    public var excludeFlagged = false

    public init(
        measures: [Measure], from: Int? = nil, to: Int? = nil, grouping: TrendGrouping = .year,
        bureau: String? = nil, region: String? = nil, kind: String? = nil, aliases: BureauAliasTable? = nil
    ) {
        self.measures = measures
        self.from = from
        self.to = to
        self.grouping = grouping
        self.bureau = bureau
        self.region = region
        self.kind = kind
        self.aliases = aliases
    }
}
