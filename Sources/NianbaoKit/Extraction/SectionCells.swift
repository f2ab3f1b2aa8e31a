/// What reading one section produced: cells by metric key and findings.
public struct SectionCells: Sendable {
    public var cells: [String: CellValue] = [:]
    public var findings: [Finding] = []
    /// Whether every required row of the section was found.
    public var isComplete = true

    mutating func merge(_ other: SectionCells) {
        cells.merge(other.cells) { current, _ in current }
        findings += other.findings
        isComplete = isComplete && other.isComplete
    }
}
