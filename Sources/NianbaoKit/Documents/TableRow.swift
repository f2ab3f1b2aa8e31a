/// One row of a ``Table``.
public struct TableRow: Sendable, Equatable {
    public var cells: [TableCell]
    /// Where the row starts in the file (1-based line), when the format has lines.
    public var line: Int?

    public init(cells: [TableCell], line: Int? = nil) {
        self.cells = cells
        self.line = line
    }

    /// All cell texts joined, for anchor searches.
    public var text: String { cells.map(\.text).joined() }
}
