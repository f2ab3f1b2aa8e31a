import Foundation
import NianbaoSQLite
import NianbaoTestSupport
import Testing
@testable import NianbaoKit

/// Schema v5 (compact facts, provenance, report_measures) reached from a v4
/// database in place: every cell, finding and report kept, and every trend
/// the same as a database written by v5 from the same reports.
@Suite struct MigrationTests {
    /// The fixture reports, plus cells a document cannot hold: derived,
    /// missing, ambiguous, invalid, decimals, flags and odd locators.
    static func reports() throws -> [ParsedReport] {
        var parsed = try TrendFixture.reports.map(TrendFixture.parse)
        var odd = parsed[0]
        odd.report.bureau = "沭阳县公安局"
        odd.report.year = 2023
        odd.source = SourceFile(path: "odd.txt", sha256: "odd", format: .text, layout: .tabbed, encoding: .utf8)
        odd.report.cells["requests.new.total"] = CellValue(
            value: ExactDecimal(12), raw: "12", status: .reported, flags: ["identity_violation"], locator: "table 2, row 5, cell 3, line 88")
        odd.report.cells["outcome.total.total"] = CellValue(value: ExactDecimal(7), raw: "", status: .derived, locator: "paragraph 41")
        odd.report.cells["review.total"] = CellValue(raw: "1 2", status: .ambiguous, locator: "page 3, x 120")
        odd.report.cells["proactive.penalty.decisions"] = CellValue(raw: "十二", status: .invalid, locator: "table 1, row 07, cell 2")
        odd.report.cells["outcome.granted.total"] = CellValue(status: .missing)
        odd.report.cells["requests.carried_in.total"] = CellValue(value: ExactDecimal(3), raw: "3件", status: .reported)
        odd.report.cells["proactive.license.decisions"] = CellValue(raw: "—", status: .notApplicable)
        odd.report.cells["outcome.partial.total"] = CellValue(raw: "-", status: .blank, flags: ["placed_by_identities"])
        parsed.append(odd)
        return parsed
    }

    @Test func aVersion4DatabaseIsMigratedWithNothingLost() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { TestSupport.cleanUp(directory) }
        let path = directory.appendingPathComponent("v4.db").path
        let reports = try Self.reports()
        let before: [String]
        let findingsBefore: [[SQLiteValue]]
        do {
            let legacy = try LegacyDatabase(path: path, version: 4)
            for report in reports { try legacy.insert(report) }
            before = try legacy.factLines()
            findingsBefore = try legacy.connection.rows("SELECT report_id, rule, severity, metric, message FROM findings ORDER BY id").map(\.values)
        }
        #expect(before.count > 1_000)

        let migrated = try Store(path: path)
        #expect(try migrated.connection.userVersion() == 5)
        let after = try migrated.connection.rows(
            """
            SELECT reported_bureau, year, metric, value_text, raw, status, flags, locator FROM report_facts
            ORDER BY reported_bureau, year, metric
            """
        ).map { row in row.values.map { Store.text($0) ?? "∅" }.joined(separator: "|") }
        #expect(after == before)
        let findingsAfter = try migrated.connection.rows("SELECT report_id, rule, severity, metric, message FROM findings ORDER BY id").map(\.values)
        #expect(findingsAfter == findingsBefore)
        #expect(try migrated.connection.scalar("PRAGMA integrity_check") == .text("ok"))
        #expect(try migrated.connection.rows("PRAGMA foreign_key_check").isEmpty)
        let tables = try migrated.connection.rows("SELECT name, sql FROM sqlite_schema WHERE type = 'table'")
        for table in tables {
            #expect(table[1].string?.contains("STRICT") == true, "\(table[0].string ?? "")")
            #expect(table[0].string?.hasPrefix("v4_") == false)
        }

        // The same reports written by v5 give the same cells and the same trends.
        let fresh = try TrendDatabase()
        for report in reports { _ = try fresh.store.save(report, replace: false) }
        let export = { (store: Store) throws -> [String] in
            var lines: [String] = []
            try store.exportFacts { lines.append($0.map { $0 ?? "∅" }.joined(separator: "|")) }
            return lines
        }
        #expect(try export(migrated) == export(fresh.store))
        let measures = MeasureCatalog.standard.derived + ["proactive.fee.amount_10k_yuan", "requests.new.total"].compactMap(MeasureCatalog.standard.measure)
        for grouping in TrendGrouping.allCases {
            let request = TrendRequest(measures: measures, grouping: grouping)
            let a = try TrendQuery(request).run(on: migrated), b = try TrendQuery(request).run(on: fresh.store)
            #expect(CSV.text(TrendTable.long(a)) == CSV.text(TrendTable.long(b)), "\(grouping)")
        }
        let measureRows = { (store: Store) throws -> [[SQLiteValue]] in
            let columns = MeasureTable.standard.columnNames.dropFirst(MeasureTable.leading.count - 2).map { "\"\($0)\"" }
            return try store.connection.rows("SELECT \(columns.joined(separator: ", ")) FROM report_measures ORDER BY report_id").map(\.values)
        }
        #expect(try measureRows(migrated) == measureRows(fresh.store))
    }

    /// Every status, decimals, flags and locators packed or not come back
    /// from the two tables exactly as they went in.
    @Test func storedCellsRoundTrip() throws {
        for (_, cell) in try Self.reports().flatMap(\.report.cells) {
            #expect(StoredCell(cell).cell == cell, "\(cell)")
        }
        #expect(LocatorCode.pack("table 2, row 5, cell 3, line 88").map(LocatorCode.render) == "table 2, row 5, cell 3, line 88")
        #expect(LocatorCode.pack("table 1, row 07, cell 2") == nil)
        #expect(LocatorCode.pack("table 64, row 1, cell 1") == nil)
        #expect(LocatorCode.pack("paragraph 0") == -1)
    }

    /// The view renders packed locators as Swift does.
    @Test func theViewRendersLocatorsAsSwift() throws {
        let connection = try Connection.inMemory()
        for text in ["table 2, row 5, cell 3, line 88", "table 63, row 1023, cell 63", "table 1, row 0, cell 1", "paragraph 0", "paragraph 12345"] {
            let code = try #require(LocatorCode.pack(text))
            let sql = try connection.scalar("SELECT \(LocatorCode.sql("?1"))", [.integer(code)])
            #expect(sql?.string == text)
        }
    }
}
