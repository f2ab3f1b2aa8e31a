/// What reading one section produced: cells by metric key and findings.
public struct SectionCells: Sendable {
    public var cells: [String: CellValue] = [:]
    public var findings: [Finding] = []
    /// Whether every required row of the section was found.
    public var isComplete = true

    mutating func merge(_ other: SectionCells) {
        // Room for both at once: growing a dictionary of 200 cells rehashes every key each time.
        cells.reserveCapacity(cells.count + other.cells.count)
        cells.merge(other.cells) { current, _ in current }
        findings += other.findings
        isComplete = isComplete && other.isComplete
    }
}
