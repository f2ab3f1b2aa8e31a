import Testing
import NianbaoSQLite

@Suite("Executing SQL and reporting errors")
struct ExecutionTests {
    @Test func executeRunsEveryStatementOfAScript() throws {
        let db = try Connection.inMemory()
        try db.execute("""
            -- a comment before the first statement
            CREATE TABLE bureau(id INTEGER PRIMARY KEY, name TEXT NOT NULL);
            INSERT INTO bureau(name) VALUES ('财政局');
            INSERT INTO bureau(name) VALUES ('教育局');
            SELECT * FROM bureau;   ;  /* rows are discarded; blank statements skipped */
            UPDATE bureau SET name = name || '（市）' WHERE id = 2;
            """)
        let rows = try db.rows("SELECT id, name FROM bureau ORDER BY id")
        #expect(rows.map { $0["name"] } == ["财政局", "教育局（市）"])
        #expect(rows.map { $0[0] } == [1, 2])
    }

    @Test func executeStopsAtTheFailingStatementAndNamesIt() throws {
        let db = try Connection.inMemory()
        let error = try #require(throws: SQLiteError.self) {
            try db.execute("""
                CREATE TABLE t(x NOT NULL);
                INSERT INTO t VALUES (1);
                INSERT INTO t VALUES (NULL);
                INSERT INTO t VALUES (3);
                """)
        }
        #expect(error.sql == "INSERT INTO t VALUES (NULL);")
        #expect(error.isConstraintViolation)
        // Statements before the failure stay executed; the ones after never ran.
        #expect(try db.scalar("SELECT group_concat(x) FROM t") == "1")
    }

    @Test func prepareRejectsTwoStatementsAndNone() throws {
        let db = try Connection.inMemory()
        let two = try #require(throws: SQLiteError.self) {
            try db.prepare("SELECT 1; SELECT 2")
        }
        #expect(two.primaryResultCode == SQLiteError.SQLITE_MISUSE)
        #expect(two.sql == "SELECT 1; SELECT 2")

        // A second statement that does not compile is still a second statement.
        #expect(throws: SQLiteError.self) {
            try db.prepare("SELECT 1; INSERT INTO nowhere VALUES (1)")
        }
        let none = try #require(throws: SQLiteError.self) {
            try db.prepare("  -- only a comment\n")
        }
        #expect(none.primaryResultCode == SQLiteError.SQLITE_MISUSE)

        // Trailing semicolons, blanks and comments are not statements.
        let one = try db.prepare("SELECT 1;  -- the answer\n ;")
        #expect(try one.rows().first?[0] == 1)
    }

    @Test func syntaxErrorCarriesTheSQL() throws {
        let db = try Connection.inMemory()
        let error = try #require(throws: SQLiteError.self) {
            try db.prepare("SELEKT 1")
        }
        #expect(error.resultCode == SQLiteError.SQLITE_ERROR)
        #expect(error.message.contains("syntax error"))
        #expect(error.sql == "SELEKT 1")
    }

    @Test func descriptionHoldsCodeMessageAndSQL() throws {
        let db = try Connection.inMemory()
        try db.execute("CREATE TABLE t(x NOT NULL)")
        let sql = "INSERT INTO t(x) VALUES (NULL)"
        let error = try #require(throws: SQLiteError.self) {
            try db.run(sql)
        }
        #expect(error.description == "SQLite error 19: NOT NULL constraint failed: t.x - while executing `\(sql)`")
        #expect(error.resultCode == 1299) // SQLITE_CONSTRAINT_NOTNULL

        let bare = SQLiteError(resultCode: 14, message: "unable to open database file")
        #expect(bare.description == "SQLite error 14: unable to open database file")
    }

    @Test func uniqueViolationHasPrimaryAndExtendedCodes() throws {
        let db = try Connection.inMemory()
        try db.execute("CREATE TABLE report(year INTEGER, bureau TEXT, UNIQUE(year, bureau))")
        try db.run("INSERT INTO report VALUES (?, ?)", [2023, "财政局"])
        let error = try #require(throws: SQLiteError.self) {
            try db.run("INSERT INTO report VALUES (?, ?)", [2023, "财政局"])
        }
        #expect(error.primaryResultCode == 19)
        #expect(error.primaryResultCode == SQLiteError.SQLITE_CONSTRAINT)
        #expect(error.resultCode == 2067) // SQLITE_CONSTRAINT_UNIQUE
        #expect(error.isConstraintViolation)
        #expect(error.message == "UNIQUE constraint failed: report.year, report.bureau")
    }

    @Test func runCountsChangesOfItsOwnStatementOnly() throws {
        let db = try Connection.inMemory()
        try db.execute("CREATE TABLE t(x)")
        #expect(try db.run("INSERT INTO t VALUES (1), (2), (3)") == 3)
        #expect(db.changes == 3)
        #expect(db.lastInsertRowID == 3)
        #expect(try db.run("UPDATE t SET x = x + 1 WHERE x >= 2") == 2)
        // sqlite3_changes would still say 2 here; run says what this statement did.
        #expect(try db.run("CREATE TABLE u(y)") == 0)
        #expect(try db.run("SELECT * FROM t") == 0)
        #expect(try db.run("DELETE FROM t") == 3)
    }

    @Test func scalarDistinguishesNoRowFromNull() throws {
        let db = try Connection.inMemory()
        try db.execute("CREATE TABLE t(x)")
        #expect(try db.scalar("SELECT x FROM t") == nil)
        try db.run("INSERT INTO t VALUES (NULL)")
        #expect(try db.scalar("SELECT x FROM t") == .null)
        #expect(try db.scalar("SELECT count(*) FROM t WHERE x IS ?", [nil]) == 1)
    }

    @Test func rowsGiveNamesAndValuesBySubscript() throws {
        let db = try Connection.inMemory()
        let rows = try db.rows("SELECT 1 AS Year, 'x' AS name, NULL AS absent")
        let row = try #require(rows.first)
        #expect(row.columnNames == ["Year", "name", "absent"])
        #expect(row["Year"] == 1)
        #expect(row["year"] == 1) // SQL names ignore ASCII case
        #expect(row["name"] == "x")
        #expect(row["absent"].isNull)
        #expect(row["missing"] == .null)
        #expect(row[1].string == "x")
    }
}
