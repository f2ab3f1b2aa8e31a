internal import CSQLite

/// Tells `sqlite3_bind_text64` and `sqlite3_bind_blob64` to copy the bytes.
///
/// "The constant, SQLITE_TRANSIENT, may be passed to indicate that the object
/// is to be copied prior to the return from sqlite3_bind_*()." Swift only
/// lends a pointer to a string's or an array's storage for the duration of a
/// closure, so SQLite must take its own copy. The C macro is a cast of -1 to
/// a function pointer, which Swift does not import; this is the same value.
private let SQLITE_TRANSIENT = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// One compiled SQL statement (`sqlite3_stmt`).
///
/// A statement is bound, stepped row by row, and reset to run again. It keeps
/// the database handle alive on its own (see `ConnectionHandle`), so it stays
/// valid even if the `Connection` that prepared it is gone. Like the
/// connection, it must be used from one thread at a time.
public final class Statement {
    /// The SQL text the statement was prepared from.
    public let sql: String

    let pointer: OpaquePointer
    private let connection: ConnectionHandle

    /// Set when `step()` failed. The connection's cache drops such a
    /// statement instead of reusing it, as GRDB does: after an error,
    /// `sqlite3_reset` only reports the error again and the statement has no
    /// guaranteed clean state to return to.
    private(set) var hasFailed = false

    /// True once every parameter received a value from `bind`, false again
    /// after `reset()`. Lets `run()`/`rows()` without arguments reuse values
    /// given by `bind(named:)`, yet refuse to run with parameters that nobody
    /// bound (SQLite would silently treat them as NULL).
    private var isBound = false

    /// Names fetched once per execution: they can only change when SQLite
    /// re-prepares the statement after a schema change, which happens on the
    /// first step of a run, and the cache is dropped on every reset.
    private var cachedColumnNames: [String]?

    init(connection: ConnectionHandle, pointer: OpaquePointer, sql: String) {
        self.connection = connection
        self.pointer = pointer
        self.sql = sql
    }

    deinit {
        sqlite3_finalize(pointer)
    }

    // MARK: - Description

    /// Number of columns in a result row; 0 for statements that return none.
    public var columnCount: Int {
        Int(sqlite3_column_count(pointer))
    }

    /// Result column names, the `AS` alias when there is one.
    public var columnNames: [String] {
        if let cachedColumnNames { return cachedColumnNames }
        let names = (0..<columnCount).map { index in
            // NULL only when SQLite runs out of memory building the name.
            sqlite3_column_name(pointer, Int32(index)).map { String(cString: $0) } ?? ""
        }
        cachedColumnNames = names
        return names
    }

    /// The number of SQL parameters: the largest parameter index, since a
    /// named parameter used twice is one parameter and `?NNN` sets the index.
    public var parameterCount: Int {
        Int(sqlite3_bind_parameter_count(pointer))
    }

    /// Names of the parameters as written, with their prefix (`":year"`,
    /// `"$bureau"`, `"?2"`); `nil` for anonymous `?` parameters, which
    /// `sqlite3_bind_parameter_name` reports as nameless.
    public var parameterNames: [String?] {
        (0..<parameterCount).map { offset in
            sqlite3_bind_parameter_name(pointer, Int32(offset + 1)).map { String(cString: $0) }
        }
    }

    /// True when the statement makes no direct change to the database:
    /// `sqlite3_stmt_readonly` "returns true (non-zero) if and only if the
    /// prepared statement X makes no direct changes to the content of the
    /// database file."
    public var isReadOnly: Bool {
        sqlite3_stmt_readonly(pointer) != 0
    }

    /// True between a first `step()` and either completion or a reset.
    /// "sqlite3_stmt_busy(S) ... returns true (non-zero) if the prepared
    /// statement S has been stepped at least once using sqlite3_step(S) but
    /// has neither run to completion (returned SQLITE_DONE from
    /// sqlite3_step(S)) nor been reset using sqlite3_reset(S)."
    var isBusy: Bool {
        sqlite3_stmt_busy(pointer) != 0
    }

    // MARK: - Binding

