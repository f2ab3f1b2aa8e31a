internal import CSQLite

/// An error reported by SQLite, or by this wrapper when it refuses to misuse
/// SQLite on the caller's behalf.
///
/// It carries the *extended* result code, because the primary code alone
/// cannot tell a UNIQUE violation (2067) from a NOT NULL one (1299): both are
/// SQLITE_CONSTRAINT (19). The header explains why extended codes exist: the
/// primary ones "are too coarse-grained. They do not provide as much
/// information about problems as programmers might like." The primary code is
/// always the low byte (the header defines each extended code as
/// `primary | (n<<8)`).
///
/// This is the only error type the module throws. The transaction helpers
/// rethrow whatever their body threw, unchanged.
public struct SQLiteError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The extended result code (for example 2067, SQLITE_CONSTRAINT_UNIQUE).
    public let resultCode: Int32

    /// The primary result code, the low byte of the extended one (for
    /// example SQLITE_CONSTRAINT_UNIQUE is `SQLITE_CONSTRAINT | (8<<8)`).
    public var primaryResultCode: Int32 { resultCode & 0xFF }

    /// The English message from `sqlite3_errmsg`, or this wrapper's own.
    public let message: String

    /// The SQL that failed, when the error comes from a statement.
    public let sql: String?

    public init(resultCode: Int32, message: String, sql: String? = nil) {
        self.resultCode = resultCode
        self.message = message
        self.sql = sql
    }

    /// `SQLite error 19: NOT NULL constraint failed: t.x - while executing `INSERT …``.
    ///
    /// The number shown is the primary code, the one SQLite's documentation
    /// and most tools print; `resultCode` keeps the extended one.
    public var description: String {
        var text = "SQLite error \(primaryResultCode): \(message)"
        if let sql {
            text += " - while executing `\(sql)`"
        }
        return text
    }

    /// True when a UNIQUE, NOT NULL, CHECK, PRIMARY KEY or FOREIGN KEY
    /// constraint refused the change (primary code SQLITE_CONSTRAINT).
    public var isConstraintViolation: Bool { primaryResultCode == Self.SQLITE_CONSTRAINT }

    /// True when the database, or the connection, is read-only (primary code
    /// SQLITE_READONLY).
    public var isReadOnlyViolation: Bool { primaryResultCode == Self.SQLITE_READONLY }
}

// The primary result codes callers test for, so that they need not import the
// C module. Taken from the C header rather than typed in, so they cannot drift.
extension SQLiteError {
    /// 1: generic error, such as a syntax error or a missing table.
    public static let SQLITE_ERROR: Int32 = CSQLite.SQLITE_ERROR
    /// 5: another connection holds a lock that the busy timeout did not outlast.
    public static let SQLITE_BUSY: Int32 = CSQLite.SQLITE_BUSY
    /// 8: attempt to write a read-only database.
    public static let SQLITE_READONLY: Int32 = CSQLite.SQLITE_READONLY
    /// 11: the database file is malformed.
    public static let SQLITE_CORRUPT: Int32 = CSQLite.SQLITE_CORRUPT
    /// 14: the database file could not be opened.
    public static let SQLITE_CANTOPEN: Int32 = CSQLite.SQLITE_CANTOPEN
    /// 19: a constraint refused the change.
    public static let SQLITE_CONSTRAINT: Int32 = CSQLite.SQLITE_CONSTRAINT
    /// 21: the library was used in a way it does not support (also used by
    /// this wrapper, for instance for two statements given to `prepare`).
    public static let SQLITE_MISUSE: Int32 = CSQLite.SQLITE_MISUSE
    /// 23: authorization denied.
    public static let SQLITE_AUTH: Int32 = CSQLite.SQLITE_AUTH
    /// 25: a parameter index out of range (also used by this wrapper when the
    /// arguments do not match the statement's parameters).
    public static let SQLITE_RANGE: Int32 = CSQLite.SQLITE_RANGE
    /// 26: the file is not a database.
    public static let SQLITE_NOTADB: Int32 = CSQLite.SQLITE_NOTADB
}

extension SQLiteError {
    /// Builds the error for a failed call on `connection`, reading its message
    /// right away: `sqlite3_errmsg` describes the most recent failure only,
    /// so it must be read before any other call on the same connection.
    init(code: Int32, connection: OpaquePointer?, sql: String?) {
        let message: String
        if let connection, let text = sqlite3_errmsg(connection) {
            message = String(cString: text)
        } else {
            // No connection (the open itself could not allocate one):
            // sqlite3_errstr describes the code alone.
            message = String(cString: sqlite3_errstr(code))
        }
        self.init(resultCode: code, message: message, sql: sql)
    }
}
