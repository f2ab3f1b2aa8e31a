/// The most table cells a reader builds for one document.
///
/// Spans multiply cells: a 100-byte HTML row of four `colspan=64` cells is
/// 256 grid cells, a 60-byte Word cell with `w:gridSpan w:val="64"` is 64.
/// A report's statistics tables hold about 600 cells and whole documents
/// with appendices a few thousand, so the budget is far above any report and
/// keeps a hostile file's grid to a few megabytes. A reader that runs out
/// stops and says so in ``Document/unreadRest``.
struct CellBudget {
    static let maximumCells = 100_000
    static let reason = "more than 100 000 table cells, far more than a report has; the rest of the file is not read"

    private(set) var remaining = maximumCells

    var isExhausted: Bool { remaining <= 0 }

    /// Takes `count` cells; false (taking none) when fewer are left.
    mutating func take(_ count: Int = 1) -> Bool {
        guard remaining >= count else {
            remaining = 0
            return false
        }
        remaining -= count
        return true
    }
}