    /// Binds `values` to the parameters by position, the first value to
    /// parameter 1.
    ///
    /// Throws SQLITE_RANGE when the number of values is not
    /// `parameterCount`: "Unbound parameters are interpreted as NULL", so a
    /// missing value would otherwise become NULL without a word. The
    /// statement is rewound first, because a bind call on "a prepared
    /// statement for which sqlite3_step() has been called more recently than
    /// sqlite3_reset()" returns SQLITE_MISUSE.
    public func bind(_ values: [SQLiteValue]) throws(SQLiteError) {
        rewind()
        isBound = false
        let expected = parameterCount
        guard values.count == expected else {
            throw SQLiteError(
                resultCode: SQLiteError.SQLITE_RANGE,
                message: "wrong number of arguments: the statement has \(expected) parameter\(expected == 1 ? "" : "s"), \(values.count) given",
                sql: sql)
        }
        for (offset, value) in values.enumerated() {
            try bind(value, at: Int32(offset + 1))
        }
        isBound = true
    }

    /// Binds values by parameter name, keys written with their prefix
    /// (`[":year": 2023]`).
    ///
    /// Every parameter of the statement must get a value: a missing one
    /// throws SQLITE_RANGE naming it, and an anonymous `?` cannot be bound
    /// by name at all. Keys that match no parameter are ignored, so one
    /// dictionary can serve several statements.
    public func bind(named values: [String: SQLiteValue]) throws(SQLiteError) {
        rewind()
        isBound = false
        for offset in 0..<parameterCount {
            let index = Int32(offset + 1)
            guard let cName = sqlite3_bind_parameter_name(pointer, index) else {
                throw SQLiteError(
                    resultCode: SQLiteError.SQLITE_RANGE,
                    message: "parameter \(index) is an anonymous ?, which cannot be bound by name",
                    sql: sql)
            }
            let name = String(cString: cName)
            guard let value = values[name] else {
                throw SQLiteError(
                    resultCode: SQLiteError.SQLITE_RANGE,
                    message: "missing value for parameter \(name)",
                    sql: sql)
            }
            try bind(value, at: index)
        }
        isBound = true
    }

    private func bind(_ value: SQLiteValue, at index: Int32) throws(SQLiteError) {
        let code: Int32
        switch value {
        case .null:
            code = sqlite3_bind_null(pointer, index)
        case .integer(let integer):
            code = sqlite3_bind_int64(pointer, index, integer)
        case .real(let real):
            code = sqlite3_bind_double(pointer, index, real)
        case .text(let text):
            // The byte length is given explicitly so that text holding U+0000
            // is stored whole, not cut at the first NUL as a C string would
            // be. withCString never hands out a NULL pointer, so "" binds as
            // empty text and not as NULL.
            let length = UInt64(text.utf8.count)
            code = text.withCString { bytes in
                sqlite3_bind_text64(pointer, index, bytes, length, SQLITE_TRANSIENT, UInt8(SQLITE_UTF8))
            }
        case .blob(let bytes) where bytes.isEmpty:
            // "If the third parameter to sqlite3_bind_text() or
            // sqlite3_bind_text16() or sqlite3_bind_blob() is a NULL pointer
            // then the fourth parameter is ignored and the end result is the
            // same as sqlite3_bind_null()." An empty array may well have no
            // storage, so an empty blob is bound as a zero-length zeroblob.
            code = sqlite3_bind_zeroblob(pointer, index, 0)
        case .blob(let bytes):
            code = bytes.withUnsafeBytes { buffer in
                sqlite3_bind_blob64(pointer, index, buffer.baseAddress, UInt64(buffer.count), SQLITE_TRANSIENT)
            }
        }
        guard code == SQLITE_OK else {
            throw SQLiteError(code: code, connection: connection.pointer, sql: sql)
        }
    }

    // MARK: - Stepping

    /// Steps once: true when a row is available, false when the statement has
    /// run to completion. Errors carry the statement's SQL.
    public func step() throws(SQLiteError) -> Bool {
        let code = sqlite3_step(pointer)
        switch code {
        case SQLITE_ROW:
            return true
        case SQLITE_DONE:
            return false
        default:
            hasFailed = true
            throw SQLiteError(code: code, connection: connection.pointer, sql: sql)
        }
    }

