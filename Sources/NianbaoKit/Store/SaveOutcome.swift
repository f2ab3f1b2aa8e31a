/// What storing one report did.
public struct SaveOutcome: Sendable, Equatable {
    /// The new report's id.
    public let reportID: Int64
    /// The source of the report it replaced (`--replace`), if any.
    public let replacedSource: String?
    /// Warnings from comparing the report with the same bureau's neighbouring
    /// years (S1 carry-over, S2 stock-flow, identical tables), stored with it.
    public let crossYearFindings: [Finding]
}
