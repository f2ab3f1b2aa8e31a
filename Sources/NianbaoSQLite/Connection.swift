internal import CSQLite

/// A connection to one SQLite database, used from one thread at a time.
///
/// It is opened in SQLite's "multi-thread" mode (SQLITE_OPEN_NOMUTEX): "separate
/// threads are allowed to use SQLite at the same time, as long as each thread
/// is using a different database connection". The type is not `Sendable`, so
/// the compiler enforces that rule instead of a mutex on every call.
///
/// Result codes are extended (SQLITE_OPEN_EXRESCODE), so that errors tell
/// which constraint failed, not only that one did.
public final class Connection {
    /// How the database file is opened.
    public enum OpenMode: Sendable {
        /// Read and write; the file is created if it does not exist.
        case readWrite
        /// Read only; the file must exist. Writes fail with SQLITE_READONLY.
        case readOnly
    }

    /// The path given when opening (":memory:" for an in-memory database).
    public let path: String

    let handle: ConnectionHandle

    /// Prepared statements kept for reuse, keyed by their SQL text.
    private var statementCache: [String: Statement] = [:]

    /// Opens the database at `path`.
    ///
    /// sqlite3_open_v2 usually hands back a handle even when it fails:
    /// "Whether or not an error occurs when it is opened, resources associated
    /// with the database connection handle should be released by passing it
    /// to sqlite3_close() when it is no longer required." So the half-open
    /// handle is closed before the error is thrown.
    ///
    /// Opening is lazy: a file that is not a database opens fine and fails
    /// with SQLITE_NOTADB on the first statement that reads it.
    ///
    /// The busy timeout makes a statement that meets another connection's
    /// lock wait: the handler "sleeps for a specified amount of time when a
    /// table is locked ... until at least "ms" milliseconds of sleeping have
    /// accumulated", then the statement fails with SQLITE_BUSY. 0 or less
    /// means fail at once.
    public init(path: String, mode: OpenMode = .readWrite, busyTimeoutMilliseconds: Int32 = 5000) throws(SQLiteError) {
        var flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        switch mode {
        case .readWrite: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
        case .readOnly: flags |= SQLITE_OPEN_READONLY
        }
        var database: OpaquePointer?
        let code = sqlite3_open_v2(path, &database, flags, nil)
        guard code == SQLITE_OK, let database else {
            let failure = SQLiteError(code: code == SQLITE_OK ? SQLITE_NOMEM : code, connection: database, sql: nil)
            // "Calling sqlite3_close() or sqlite3_close_v2() with a NULL
            // pointer argument is a harmless no-op."
            sqlite3_close_v2(database)
            throw SQLiteError(resultCode: failure.resultCode, message: "\(failure.message) (path: \(path))", sql: nil)
        }
        let timeoutCode = sqlite3_busy_timeout(database, busyTimeoutMilliseconds)
        guard timeoutCode == SQLITE_OK else {
            let failure = SQLiteError(code: timeoutCode, connection: database, sql: nil)
            sqlite3_close_v2(database)
            throw failure
        }
        self.path = path
        self.handle = ConnectionHandle(database)
    }

    /// A new, private, empty database in memory, gone when the connection is.
    public static func inMemory() throws(SQLiteError) -> Connection {
        try Connection(path: ":memory:")
    }

    deinit {
        // Dropping the cache finalizes every cached statement no caller still
        // holds; the handle closes (sqlite3_close_v2) when the last statement
        // using it is gone.
        statementCache.removeAll()
    }

    // MARK: - State

    /// True when the main database cannot be written: opened `.readOnly`, or
    /// a file the process may not write (sqlite3_db_readonly).
    public var isReadOnly: Bool {
        sqlite3_db_readonly(handle.pointer, "main") == 1
    }

    /// The rowid of the most recent successful INSERT into a rowid table on
    /// this connection (sqlite3_last_insert_rowid); 0 if there was none.
    public var lastInsertRowID: Int64 {
        sqlite3_last_insert_rowid(handle.pointer)
    }

    /// The rows changed by the most recently *completed* INSERT, UPDATE or
    /// DELETE (sqlite3_changes64). Other statements leave it as it was;
    /// `run(_:_:)` returns a count that does not have that surprise.
    public var changes: Int {
        Int(sqlite3_changes64(handle.pointer))
    }

