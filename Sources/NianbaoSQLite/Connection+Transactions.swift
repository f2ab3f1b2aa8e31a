extension Connection {
    /// How BEGIN takes its locks (lang_transaction.html).
    public enum TransactionKind: String, Sendable {
        /// No lock until the first read or write.
        case deferred = "DEFERRED"
        /// "IMMEDIATE cause[s] the database connection to start a new write
        /// immediately, without waiting for a write statement."
        case immediate = "IMMEDIATE"
        /// Like IMMEDIATE; in rollback-journal mode it also keeps readers out.
        case exclusive = "EXCLUSIVE"
    }

    /// Runs `body` inside BEGIN `kind` … COMMIT, and rolls back if it throws.
    ///
    /// The default is IMMEDIATE because a DEFERRED transaction that reads and
    /// then writes must upgrade its lock mid-way, and that upgrade fails
    /// without waiting for the busy timeout: "If a write statement occurs
    /// while a read transaction is active, then the read transaction is
    /// upgraded to a write transaction if possible. If some other database
    /// connection has already modified the database or is already in the
    /// process of modifying the database, then upgrading to a write
    /// transaction is not possible and the write statement will fail with
    /// SQLITE_BUSY." Taking the write lock at BEGIN makes a competing writer
    /// wait at BEGIN, where the busy timeout applies, instead.
    ///
    /// When `body` throws, ROLLBACK is issued only if a transaction is still
    /// open, since SQLite may already have rolled it back by itself: errors
    /// "including SQLITE_FULL, SQLITE_IOERR, SQLITE_NOMEM, SQLITE_BUSY, and
    /// SQLITE_INTERRUPT" mean "the transaction might be rolled back
    /// automatically. The only way to find out whether SQLite automatically
    /// rolled back the transaction after an error is to use"
    /// sqlite3_get_autocommit. The body's error is rethrown unchanged: the
    /// first error wins, and a failed ROLLBACK does not hide it.
    ///
    /// If COMMIT itself fails (SQLITE_BUSY when a reader outlasts the busy
    /// timeout, or a deferred foreign key violation), the transaction is
    /// rolled back rather than left open, and COMMIT's error is thrown.
    ///
    /// Transactions do not nest: "An attempt to invoke the BEGIN command
    /// within a transaction will fail with an error". Use `savepoint` inside.
    ///
    /// The result is discardable, so that a one-line body such as
    /// `{ try db.run(sql) }`, whose value is the change count, needs no `_ =`.
    @discardableResult
    public func transaction<T>(_ kind: TransactionKind = .immediate, _ body: () throws -> T) throws -> T {
        try execute("BEGIN \(kind.rawValue) TRANSACTION")
        let result: T
        do {
            result = try body()
        } catch {
            rollbackIfStillInsideTransaction()
            throw error
        }
        do {
            try execute("COMMIT TRANSACTION")
        } catch {
            rollbackIfStillInsideTransaction()
            throw error
        }
        return result
    }

    /// Runs `body` inside SAVEPOINT `name` … RELEASE, and undoes only the
    /// body's own changes if it throws.
    ///
    /// Inside a transaction this nests: on error, ROLLBACK TO undoes the
    /// body's writes and RELEASE removes the savepoint, and the outer
    /// transaction goes on. ROLLBACK TO alone would not do: "unlike that
    /// plain ROLLBACK command (without the TO keyword) the ROLLBACK TO command
    /// does not cancel the transaction. Instead of cancelling the
    /// transaction, the ROLLBACK TO command restarts the transaction again at
    /// the beginning" — the savepoint stays on the stack until RELEASE.
    ///
    /// Outside a transaction it stands alone: "When a SAVEPOINT is the
    /// outer-most savepoint and it is not within a BEGIN...COMMIT then the
    /// behavior is the same as BEGIN DEFERRED TRANSACTION", and "If a RELEASE
    /// command releases the outermost savepoint, so that the transaction
    /// stack becomes empty, then RELEASE is the same as COMMIT."
    ///
    /// As in `transaction`, nothing is rolled back when SQLite has already
    /// ended the transaction, and the body's error is rethrown unchanged.
    /// The name is quoted as an SQL identifier, so any text is safe.
    @discardableResult
    public func savepoint<T>(_ name: String = "nianbao", _ body: () throws -> T) throws -> T {
        let quotedName = "\"" + name.replacing("\"", with: "\"\"") + "\""
        let startedTransaction = !isInsideTransaction
        try execute("SAVEPOINT \(quotedName)")
        let result: T
        do {
            result = try body()
        } catch {
            if isInsideTransaction {
                try? execute("ROLLBACK TRANSACTION TO SAVEPOINT \(quotedName)")
                try? execute("RELEASE SAVEPOINT \(quotedName)")
            }
            throw error
        }
        do {
            try execute("RELEASE SAVEPOINT \(quotedName)")
        } catch {
            // Only the outermost RELEASE commits, and so only it can fail
            // for lack of a lock: then the transaction the savepoint opened
            // is rolled back rather than left open. A nested RELEASE that
            // fails leaves the outer transaction to its owner.
            if startedTransaction {
                rollbackIfStillInsideTransaction()
            }
            throw error
        }
        return result
    }

    private func rollbackIfStillInsideTransaction() {
        guard isInsideTransaction else { return }
        // Ignored on purpose: the error worth reporting is the one that led
        // here. If ROLLBACK fails, SQLite has nothing left to undo.
        try? execute("ROLLBACK TRANSACTION")
    }
}
