/// One cell of a ``TableRow``: its text as the document shows it.
public struct TableCell: Sendable, Equatable {
    /// The cell text with format markup removed; line breaks inside the cell
    /// kept as "\n" (labels are normalised later, numbers never rewritten).
    public var text: String
    /// Where the cell starts in the file (1-based line), when the format has lines.
    public var line: Int?

    public init(_ text: String, line: Int? = nil) {
        self.text = text
        self.line = line
    }
}
