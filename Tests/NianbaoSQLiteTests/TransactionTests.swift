import Testing
import NianbaoSQLite

@Suite("Transactions and savepoints")
struct TransactionTests {
    struct BodyError: Error, Equatable {
        let reason: String
    }

    static func makeDatabase() throws -> Connection {
        let db = try Connection.inMemory()
        try db.execute("CREATE TABLE t(x INTEGER)")
        return db
    }

    static func values(_ db: Connection) throws -> [SQLiteValue] {
        try db.rows("SELECT x FROM t ORDER BY rowid").map { $0[0] }
    }

    @Test func transactionCommitsAndReturnsTheBodyResult() throws {
        let db = try Self.makeDatabase()
        let result = try db.transaction {
            #expect(db.isInsideTransaction)
            try db.run("INSERT INTO t VALUES (1)")
            try db.run("INSERT INTO t VALUES (2)")
            return "done"
        }
        #expect(result == "done")
        #expect(!db.isInsideTransaction)
        #expect(try Self.values(db) == [1, 2])
    }

    @Test func throwingBodyRollsBackAndRethrowsItsOwnError() throws {
        let db = try Self.makeDatabase()
        try db.run("INSERT INTO t VALUES (0)")
        let error = try #require(throws: BodyError.self) {
            try db.transaction {
                try db.run("INSERT INTO t VALUES (1)")
                throw BodyError(reason: "validation failed")
            }
        }
        #expect(error == BodyError(reason: "validation failed"))
        #expect(!db.isInsideTransaction)
        #expect(try Self.values(db) == [0])
    }

    @Test func bodyErrorWinsWhenSQLiteAlreadyRolledBack() throws {
        let db = try Connection.inMemory()
        try db.execute("CREATE TABLE t(x UNIQUE ON CONFLICT ROLLBACK)")
        let error = try #require(throws: SQLiteError.self) {
            try db.transaction {
                try db.run("INSERT INTO t VALUES (1)")
                // ON CONFLICT ROLLBACK ends the whole transaction inside SQLite.
                try db.run("INSERT INTO t VALUES (1)")
            }
        }
        #expect(error.isConstraintViolation)
        #expect(!db.isInsideTransaction)
        #expect(try db.scalar("SELECT count(*) FROM t") == 0)
        // The connection is usable for a new transaction.
        try db.transaction { try db.run("INSERT INTO t VALUES (2)") }
        #expect(try db.scalar("SELECT count(*) FROM t") == 1)
    }

    @Test func transactionsDoNotNest() throws {
        let db = try Self.makeDatabase()
        let error = try #require(throws: SQLiteError.self) {
            try db.transaction {
                try db.transaction { try db.run("INSERT INTO t VALUES (1)") }
            }
        }
        #expect(error.message.contains("within a transaction"))
        #expect(!db.isInsideTransaction)
        #expect(try Self.values(db) == [])
    }

    @Test func defaultTransactionTakesTheWriteLockAtBegin() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("locks.sqlite")
        let a = try Connection(path: path)
        try a.execute("CREATE TABLE t(x)")
        let b = try Connection(path: path, busyTimeoutMilliseconds: 0)

        // Default kind: A holds the write lock before writing anything.
        try a.transaction {
            let error = try #require(throws: SQLiteError.self) {
                try b.execute("BEGIN IMMEDIATE")
            }
            #expect(error.primaryResultCode == SQLiteError.SQLITE_BUSY)
            #expect(!b.isInsideTransaction)
        }

        // Deferred, for contrast: no lock until the first write, so B gets in.
        try a.transaction(.deferred) {
            try b.execute("BEGIN IMMEDIATE")
            try b.execute("ROLLBACK")
        }
    }

    @Test func failingSavepointInsideTransactionUndoesOnlyItsOwnWrites() throws {
        let db = try Self.makeDatabase()
        try db.transaction {
            try db.run("INSERT INTO t VALUES (1)")
            #expect(throws: BodyError.self) {
                try db.savepoint {
                    try db.run("INSERT INTO t VALUES (2)")
                    throw BodyError(reason: "bad row")
                }
            }
            #expect(db.isInsideTransaction)
            try db.savepoint("second") {
                try db.run("INSERT INTO t VALUES (3)")
            }
            try db.run("INSERT INTO t VALUES (4)")
        }
        #expect(try Self.values(db) == [1, 3, 4])
    }

    @Test func nestedSavepointsWithOddNames() throws {
        let db = try Self.makeDatabase()
        try db.savepoint("outer \"quoted\" 名") {
            try db.run("INSERT INTO t VALUES (1)")
            try? db.savepoint("inner; DROP TABLE t; --") {
                try db.run("INSERT INTO t VALUES (2)")
                throw BodyError(reason: "inner")
            }
            try db.run("INSERT INTO t VALUES (3)")
        }
        #expect(!db.isInsideTransaction)
        #expect(try Self.values(db) == [1, 3])
    }

    @Test func savepointOutsideTransactionStandsAlone() throws {
        let db = try Self.makeDatabase()
        let result = try db.savepoint {
            #expect(db.isInsideTransaction)
            try db.run("INSERT INTO t VALUES (1)")
            return 42
        }
        #expect(result == 42)
        #expect(!db.isInsideTransaction) // the outermost RELEASE committed
        #expect(try Self.values(db) == [1])

        #expect(throws: BodyError.self) {
            try db.savepoint {
                try db.run("INSERT INTO t VALUES (2)")
                throw BodyError(reason: "nope")
            }
        }
        #expect(!db.isInsideTransaction)
        #expect(try Self.values(db) == [1])
    }
}
