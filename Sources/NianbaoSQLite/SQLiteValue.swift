/// A value as SQLite stores it.
///
/// SQLite has exactly five storage classes: "Each value stored in an SQLite
/// database (or manipulated by the database engine) has one of the following
/// storage classes: NULL, INTEGER, REAL, TEXT, BLOB" (datatype3.html). The
/// enum mirrors them one to one, so that what goes into a statement and what
/// comes out of a row is exactly what SQLite holds: no silent conversion
/// between, say, an empty string and NULL, or between integers and reals.
public enum SQLiteValue: Sendable, Hashable {
    /// SQL NULL. Distinct from `.text("")` and from `.blob([])`.
    case null
    /// A signed 64-bit integer, SQLite's INTEGER storage class.
    case integer(Int64)
    /// An 8-byte IEEE floating point number, SQLite's REAL storage class.
    case real(Double)
    /// UTF-8 text. It may contain U+0000: the length travels with the bytes.
    case text(String)
    /// Bytes stored exactly as given. May be empty, which is not NULL.
    case blob([UInt8])
}

extension SQLiteValue {
    /// True for `.null` only: an empty text or blob is a value, not NULL.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The integer, for `.integer` only.
    ///
    /// A `.real` is not truncated into an integer: losing the fraction is a
    /// decision for the caller, not for the storage layer.
    public var int64: Int64? {
        if case .integer(let value) = self { return value }
        return nil
    }

    /// The number as a `Double`, for `.real` and `.integer`.
    ///
    /// Integers are accepted because SQLite itself hands back integers where
    /// a column has no REAL affinity (for instance `SUM` over integers, or an
    /// expression), and widening an integer to a double is SQLite's own
    /// numeric conversion.
    public var double: Double? {
        switch self {
        case .real(let value): return value
        case .integer(let value): return Double(value)
        default: return nil
        }
    }

    /// The string, for `.text` only: blobs and numbers are not rendered as text.
    public var string: String? {
        if case .text(let value) = self { return value }
        return nil
    }

    /// The bytes, for `.blob` only.
    public var blob: [UInt8]? {
        if case .blob(let value) = self { return value }
        return nil
    }
}

extension SQLiteValue: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int64) {
        self = .integer(value)
    }
}

extension SQLiteValue: ExpressibleByFloatLiteral {
    public init(floatLiteral value: Double) {
        self = .real(value)
    }
}

extension SQLiteValue: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) {
        self = .text(value)
    }
}

extension SQLiteValue: ExpressibleByNilLiteral {
    public init(nilLiteral: ()) {
        self = .null
    }
}
