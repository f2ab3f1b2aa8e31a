import NianbaoKit
/// How the cells an importer stored compare with a synthetic report's truth:
/// exact, NULL (not stored, with a finding) or wrong — and of the wrong ones,
/// how many carry no flag, which must never happen.
public struct CellTally: Sendable, Equatable {
    public var exact = 0
    public var null = 0
    public var wrong = 0
    /// Wrong cells stored as `reported` with no flag: a number an analyst would trust.
    public var wrongUnflagged = 0
    /// One line per wrong cell, for the report.
    public var wrongCells: [String] = []
    /// One line per NULL cell.
    public var nullCells: [String] = []

    public init() {}

    /// Counts every cell of `truth` against `report`.
    public mutating func add(_ report: ExtractedReport, truth: SyntheticReport, name: String) {
        for (key, expected) in truth.cells {
            let expected = expected ?? nil
            guard let cell = report.cells[key], let value = cell.value else {
                // No value: exact when the page left the cell blank and it was read as blank.
                if expected == nil && report.cells[key]?.status == .blank {
                    exact += 1
                } else {
                    null += 1
                    nullCells.append("\(name) \(key): \(report.cells[key]?.status.rawValue ?? "not stored"), printed \(expected?.description ?? "blank")")
                }
                continue
            }
            if value == expected {
                exact += 1
            } else {
                wrong += 1
                let unflagged = cell.status == .reported && cell.flags.isEmpty
                if unflagged { wrongUnflagged += 1 }
                wrongCells.append((unflagged ? "UNFLAGGED " : "") + "\(name) \(key): stored \(value) (\(cell.status.rawValue)\(cell.flags.isEmpty ? "" : ", " + cell.flags.joined(separator: ","))), printed \(expected?.description ?? "blank") at \(cell.locator ?? "?")")
            }
        }
    }

    /// Adds another tally's counts.
    public mutating func merge(_ other: CellTally) {
        exact += other.exact
        null += other.null
        wrong += other.wrong
        wrongUnflagged += other.wrongUnflagged
        wrongCells += other.wrongCells
        nullCells += other.nullCells
    }

    /// Cells counted.
    public var total: Int { exact + null + wrong }

    /// "12 340 cells: 12 300 exact (99.7 %), 40 NULL, 0 wrong (0 unflagged)".
    public var summary: String {
        let share = total == 0 ? 0 : 100 * Double(exact) / Double(total)
        return "\(total) cells: \(exact) exact (\(String(format: "%.2f", share)) %), \(null) NULL, \(wrong) wrong (\(wrongUnflagged) unflagged)"
    }
}
