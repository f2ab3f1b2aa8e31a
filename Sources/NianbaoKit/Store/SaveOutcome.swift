/// What storing one report did.
public enum SaveOutcome: Sendable, Equatable {
    /// A new report, with its id.
    case inserted(reportID: Int64)
    /// An older report for the same bureau and year was replaced (`--replace`).
    case replaced(reportID: Int64, previousSource: String)
}
