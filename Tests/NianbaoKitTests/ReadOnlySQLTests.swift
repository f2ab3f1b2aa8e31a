import Foundation
import Testing
@testable import NianbaoKit

/// `Store.readOnlyQuery`: reads work, anything that would change the
/// database (or the files beside it) is refused and changes nothing.
@Suite struct ReadOnlySQLTests {
    /// The database with a few reports.
    static func database() throws -> TrendDatabase {
        let db = try TrendDatabase()
        try db.save(bureau: "山亭区应急管理局", year: 2021, cells: ["proactive.penalty.decisions": "15", "requests.new.total": "12"])
        try db.save(bureau: "山亭区应急管理局", year: 2022, cells: ["proactive.penalty.decisions": "20", "requests.new.total": "9"])
        try db.save(bureau: "沭阳县发展和改革局", year: 2022, cells: ["proactive.penalty.decisions": "9", "proactive.fee.amount_10k_yuan": "2.25"])
        return db
    }

    /// Everything that could show a change: the bytes of the database and its
    /// WAL, the row counts, the schema and the user version.
    static func snapshot(_ db: TrendDatabase) throws -> [String] {
        let files = ["", "-wal"].map { suffix -> String in
            let data = FileManager.default.contents(atPath: db.path + suffix) ?? Data()
            return "\(suffix): \(data.count) bytes, sha \(ReportParser.sha256([UInt8](data)))"
        }
        let counts = try db.store.rowCounts().sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        let schema = try db.csv("SELECT type, name, sql FROM sqlite_schema ORDER BY name")
        let version = try db.csv("PRAGMA user_version")
        let facts = try db.csv("SELECT report_id, metric, value_text, status FROM report_facts ORDER BY report_id, metric")
        return files + counts + [schema, version, facts]
    }

    // MARK: - Reads

    @Test func selectReturnsRowsAndTypedColumns() throws {
        let db = try Self.database()
        let table = try db.store.readOnlyQuery(
            "SELECT bureau, year, value FROM report_facts WHERE metric = 'proactive.penalty.decisions' ORDER BY bureau, year")
        #expect(table.columns.map(\.name) == ["bureau", "year", "value"])
        #expect(table.columns.map(\.isNumeric) == [false, true, true])  // value is the number; value_text the exact text
        #expect(table.rows == [["山亭区应急管理局", "2021", "15"], ["山亭区应急管理局", "2022", "20"], ["沭阳县发展和改革局", "2022", "9"]])
        let numbers = try db.store.readOnlyQuery("SELECT 1 AS one, 2.5 AS half, NULL AS nul, 'x' AS text")
        #expect(numbers.columns.map(\.isNumeric) == [true, true, true, false])
        #expect(numbers.rows == [["1", "2.5", nil, "x"]])
    }

    @Test func withQueriesRun() throws {
        let db = try Self.database()
        let csv = try db.csv(
            """
            WITH per_year AS (
                SELECT year, SUM(value) AS penalties FROM report_facts
                WHERE metric = 'proactive.penalty.decisions' GROUP BY year
            )
            SELECT year, penalties FROM per_year ORDER BY year
            """)
        #expect(csv == "year,penalties\r\n2021,15\r\n2022,29\r\n")
    }

    @Test func emptyResultsKeepTheirColumns() throws {
        let db = try Self.database()
        let table = try db.store.readOnlyQuery("SELECT year, bureau FROM report_facts WHERE year = 1900")
        #expect(table.columns.map(\.name) == ["year", "bureau"])
        #expect(table.rows.isEmpty)
    }

    @Test func readOnlyPragmasAndExplainAreAllowed() throws {
        let db = try Self.database()
        #expect(try db.csv("PRAGMA user_version") == "user_version\r\n5\r\n")
        #expect(try db.store.readOnlyQuery("PRAGMA table_info(reports)").rows.count == 18)
        #expect(try !db.store.readOnlyQuery("EXPLAIN QUERY PLAN SELECT * FROM report_facts WHERE metric = 'x'").rows.isEmpty)
    }

    // MARK: - Named parameters

    @Test func namedParametersBind() throws {
        let db = try Self.database()
        #expect(try db.csv("SELECT :a + 1 AS x", ["a": "41"]) == "x\r\n42\r\n")
        #expect(try db.csv("SELECT :name AS n", ["name": "沭阳"]) == "n\r\n沭阳\r\n")
        #expect(try db.csv("SELECT $v AS d, @w AS e", ["v": "1", "w": "two"]) == "d,e\r\n1,two\r\n")
        let csv = try db.csv(
            "SELECT bureau, year FROM report_facts WHERE metric = :metric AND year >= :from AND bureau LIKE :like ORDER BY year",
            ["metric": "proactive.penalty.decisions", "from": "2022", "like": "山亭%"])
        #expect(csv == "bureau,year\r\n山亭区应急管理局,2022\r\n")
        // A parameter used twice binds once.
        #expect(try db.csv("SELECT :y = :y AS same, :y * 2 AS twice", ["y": "2021"]) == "same,twice\r\n1,4042\r\n")
    }