    /// The value of column `index` (0-based) of the current row.
    ///
    /// The storage class is read first with `sqlite3_column_type`, so a NULL
    /// never reaches `String(cString:)` and no value is converted. Text and
    /// blobs are read pointer first, length second, as the header advises:
    /// "call sqlite3_column_text(), sqlite3_column_blob(), or
    /// sqlite3_column_text16() first to force the result into the desired
    /// format, then invoke sqlite3_column_bytes()". The explicit length keeps
    /// text with embedded U+0000 whole. Text that is not valid UTF-8 (SQLite
    /// does not check) is decoded with replacement characters.
    public func value(at index: Int) -> SQLiteValue {
        precondition(index >= 0 && index < columnCount, "column index \(index) out of range")
        let column = Int32(index)
        switch sqlite3_column_type(pointer, column) {
        case SQLITE_INTEGER:
            return .integer(sqlite3_column_int64(pointer, column))
        case SQLITE_FLOAT:
            return .real(sqlite3_column_double(pointer, column))
        case SQLITE_TEXT:
            guard let bytes = sqlite3_column_text(pointer, column) else { return .text("") }
            let count = Int(sqlite3_column_bytes(pointer, column))
            return .text(String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self))
        case SQLITE_BLOB:
            // "The return value from sqlite3_column_blob() for a zero-length
            // BLOB is a NULL pointer."
            guard let bytes = sqlite3_column_blob(pointer, column) else { return .blob([]) }
            let count = Int(sqlite3_column_bytes(pointer, column))
            return .blob(Array(UnsafeRawBufferPointer(start: bytes, count: count)))
        default:
            return .null
        }
    }

    /// A copy of the current row.
    public func currentRow() -> Row {
        Row(columnNames: columnNames, values: (0..<columnCount).map(value(at:)))
    }

    /// Rewinds the statement and sets every parameter back to NULL.
    ///
    /// Both calls are needed: sqlite3_reset "does not change the values of
    /// any bindings on the prepared statement S"; sqlite3_clear_bindings
    /// does. The result code of sqlite3_reset only repeats the error of the
    /// last step, which `step()` already threw, so it is not reported again.
    public func reset() {
        rewind()
        sqlite3_clear_bindings(pointer)
        isBound = false
    }

    /// sqlite3_reset alone: back to the start, bindings kept. Ends the
    /// statement's implicit read transaction if it was still running.
    private func rewind() {
        sqlite3_reset(pointer)
        cachedColumnNames = nil
    }

    // MARK: - Running

    /// Binds `values` (see `bind(_:)`) and steps to completion. Returns the
    /// number of rows inserted, updated or deleted.
    ///
    /// With no values, the statement runs with the values already bound
    /// (for instance by `bind(named:)`), and throws if it has parameters
    /// that were never bound.
    ///
    /// The count is 0 for statements that changed nothing (a SELECT, a
    /// CREATE TABLE), whereas `sqlite3_changes` would repeat the count of
    /// whichever INSERT, UPDATE or DELETE ran last.
    @discardableResult
    public func run(_ values: [SQLiteValue] = []) throws(SQLiteError) -> Int {
        try prepareToRun(values)
        defer { rewind() }
        let database = connection.pointer
        let before = sqlite3_total_changes64(database)
        while try step() {}
        return sqlite3_total_changes64(database) == before ? 0 : Int(sqlite3_changes64(database))
    }

    /// Binds `values` (see `run(_:)` for an empty array) and collects every
    /// row.
    public func rows(_ values: [SQLiteValue] = []) throws(SQLiteError) -> [Row] {
        try prepareToRun(values)
        defer { rewind() }
        var rows: [Row] = []
        while try step() {
            rows.append(currentRow())
        }
        return rows
    }

    /// Binds `values` (see `run(_:)` for an empty array) and calls `body`
    /// for each row, without collecting them: for exports that stream.
    ///
    /// `body` reads the current row from the statement it is given. The
    /// statement is rewound when the iteration ends, normally or by an
    /// error, so it does not keep a read transaction open.
    public func forEachRow(_ values: [SQLiteValue] = [], _ body: (Statement) throws -> Void) throws {
        try prepareToRun(values)
        defer { rewind() }
        while try step() {
            try body(self)
        }
    }

    private func prepareToRun(_ values: [SQLiteValue]) throws(SQLiteError) {
        if values.isEmpty && isBound {
            rewind()
        } else {
            try bind(values)
        }
    }
}

@available(*, unavailable)
extension Statement: Sendable {}