    /// True between BEGIN (or an outermost SAVEPOINT) and its end.
    ///
    /// Read from sqlite3_get_autocommit, not tracked here, because SQLite
    /// may end a transaction by itself: "If certain kinds of errors occur on
    /// a statement within a multi-statement transaction (errors including
    /// SQLITE_FULL, SQLITE_IOERR, SQLITE_NOMEM, SQLITE_BUSY, and
    /// SQLITE_INTERRUPT) then the transaction might be rolled back
    /// automatically. The only way to find out whether SQLite automatically
    /// rolled back the transaction after an error is to use this function."
    public var isInsideTransaction: Bool {
        sqlite3_get_autocommit(handle.pointer) == 0
    }

    // MARK: - Executing SQL text

    /// Runs SQL text that may hold several statements, discarding any rows.
    ///
    /// Each statement is prepared, stepped to completion and finalized in
    /// turn, following the tail pointer of sqlite3_prepare_v3: "*pzTail is
    /// made to point to the first byte past the end of the first SQL
    /// statement in zSql. These routines only compile the first statement
    /// in zSql, so *pzTail is left pointing to what remains uncompiled."
    /// Statements before a failing one stay executed: wrap the call in
    /// `transaction` for all or nothing. An error names the statement that
    /// failed (for a syntax error, the text from that statement on).
    public func execute(_ sql: String) throws(SQLiteError) {
        let database = handle.pointer
        let outcome: Result<Void, SQLiteError> = sql.withCString { start in
            var next: UnsafePointer<CChar>? = start
            while let current = next, current.pointee != 0 {
                var statement: OpaquePointer?
                let code = sqlite3_prepare_v3(database, current, -1, 0, &statement, &next)
                guard code == SQLITE_OK else {
                    return .failure(SQLiteError(code: code, connection: database, sql: Self.trimmed(String(cString: current))))
                }
                // "If the input text contains no SQL (if the input is an
                // empty string or a comment) then *ppStmt is set to NULL."
                guard let statement else { continue }
                defer { sqlite3_finalize(statement) }
                var stepCode: Int32
                repeat {
                    stepCode = sqlite3_step(statement)
                } while stepCode == SQLITE_ROW
                guard stepCode == SQLITE_DONE else {
                    let text = sqlite3_sql(statement).map { Self.trimmed(String(cString: $0)) } ?? sql
                    return .failure(SQLiteError(code: stepCode, connection: database, sql: text))
                }
            }
            return .success(())
        }
        try outcome.get()
    }

    /// Prepares exactly one statement.
    ///
    /// Throws SQLITE_MISUSE when the text holds no statement (only blanks or
    /// comments) or more than one: SQLite would silently compile the first
    /// and ignore the rest. Use `execute(_:)` for scripts.
    public func prepare(_ sql: String) throws(SQLiteError) -> Statement {
        try makeStatement(sql, flags: 0)
    }

    /// A prepared statement for `sql`, reused across calls with the same text.
    ///
    /// The statement is reset and its bindings cleared before it is returned,
    /// so it never carries values from an earlier use. It is prepared with
    /// SQLITE_PREPARE_PERSISTENT, "a hint to the query planner that the
    /// prepared statement will be retained for a long time and probably
    /// reused many times" (GRDB does the same).
    ///
    /// Two exceptions keep reuse safe. A statement whose last step failed is
    /// dropped and prepared anew. A statement that is still in the middle of
    /// its rows (a caller is iterating it, perhaps up the call stack) is not
    /// reset under that caller's feet: a fresh, uncached statement is
    /// returned instead.
    public func cachedStatement(_ sql: String) throws(SQLiteError) -> Statement {
        if let statement = statementCache[sql] {
            if statement.hasFailed {
                statementCache[sql] = nil
            } else if statement.isBusy {
                return try makeStatement(sql, flags: UInt32(SQLITE_PREPARE_PERSISTENT))
            } else {
                statement.reset()
                return statement
            }
        }
        let statement = try makeStatement(sql, flags: UInt32(SQLITE_PREPARE_PERSISTENT))
        statementCache[sql] = statement
        return statement
    }

    // MARK: - Conveniences

    /// Runs one statement with `arguments` and returns the number of rows it
    /// inserted, updated or deleted (0 for statements that change nothing).
    @discardableResult
    public func run(_ sql: String, _ arguments: [SQLiteValue] = []) throws(SQLiteError) -> Int {
        try withCachedStatement(sql) { statement throws(SQLiteError) in
            try statement.run(arguments)
        }
    }

