/// What a stored cell says about its value (report-format.md §8.2, architecture.md "Cells").
public enum CellStatus: String, Sendable, Codable, CaseIterable {
    /// The document printed a number.
    case reported
    /// The cell is empty: nothing reported (0 for a component, missing for a total).
    case blank
    /// `/`, `—`, `－`, `无`: not applicable.
    case notApplicable = "not_applicable"
    /// A blank 总计 computed from its components by the validator.
    case derived
    /// The layout lost which cell a number belongs to and the identities cannot decide.
    case ambiguous
    /// The row or section is absent from the document.
    case missing
    /// The cell holds text that is not a number.
    case invalid
}
