/// One stored report with the facts a query asked for: the unit trends aggregate.
public struct ReportRecord: Sendable {
    public let id: Int64
    public let bureau: String
    public let year: Int
    public let template: TemplateVersion
    public var identity: BureauIdentity
    public let scope: BureauScope
    /// Facts by metric key: value (nil when NULL) and status.
    public let facts: [String: (value: ExactDecimal?, status: CellStatus)]
    /// The metric keys whose cell carries the flag `identity_violation`.
    public var violations: Set<String> = []
}
