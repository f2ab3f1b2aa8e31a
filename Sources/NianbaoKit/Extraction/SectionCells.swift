/// What reading one section produced: cells by metric key and findings.
public struct SectionCells: Sendable {
    public var cells: [String: CellValue] = [:]
    public var findings: [Finding] = []
    /// Whether every required row of the section was found.
    public var isComplete = true

    mutating func merge(_ other: SectionCells) {
        // The smaller into the larger (every entry merged is hashed again); on
        // a key in both, the cell already here stays, as it always did.
        if other.cells.count > cells.count {
            var merged = other.cells
            merged.merge(cells) { _, current in current }
            cells = merged
        } else {
            cells.merge(other.cells) { current, _ in current }
        }
        findings += other.findings
        isComplete = isComplete && other.isComplete
    }
}
