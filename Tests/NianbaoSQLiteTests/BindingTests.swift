import Testing
import NianbaoSQLite

@Suite("Binding values")
struct BindingTests {
    static let values: [SQLiteValue] = [
        .null,
        .integer(0),
        .integer(-1),
        .integer(Int64.max),
        .integer(Int64.min),
        .real(3.25),
        .real(-0.1),
        .real(1e300),
        .text("2023年政府信息公开工作年度报告"),
        .text(""),
        .text("a\0b"),
        .text("emoji 🧾 and combining é"),
        .blob([]),
        .blob([0]),
        .blob([0, 1, 2, 254, 255]),
    ]

    /// SQLite's name for each storage class, as typeof() reports it.
    static func typeName(_ value: SQLiteValue) -> String {
        switch value {
        case .null: "null"
        case .integer: "integer"
        case .real: "real"
        case .text: "text"
        case .blob: "blob"
        }
    }

    @Test(arguments: values)
    func valueRoundTripsThroughATable(_ value: SQLiteValue) throws {
        let db = try Connection.inMemory()
        // No declared type, so no affinity converts what is stored.
        try db.execute("CREATE TABLE v(value)")
        try db.run("INSERT INTO v(value) VALUES (?)", [value])
        let row = try #require(try db.rows("SELECT value, typeof(value) FROM v").first)
        #expect(row[0] == value)
        #expect(row[1] == .text(Self.typeName(value)))
    }

    @Test(arguments: values)
    func valueRoundTripsThroughAParameter(_ value: SQLiteValue) throws {
        let db = try Connection.inMemory()
        #expect(try db.scalar("SELECT ?", [value]) == value)
    }

    @Test func emptyTextAndEmptyBlobAreNotNull() throws {
        let db = try Connection.inMemory()
        let row = try #require(try db.rows("SELECT ? IS NULL, ? IS NULL, ? IS NULL", ["", .blob([]), nil]).first)
        #expect(row.values == [0, 0, 1])
    }

    @Test func textWithEmbeddedNulIsStoredWhole() throws {
        let db = try Connection.inMemory()
        let value = try #require(try db.scalar("SELECT length(CAST(? AS BLOB))", ["a\0b"]))
        #expect(value == 3)
        let bytes = try #require(try db.scalar("SELECT CAST(? AS BLOB)", ["a\0b"]))
        #expect(bytes == .blob([0x61, 0x00, 0x62]))
    }

    @Test func chineseTextIsStoredAsUTF8() throws {
        let db = try Connection.inMemory()
        let text = "依申请公开"
        #expect(try db.scalar("SELECT length(?)", [.text(text)]) == 5) // characters
        #expect(try db.scalar("SELECT length(CAST(? AS BLOB))", [.text(text)]) == 15) // UTF-8 bytes
    }

    @Test func wrongArgumentCountIsARangeError() throws {
        let db = try Connection.inMemory()
        let tooFew = try #require(throws: SQLiteError.self) {
            try db.scalar("SELECT ? + ?", [1])
        }
        #expect(tooFew.primaryResultCode == SQLiteError.SQLITE_RANGE)
        #expect(tooFew.sql == "SELECT ? + ?")
        let tooMany = try #require(throws: SQLiteError.self) {
            try db.run("SELECT 1", [1])
        }
        #expect(tooMany.primaryResultCode == SQLiteError.SQLITE_RANGE)
        let none = try #require(throws: SQLiteError.self) {
            try db.rows("SELECT ?")
        }
        #expect(none.primaryResultCode == SQLiteError.SQLITE_RANGE)
        // The statement is still usable afterwards.
        #expect(try db.scalar("SELECT ? + ?", [1, 2]) == 3)
    }

    @Test func literalsBuildTheExpectedCases() {
        let values: [SQLiteValue] = [nil, 42, 2.5, "文"]
        #expect(values == [.null, .integer(42), .real(2.5), .text("文")])
        #expect(SQLiteValue.null.isNull)
        #expect(!SQLiteValue.text("").isNull)
        #expect(SQLiteValue.integer(4).int64 == 4)
        #expect(SQLiteValue.real(4).int64 == nil)
        #expect(SQLiteValue.integer(4).double == 4)
        #expect(SQLiteValue.real(0.5).double == 0.5)
        #expect(SQLiteValue.text("4").double == nil)
        #expect(SQLiteValue.text("4").string == "4")
        #expect(SQLiteValue.blob([52]).string == nil)
        #expect(SQLiteValue.blob([52]).blob == [52])
    }
}
