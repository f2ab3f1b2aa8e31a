import Testing
import NianbaoSQLite

@Suite("Statements")
struct StatementTests {
    @Test func readOnlyStatementsAreRecognised() throws {
        let db = try Connection.inMemory()
        try db.execute("CREATE TABLE t(x)")
        #expect(try db.prepare("SELECT x FROM t").isReadOnly)
        #expect(try !db.prepare("UPDATE t SET x = 1").isReadOnly)
        #expect(try !db.prepare("INSERT INTO t VALUES (1)").isReadOnly)
        #expect(try !db.prepare("CREATE TABLE u(y)").isReadOnly)
    }

    @Test func columnsAreDescribed() throws {
        let db = try Connection.inMemory()
        try db.execute("CREATE TABLE t(year INTEGER, bureau TEXT)")
        let select = try db.prepare("SELECT year, bureau AS 机关 FROM t")
        #expect(select.columnCount == 2)
        #expect(select.columnNames == ["year", "机关"])
        let insert = try db.prepare("INSERT INTO t VALUES (1, 'a')")
        #expect(insert.columnCount == 0)
        #expect(insert.columnNames == [])
        #expect(select.sql == "SELECT year, bureau AS 机关 FROM t")
    }

    @Test func forEachRowStreamsAndStopsOnError() throws {
        let db = try Connection.inMemory()
        let statement = try db.prepare("SELECT value FROM json_each(?)")
        var seen: [SQLiteValue] = []
        try statement.forEachRow(["[10, 20, 30]"]) { row in
            seen.append(row.value(at: 0))
        }
        #expect(seen == [10, 20, 30])

        struct Stop: Error {}
        var count = 0
        #expect(throws: Stop.self) {
            try statement.forEachRow(["[1, 2, 3]"]) { _ in
                count += 1
                if count == 2 { throw Stop() }
            }
        }
        #expect(count == 2)
        // The statement was rewound and can run again.
        #expect(try statement.rows(["[5]"]).map { $0[0] } == [5])
    }

    @Test func runWithoutArgumentsReusesBoundValues() throws {
        let db = try Connection.inMemory()
        try db.execute("CREATE TABLE t(x)")
        let insert = try db.prepare("INSERT INTO t VALUES (?)")
        try insert.bind([7])
        try insert.run()
        try insert.run()
        insert.reset()
        // After reset nothing is bound, and running anyway is refused.
        let error = try #require(throws: SQLiteError.self) {
            try insert.run()
        }
        #expect(error.primaryResultCode == SQLiteError.SQLITE_RANGE)
        #expect(try db.rows("SELECT x FROM t").map { $0[0] } == [7, 7])
    }

    @Test func stepErrorCarriesTheStatementSQL() throws {
        let db = try Connection.inMemory()
        try db.execute("CREATE TABLE t(x CHECK (x > 0))")
        let insert = try db.prepare("INSERT INTO t VALUES (?)")
        try insert.bind([-1])
        let error = try #require(throws: SQLiteError.self) {
            _ = try insert.step()
        }
        #expect(error.sql == "INSERT INTO t VALUES (?)")
        #expect(error.resultCode == 275) // SQLITE_CONSTRAINT_CHECK
        #expect(error.message.contains("CHECK constraint failed"))
    }
}
