/// What importing one file did.
public enum FileOutcome: Sendable, Equatable {
    /// A new report went in.
    case imported(ReportSummary)
    /// The report replaced an older one for the same bureau and year.
    case replaced(ReportSummary, previousSource: String)
    /// The same file (same SHA-256) is already in the database: nothing changed.
    case unchanged(bureau: String, year: Int)
    /// Nothing went in, for this reason.
    case failed(ImportFailure)
}
