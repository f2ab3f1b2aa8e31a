/// A table row together with where it sits, so every cell read from it can be traced back.
public struct LocatedRow: Sendable, Equatable {
    /// 1-based table number in the document; 0 for rows read from paragraphs.
    public let table: Int
    /// 1-based row number in its table.
    public let index: Int
    public let row: TableRow
    /// The row's text normalised as a label, once: locating sections and
    /// detecting the version both read it.
    public let normalizedText: String
    /// Whether the row's numbers ran together into one run of digits (``Table/runTogether``).
    public let runTogether: Bool

    public init(table: Int, index: Int, row: TableRow, runTogether: Bool = false) {
        self.table = table
        self.index = index
        self.row = row
        self.runTogether = runTogether
        normalizedText = LabelNormalizer.compute(row.text)
    }

    /// A human locator for cell `cell` (0-based) of this row.
    public func locator(cell: Int) -> String {
        guard table > 0 else {
            let line = row.cells.indices.contains(cell) ? row.cells[cell].line : row.line
            return "paragraph \(line ?? 0)"
        }
        var text = "table \(table), row \(index), cell \(cell + 1)"
        if let line = row.cells.indices.contains(cell) ? row.cells[cell].line : row.line { text += ", line \(line)" }
        return text
    }

    /// Whether the row holds a number or a not-applicable mark (not only labels and blanks).
    public var hasValues: Bool {
        row.cells.contains { !ValueParser.isBlank($0.text) && ValueParser.isValueLike($0.text) }
    }
}
