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
        let line = row.cells.indices.contains(cell) ? row.cells[cell].line : row.line
        guard table > 0 else { return Self.text(["paragraph "], [line ?? 0]) }
        guard let line else { return Self.text(["table ", ", row ", ", cell "], [table, index, cell + 1]) }
        return Self.text(["table ", ", row ", ", cell ", ", line "], [table, index, cell + 1, line])
    }

    /// Words and numbers in turn, written straight into a string's storage
    /// (every cell of every report gets a locator; interpolation grew a
    /// string four times for each).
    private static func text(_ words: [StaticString], _ numbers: [Int]) -> String {
        String(unsafeUninitializedCapacity: 16 + 24 * numbers.count) { buffer in
            var count = 0
            for (word, number) in zip(words, numbers) {
                for offset in 0..<word.utf8CodeUnitCount {
                    buffer[count] = word.utf8Start[offset]
                    count += 1
                }
                var digits = String(number).utf8.makeIterator()
                while let digit = digits.next() {
                    buffer[count] = digit
                    count += 1
                }
            }
            return count
        }
    }

    /// Whether the row holds a number or a not-applicable mark (not only labels and blanks).
    public var hasValues: Bool {
        row.cells.contains { !ValueParser.isBlank($0.text) && ValueParser.isValueLike($0.text) }
    }
}
