/// One cell as the report states it: the exact value, the raw text, and how it was read.
public struct CellValue: Sendable, Equatable {
    /// The number, in the metric's unit; nil unless `status` is reported or derived.
    public var value: ExactDecimal?
    /// The text the document printed, untouched (nil when the cell is missing).
    public var raw: String?
    public var status: CellStatus
    /// Notes on how the number was read: `unit_inferred`, `converted_from_yuan`, `approx`.
    public var flags: [String]
    /// Where the cell is in the document: table, row, cell, line.
    public var locator: String?

    public init(
        value: ExactDecimal? = nil, raw: String? = nil, status: CellStatus, flags: [String] = [],
        locator: String? = nil
    ) {
        self.value = value
        self.raw = raw
        self.status = status
        self.flags = flags
        self.locator = locator
    }

    /// A cell that the document does not contain.
    public static let missing = CellValue(status: .missing)
}
