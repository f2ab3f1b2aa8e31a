import Testing
import NianbaoSQLite

@Suite("PRAGMA user_version")
struct UserVersionTests {
    @Test func userVersionRoundTrips() throws {
        let db = try Connection.inMemory()
        #expect(try db.userVersion() == 0)
        try db.setUserVersion(42)
        #expect(try db.userVersion() == 42)
        try db.setUserVersion(-7)
        #expect(try db.userVersion() == -7)
        try db.setUserVersion(Int(Int32.max))
        #expect(try db.userVersion() == Int(Int32.max))
    }

    @Test func userVersionPersistsInTheFile() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("versioned.sqlite")
        do {
            let db = try Connection(path: path)
            try db.setUserVersion(3)
        }
        let reopened = try Connection(path: path, mode: .readOnly)
        #expect(try reopened.userVersion() == 3)
    }

    @Test func userVersionOutside32BitsIsRefused() throws {
        let db = try Connection.inMemory()
        try db.setUserVersion(5)
        let error = try #require(throws: SQLiteError.self) {
            try db.setUserVersion(Int(Int32.max) + 1)
        }
        #expect(error.primaryResultCode == SQLiteError.SQLITE_RANGE)
        #expect(try db.userVersion() == 5)
    }
}
