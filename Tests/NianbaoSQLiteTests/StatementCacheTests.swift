import Testing
import NianbaoSQLite

@Suite("Statement cache")
struct StatementCacheTests {
    @Test func cachedStatementIsReusedAndComesBackClean() throws {
        let db = try Connection.inMemory()
        let sql = "SELECT ?, ?"
        let first = try db.cachedStatement(sql)
        #expect(try first.rows([1, "one"]).first?.values == [1, "one"])

        let second = try db.cachedStatement(sql)
        #expect(second === first)
        // Bindings were cleared: stepping without binding sees NULLs, not 1 and "one".
        #expect(try second.step())
        #expect(second.currentRow().values == [.null, .null])

        // A different text is a different statement.
        #expect(try db.cachedStatement("SELECT ?,  ?") !== first)
    }

    @Test func cachedStatementThatStoppedMidwayIsResetOnReuse() throws {
        let db = try Connection.inMemory()
        let sql = "SELECT value FROM json_each('[1,2,3]')"
        let statement = try db.cachedStatement(sql)
        #expect(try statement.step())
        #expect(statement.value(at: 0) == 1)
        #expect(try statement.step())
        #expect(statement.value(at: 0) == 2)
        while try statement.step() {}

        let again = try db.cachedStatement(sql)
        #expect(again === statement)
        #expect(try again.step())
        #expect(again.value(at: 0) == 1)
    }

    @Test func statementInUseIsNotResetUnderItsCaller() throws {
        let db = try Connection.inMemory()
        let sql = "SELECT value FROM json_each('[1,2,3]')"
        let outer = try db.cachedStatement(sql)
        var seen: [SQLiteValue] = []
        var innerCounts: [Int] = []
        try outer.forEachRow { statement in
            seen.append(statement.value(at: 0))
            // Were the outer statement reset by the inner use, it would start
            // over forever: stop rather than hang.
            if seen.count > 3 { throw SQLiteError(resultCode: 1, message: "outer iteration restarted") }
            // The same SQL, used while the outer iteration is still going.
            innerCounts.append(try db.rows(sql).count)
        }
        #expect(seen == [1, 2, 3])
        #expect(innerCounts == [3, 3, 3])
        // Once the iteration is over, the cached statement is the one handed out.
        #expect(try db.cachedStatement(sql) === outer)
    }

    @Test func failedStatementIsEvicted() throws {
        let db = try Connection.inMemory()
        try db.execute("CREATE TABLE t(x UNIQUE)")
        let sql = "INSERT INTO t(x) VALUES (?)"
        let statement = try db.cachedStatement(sql)
        try statement.run([1])
        #expect(try db.cachedStatement(sql) === statement)
        #expect(throws: SQLiteError.self) {
            try statement.run([1])
        }
        let replacement = try db.cachedStatement(sql)
        #expect(replacement !== statement)
        #expect(try replacement.run([2]) == 1)
    }

    @Test func conveniencesEvictFailedStatementsAndKeepWorking() throws {
        let db = try Connection.inMemory()
        try db.execute("CREATE TABLE t(x UNIQUE)")
        let sql = "INSERT INTO t(x) VALUES (?)"
        try db.run(sql, [1])
        let before = try db.cachedStatement(sql)
        #expect(throws: SQLiteError.self) {
            try db.run(sql, [1])
        }
        #expect(try db.cachedStatement(sql) !== before)
        try db.run(sql, [2])
        #expect(try db.scalar("SELECT count(*) FROM t") == 2)
    }

    @Test func conveniencesDoNotLeaveStatementsRunning() throws {
        let db = try Connection.inMemory()
        let sql = "SELECT value FROM json_each('[1,2,3]')"
        let statement = try db.cachedStatement(sql)
        // scalar reads one row of three; the statement must not stay mid-way,
        // or the cache would hand out a fresh statement next time.
        #expect(try db.scalar(sql) == 1)
        #expect(try db.cachedStatement(sql) === statement)
        #expect(try db.rows(sql).count == 3)
        #expect(try db.cachedStatement(sql) === statement)
    }
}