    /// Runs one statement with `arguments` and returns all its rows.
    public func rows(_ sql: String, _ arguments: [SQLiteValue] = []) throws(SQLiteError) -> [Row] {
        try withCachedStatement(sql) { statement throws(SQLiteError) in
            try statement.rows(arguments)
        }
    }

    /// The first column of the first row, or nil when there is no row.
    /// A NULL in that place is `.null`, not nil.
    public func scalar(_ sql: String, _ arguments: [SQLiteValue] = []) throws(SQLiteError) -> SQLiteValue? {
        try withCachedStatement(sql) { statement throws(SQLiteError) in
            try statement.bind(arguments)
            guard try statement.step(), statement.columnCount > 0 else { return nil }
            return statement.value(at: 0)
        }
    }

    /// PRAGMA user_version: a 32-bit integer in the database header that
    /// SQLite itself never uses, free for the application's schema version.
    public func userVersion() throws(SQLiteError) -> Int {
        guard let version = try scalar("PRAGMA user_version")?.int64 else {
            throw SQLiteError(resultCode: SQLiteError.SQLITE_ERROR, message: "PRAGMA user_version returned no integer", sql: "PRAGMA user_version")
        }
        return Int(version)
    }

    /// Sets PRAGMA user_version.
    ///
    /// PRAGMA values cannot be bound as parameters, so the integer is written
    /// into the SQL (safe: it is an `Int`). The header field holds 32 bits,
    /// so values outside `Int32` throw SQLITE_RANGE instead of being stored
    /// truncated.
    public func setUserVersion(_ version: Int) throws(SQLiteError) {
        guard Int32(exactly: version) != nil else {
            throw SQLiteError(resultCode: SQLiteError.SQLITE_RANGE, message: "user_version \(version) does not fit in 32 bits", sql: nil)
        }
        try execute("PRAGMA user_version = \(version)")
    }

    // MARK: - Internals

    /// Runs `body` with the cached statement for `sql`, then rewinds the
    /// statement so it holds no read transaction open, and drops it from the
    /// cache if it failed.
    private func withCachedStatement<T>(
        _ sql: String,
        _ body: (Statement) throws(SQLiteError) -> T
    ) throws(SQLiteError) -> T {
        let statement = try cachedStatement(sql)
        defer { statement.reset() }
        do throws(SQLiteError) {
            return try body(statement)
        } catch {
            if statementCache[sql] === statement, statement.hasFailed {
                statementCache[sql] = nil
            }
            throw error
        }
    }

    private func makeStatement(_ sql: String, flags: UInt32) throws(SQLiteError) -> Statement {
        let database = handle.pointer
        let outcome: Result<OpaquePointer, SQLiteError> = sql.withCString { start in
            var statement: OpaquePointer?
            var tail: UnsafePointer<CChar>?
            let code = sqlite3_prepare_v3(database, start, -1, flags, &statement, &tail)
            guard code == SQLITE_OK else {
                return .failure(SQLiteError(code: code, connection: database, sql: sql))
            }
            guard let statement else {
                return .failure(SQLiteError(resultCode: SQLiteError.SQLITE_MISUSE, message: "no SQL statement to prepare", sql: sql))
            }
            if let tail, Self.holdsStatement(tail, database: database) {
                sqlite3_finalize(statement)
                return .failure(SQLiteError(
                    resultCode: SQLiteError.SQLITE_MISUSE,
                    message: "more than one SQL statement given to prepare; use execute for scripts",
                    sql: sql))
            }
            return .success(statement)
        }
        return Statement(connection: handle, pointer: try outcome.get(), sql: sql)
    }

    /// True when `text` holds anything but blanks, semicolons and comments.
    /// Text that does not even compile counts as a statement: it is not blank.
    private static func holdsStatement(_ text: UnsafePointer<CChar>, database: OpaquePointer) -> Bool {
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v3(database, text, -1, 0, &statement, nil)
        // "Invoking sqlite3_finalize() on a NULL pointer is a harmless no-op."
        sqlite3_finalize(statement)
        return code != SQLITE_OK || statement != nil
    }

    private static func trimmed(_ text: String) -> String {
        guard let first = text.firstIndex(where: { !$0.isWhitespace }),
              let last = text.lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(text[first...last])
    }
}

@available(*, unavailable)
extension Connection: Sendable {}
