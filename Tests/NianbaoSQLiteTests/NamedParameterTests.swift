import Testing
import NianbaoSQLite

@Suite("Named parameters")
struct NamedParameterTests {
    @Test func parameterNamesAreReportedAsWritten() throws {
        let db = try Connection.inMemory()
        let statement = try db.prepare("SELECT :year, $bureau, ?, @kind, :year, ?5")
        #expect(statement.parameterCount == 5)
        #expect(statement.parameterNames == [":year", "$bureau", nil, "@kind", "?5"])
        let none = try db.prepare("SELECT 1")
        #expect(none.parameterCount == 0)
        #expect(none.parameterNames.isEmpty)
    }

    @Test func bindNamedFillsEveryOccurrence() throws {
        let db = try Connection.inMemory()
        try db.execute("CREATE TABLE report(year INTEGER, bureau TEXT)")
        let insert = try db.prepare("INSERT INTO report(year, bureau) VALUES (:year, :bureau)")
        try insert.bind(named: [":year": 2023, ":bureau": "财政局", ":unused": "ignored"])
        #expect(try insert.run() == 1)
        // Bound values are kept for the next run until changed.
        #expect(try insert.run() == 1)
        try insert.bind(named: [":bureau": "教育局", ":year": 2024])
        try insert.run()

        let select = try db.prepare("SELECT bureau FROM report WHERE year = :year OR year = :year + 1 ORDER BY rowid")
        try select.bind(named: [":year": 2023])
        #expect(try select.rows() == [
            Row(columnNames: ["bureau"], values: ["财政局"]),
            Row(columnNames: ["bureau"], values: ["财政局"]),
            Row(columnNames: ["bureau"], values: ["教育局"]),
        ])
    }

    @Test func missingNameIsAnErrorThatNamesIt() throws {
        let db = try Connection.inMemory()
        let statement = try db.prepare("SELECT :year, :bureau")
        let error = try #require(throws: SQLiteError.self) {
            try statement.bind(named: [":year": 2023])
        }
        #expect(error.primaryResultCode == SQLiteError.SQLITE_RANGE)
        #expect(error.message.contains(":bureau"))
        #expect(error.description.contains(":bureau"))
        // Keys are matched with their prefix.
        #expect(throws: SQLiteError.self) {
            try statement.bind(named: ["year": 2023, "bureau": "x"])
        }
        // After a failed bind the statement does not run on half its values.
        #expect(throws: SQLiteError.self) {
            try statement.rows()
        }
    }

    @Test func anonymousParameterCannotBeBoundByName() throws {
        let db = try Connection.inMemory()
        let statement = try db.prepare("SELECT :year, ?")
        let error = try #require(throws: SQLiteError.self) {
            try statement.bind(named: [":year": 1])
        }
        #expect(error.primaryResultCode == SQLiteError.SQLITE_RANGE)
        #expect(error.message.contains("2"))
    }
}
