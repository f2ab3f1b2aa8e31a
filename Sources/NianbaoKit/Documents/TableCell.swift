/// One cell of a ``TableRow``: its text as the document shows it, and how it
/// sits in the grid.
///
/// Grid readers repeat a spanning cell in every grid position it covers, so
/// a row's cell `i` is grid column `i`. The copies carry their kind: a copy
/// to the right of a `colspan` is never a value or a label of its own; a copy
/// below a `rowspan` is a group label that applies to the row.
public struct TableCell: Sendable, Equatable {
    /// The cell text with format markup removed; line breaks inside the cell
    /// kept as "\n" (labels are normalised later, numbers never rewritten).
    public var text: String
    /// Where the cell starts in the file (1-based line), when the format has lines.
    public var line: Int?
    /// How many grid columns the cell covers (on its origin position).
    public var columnSpan: Int
    /// A copy filling a column the cell to its left spans.
    public var isColumnContinuation: Bool
    /// A copy filling a row the cell above spans.
    public var isRowContinuation: Bool

    public init(
        _ text: String, line: Int? = nil, columnSpan: Int = 1,
        isColumnContinuation: Bool = false, isRowContinuation: Bool = false
    ) {
        self.text = text
        self.line = line
        self.columnSpan = columnSpan
        self.isColumnContinuation = isColumnContinuation
        self.isRowContinuation = isRowContinuation
    }
}
