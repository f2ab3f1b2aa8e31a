import Foundation
import Testing
import NianbaoSQLite

@Suite("Opening databases")
struct OpeningTests {
    @Test func inMemoryDatabaseIsWritableAndPrivate() throws {
        let first = try Connection.inMemory()
        let second = try Connection.inMemory()
        #expect(first.path == ":memory:")
        #expect(!first.isReadOnly)
        try first.execute("CREATE TABLE t(x)")
        try first.run("INSERT INTO t(x) VALUES (1)")
        #expect(try first.scalar("SELECT count(*) FROM t") == 1)
        // Another in-memory connection is another database.
        let missing = try #require(throws: SQLiteError.self) {
            try second.scalar("SELECT count(*) FROM t")
        }
        #expect(missing.primaryResultCode == SQLiteError.SQLITE_ERROR)
        #expect(missing.message.contains("no such table"))
    }

    @Test func fileDatabaseIsCreatedAndPersists() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("created.sqlite")
        #expect(!FileManager.default.fileExists(atPath: path))
        do {
            let connection = try Connection(path: path)
            #expect(connection.path == path)
            try connection.execute("CREATE TABLE t(x); INSERT INTO t VALUES ('kept');")
        }
        #expect(FileManager.default.fileExists(atPath: path))
        let reopened = try Connection(path: path)
        #expect(try reopened.scalar("SELECT x FROM t") == "kept")
    }

    @Test func readOnlyModeRefusesWrites() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("readonly.sqlite")
        do {
            let writer = try Connection(path: path)
            try writer.execute("CREATE TABLE t(x); INSERT INTO t VALUES (1);")
        }
        let reader = try Connection(path: path, mode: .readOnly)
        #expect(reader.isReadOnly)
        #expect(try reader.scalar("SELECT x FROM t") == 1)

        let insert = try #require(throws: SQLiteError.self) {
            try reader.run("INSERT INTO t VALUES (2)")
        }
        #expect(insert.primaryResultCode == SQLiteError.SQLITE_READONLY)
        #expect(insert.isReadOnlyViolation)
        #expect(!insert.isConstraintViolation)

        let create = try #require(throws: SQLiteError.self) {
            try reader.execute("CREATE TABLE u(y)")
        }
        #expect(create.isReadOnlyViolation)
        #expect(try reader.scalar("SELECT count(*) FROM t") == 1)
    }

    @Test func readOnlyModeDoesNotCreateMissingFile() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("absent.sqlite")
        let error = try #require(throws: SQLiteError.self) {
            try Connection(path: path, mode: .readOnly)
        }
        #expect(error.primaryResultCode == SQLiteError.SQLITE_CANTOPEN)
        #expect(error.message.contains(path))
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func fileThatIsNotADatabaseFailsOnFirstQuery() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("notes.txt")
        let text = String(repeating: "这不是数据库 this is not a database\n", count: 200)
        try text.write(toFile: path, atomically: true, encoding: .utf8)

        // Opening is lazy: the header is read by the first statement.
        let connection = try Connection(path: path)
        let error = try #require(throws: SQLiteError.self) {
            try connection.scalar("SELECT count(*) FROM sqlite_schema")
        }
        #expect(error.primaryResultCode == SQLiteError.SQLITE_NOTADB)
        #expect(error.sql == "SELECT count(*) FROM sqlite_schema")
    }

    @Test func statementOutlivesItsConnection() throws {
        var statement: Statement?
        do {
            let connection = try Connection.inMemory()
            try connection.execute("CREATE TABLE t(x); INSERT INTO t VALUES (7);")
            statement = try connection.prepare("SELECT x FROM t")
        }
        let rows = try #require(statement).rows()
        #expect(rows == [Row(columnNames: ["x"], values: [7])])
    }
}
