/// The result of aligning observed rows to catalog rows.
public struct RowAlignment: Sendable, Equatable {
    /// Observed row index → catalog row index.
    public var matches: [Int: Int] = [:]
    /// Unlabeled observed rows that no pair of labelled neighbours places.
    public var unplaced: [Int] = []
    /// Labelled observed rows that name no catalog row.
    public var unknown: [Int] = []

    /// The observed row matched to catalog row `catalogIndex`, if any.
    public func observed(for catalogIndex: Int) -> Int? {
        matches.first { $0.value == catalogIndex }?.key
    }
}