    /// A value is bound as given: digits with a leading zero are text, not a number.
    @Test func parameterValuesBindUnchanged() throws {
        let db = try Self.database()
        #expect(try db.csv("SELECT :code AS code, typeof(:code) AS type", ["code": "007"]) == "code,type\r\n007,text\r\n")
    }

    @Test func aMissingParameterIsNamed() throws {
        let db = try Self.database()
        do {
            _ = try db.store.readOnlyQuery("SELECT * FROM reports WHERE year = :year")
            Issue.record("a missing parameter must fail")
        } catch {
            guard case .missingParameter("year") = error else { Issue.record("\(error)"); return }
            #expect(error.description == "parameter :year has no value; pass -p year VALUE")
        }
    }

    @Test func anonymousParametersAreRefused() throws {
        let db = try Self.database()
        do {
            _ = try db.store.readOnlyQuery("SELECT * FROM reports WHERE year = ?")
            Issue.record("? parameters must fail")
        } catch {
            guard case .anonymousParameter = error else { Issue.record("\(error)"); return }
        }
    }

    /// SQLite's message names the place; a statement pages long is not repeated.
    @Test func aSyntaxErrorNamesThePlaceNotTheWholeStatement() throws {
        let db = try Self.database()
        let long = "SELEC 1 " + String(repeating: "/* padding */ ", count: 500)
        do {
            _ = try db.store.readOnlyQuery(long)
            Issue.record("bad SQL must fail")
        } catch {
            guard case .sqlite(let failure) = error else { Issue.record("\(error)"); return }
            #expect(error.description.contains("syntax error") && error.description.contains("SELEC"))
            #expect(!error.description.contains("padding"), "\(error.description.count) characters")
            #expect(failure.sql?.contains("padding") == true, "the statement stays on the error for programs")
        }
    }

    /// A recursive query without end is stopped by the time limit, with a message saying so.
    @Test func aRunawayQueryIsStoppedByTheTimeLimit() throws {
        let db = try Self.database()
        let endless = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c"
        let started = Date()
        do {
            _ = try db.store.readOnlyQuery(endless, timeout: 0.3)
            Issue.record("an endless query must be stopped")
        } catch {
            guard case .timedOut(let seconds) = error else { Issue.record("\(error)"); return }
            #expect(seconds == 0.3)
            #expect(error.description.contains("--timeout"))
        }
        #expect(Date().timeIntervalSince(started) < 30)
        // The connection is usable afterwards, with no limit left behind.
        #expect(try db.store.readOnlyQuery("SELECT 1 AS one").rows == [["1"]])
    }

    /// A query that returns rows without end stops at the row limit instead of filling memory.
    @Test func endlessRowsStopAtTheRowLimit() throws {
        let db = try Self.database()
        let endless = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x FROM c"
        do {
            _ = try db.store.readOnlyQuery(endless, maximumRows: 1_000)
            Issue.record("endless rows must be refused")
        } catch {
            guard case .tooManyRows(1_000) = error else { Issue.record("\(error)"); return }
            #expect(error.description.contains("LIMIT"))
        }
    }

    // MARK: - Writes are refused and change nothing

    static let writes = [
        "UPDATE facts SET value = 0",
        "UPDATE facts SET value = 0 WHERE metric_id = 1",
        "DELETE FROM findings",
        "DELETE FROM facts",
        "DROP TABLE facts",
        "DROP VIEW report_facts",
        "INSERT INTO bureaus (name) VALUES ('新局')",
        "REPLACE INTO bureaus (id, name) VALUES (1, '改名局')",
        "CREATE TABLE scratch (a)",
        "CREATE TEMP TABLE scratch (a)",
        "CREATE INDEX facts_by_value ON facts(value)",
        "CREATE VIEW v AS SELECT 1",
        "ALTER TABLE reports ADD COLUMN note TEXT",
        "WITH doomed AS (SELECT id FROM reports) DELETE FROM reports WHERE id IN (SELECT id FROM doomed)",
        "PRAGMA user_version = 6",
        "PRAGMA journal_mode = DELETE",
        "VACUUM",
        "REINDEX",
        "ANALYZE",
    ]

    @Test(arguments: ReadOnlySQLTests.writes)
    func aWriteIsRefusedAndChangesNothing(_ sql: String) throws {
        let db = try Self.database()
        let before = try Self.snapshot(db)
        do {
            let result = try db.store.readOnlyQuery(sql)
            Issue.record("\(sql) was allowed: \(result)")
        } catch {
            if case .notReadOnly = error {
                #expect(error.description == "only read-only SQL (SELECT, WITH …) is allowed here; nothing was changed")
            } else {
                // Another error is acceptable when it says why, but notReadOnly is what the command promises.
                Issue.record("\(sql): expected notReadOnly, got \(error)")
            }
        }
        #expect(try Self.snapshot(db) == before, "\(sql) changed the database")
        // The connection still writes afterwards (query_only was switched off again).
        try db.save(bureau: "后来局", year: 2022, cells: ["proactive.penalty.decisions": "1"])
        #expect(try db.store.rowCounts()["reports"] == 4)
    }

