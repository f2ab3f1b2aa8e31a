/// One row of a result, copied out of the statement.
///
/// The pointers SQLite's column accessors return "are valid until a type
/// conversion occurs ..., or until sqlite3_step() or sqlite3_reset() or
/// sqlite3_finalize() is called", so a row that is kept must be a copy. `Row` is that copy: plain values, `Sendable`, comparable.
public struct Row: Sendable, Hashable {
    /// The result column names, as `sqlite3_column_name` gives them (the `AS`
    /// alias when there is one).
    public let columnNames: [String]
    /// The values, in column order.
    public let values: [SQLiteValue]

    public init(columnNames: [String], values: [SQLiteValue]) {
        precondition(columnNames.count == values.count, "a row needs one name per value")
        self.columnNames = columnNames
        self.values = values
    }

    /// The value of column `index` (0-based). Traps when out of range, like
    /// an array: a wrong index is a programming error, not data.
    public subscript(index: Int) -> SQLiteValue {
        values[index]
    }

    /// The value of the first column named `name`, or `.null` when there is
    /// no such column.
    ///
    /// An exact match wins; otherwise the name is compared without regard to
    /// ASCII case, because SQL names are case-insensitive and SQLite folds
    /// "upper/lower case for ASCII characters" only.
    public subscript(name: String) -> SQLiteValue {
        if let index = columnNames.firstIndex(of: name) {
            return values[index]
        }
        if let index = columnNames.firstIndex(where: { Self.equalIgnoringASCIICase($0, name) }) {
            return values[index]
        }
        return .null
    }

    private static func equalIgnoringASCIICase(_ lhs: String, _ rhs: String) -> Bool {
        lhs.utf8.elementsEqual(rhs.utf8) { foldASCII($0) == foldASCII($1) }
    }

    private static func foldASCII(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
    }
}