    @Test func attachIsRefusedAndCreatesNoFile() throws {
        let db = try Self.database()
        let before = try Self.snapshot(db)
        let other = db.directory.appendingPathComponent("other.db").path
        var refused = false
        do {
            _ = try db.store.readOnlyQuery("ATTACH DATABASE '\(other)' AS other")
        } catch {
            refused = true
        }
        #expect(refused, "ATTACH is not a read-only query: it changes the connection and creates files")
        #expect(!FileManager.default.fileExists(atPath: other), "ATTACH created \(other)")
        #expect(try Self.snapshot(db) == before)
        let attached = try db.store.readOnlyQuery("PRAGMA database_list").rows.compactMap { $0[1] }
        #expect(attached.contains("main"))
        #expect(!attached.contains("other"), "the attachment outlived the query: \(attached)")
    }

    @Test func vacuumIntoWritesNoFile() throws {
        let db = try Self.database()
        let copy = db.directory.appendingPathComponent("copy.db").path
        #expect(throws: SQLQueryError.self) { try db.store.readOnlyQuery("VACUUM INTO '\(copy)'") }
        #expect(!FileManager.default.fileExists(atPath: copy))
    }

    @Test func twoStatementsInOneStringFail() throws {
        let db = try Self.database()
        let before = try Self.snapshot(db)
        for sql in [
            "SELECT 1; DROP TABLE facts", "SELECT 1; SELECT 2", "DROP TABLE facts; SELECT 1",
            "SELECT 1; UPDATE facts SET value = 0;",
        ] {
            #expect(throws: SQLQueryError.self, "\(sql)") { try db.store.readOnlyQuery(sql) }
        }
        #expect(try Self.snapshot(db) == before)
        // A trailing semicolon, blanks or a comment are one statement.
        #expect(try db.csv("SELECT 1 AS x;  -- done\n") == "x\r\n1\r\n")
    }

    /// `BEGIN` writes nothing itself, but a transaction left open would swallow
    /// every later write of the store (and lose it when the store closes).
    @Test func transactionControlLeavesNoTransactionOpen() throws {
        let db = try Self.database()
        for sql in ["BEGIN", "BEGIN IMMEDIATE", "SAVEPOINT s"] {
            _ = try? db.store.readOnlyQuery(sql)
            #expect(!db.store.connection.isInsideTransaction, "\(sql) left a transaction open")
            if db.store.connection.isInsideTransaction { try? db.store.connection.execute("ROLLBACK") }
        }
        // A write after the attempts is durable: another connection sees it.
        try db.save(bureau: "后来局", year: 2022, cells: ["proactive.penalty.decisions": "1"])
        let reader = try Store(path: db.path, readOnly: true)
        #expect(try reader.rowCounts()["reports"] == 4)
    }

    /// What an open transaction costs: a report saved after `readOnlyQuery("BEGIN")`
    /// goes into a savepoint of that transaction and is never committed.
    @Test func aReportSavedAfterAnAttemptedBEGINIsCommitted() throws {
        let db = try Self.database()
        _ = try? db.store.readOnlyQuery("BEGIN")
        try db.save(bureau: "后来局", year: 2022, cells: ["proactive.penalty.decisions": "1"])
        let reader = try Store(path: db.path, readOnly: true)
        #expect(try reader.rowCounts()["reports"] == 4, "the report saved after `BEGIN` is not visible to other connections (not committed)")
    }

    @Test func queryOnlyIsSwitchedOffAfterARefusal() throws {
        let db = try Self.database()
        _ = try? db.store.readOnlyQuery("DROP TABLE facts")
        _ = try? db.store.readOnlyQuery("SELEC 1")
        _ = try? db.store.readOnlyQuery("SELECT * FROM reports WHERE year = :missing")
        #expect(try db.store.connection.scalar("PRAGMA query_only")?.int64 == 0)
        try db.save(bureau: "后来局", year: 2022, cells: ["proactive.penalty.decisions": "1"])
        #expect(try db.store.rowCounts()["reports"] == 4)
    }

    @Test func aReadOnlyStoreRunsQueriesToo() throws {
        let db = try Self.database()
        let reader = try Store(path: db.path, readOnly: true)
        #expect(CSV.text(try reader.readOnlyQuery("SELECT COUNT(*) AS n FROM reports")) == "n\r\n3\r\n")
        do {
            _ = try reader.readOnlyQuery("DELETE FROM reports")
            Issue.record("DELETE on a read-only store must fail")
        } catch {
            guard case .notReadOnly = error else { Issue.record("\(error)"); return }
        }
        #expect(try reader.rowCounts()["reports"] == 3)
    }
}
