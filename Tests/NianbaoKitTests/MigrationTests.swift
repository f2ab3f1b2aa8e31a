import Foundation
import NianbaoSQLite
import NianbaoSynthesis
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

    /// A locator packs exactly when its code renders back to the same text:
    /// random near-misses (leading zeros, signs, limits, missing or extra
    /// parts, other words) never pack, and every packed code comes back.
    @Test func locatorsPackOnlyWhenTheyRenderBack() {
        var random = SeededGenerator(seed: 15)
        let numbers = ["0", "1", "7", "07", "00", "63", "64", "1023", "1024", "-1", "+2", "", " 3", "99999999999999", "1099511627775", "1099511627776"]
        let shapes = [
            "table %@, row %@, cell %@", "table %@, row %@, cell %@, line %@", "paragraph %@", "table %@, row %@", "table %@,row %@, cell %@",
            "Table %@, row %@, cell %@", "table %@, row %@, cell %@, line %@, x", "paragraph %@ ", "table %@, row %@, cell %@,",
        ]
        for _ in 0..<5_000 {
            var text = shapes.randomElement(using: &random)!
            while let range = text.range(of: "%@") { text.replaceSubrange(range, with: numbers.randomElement(using: &random)!) }
            if let code = LocatorCode.pack(text) {
                #expect(LocatorCode.render(code) == text)
            } else {
                #expect(!Self.rendersBack(text), "\(text) does not pack but is canonical")
            }
        }
        for _ in 0..<5_000 {
            let code: Int64 = Bool.random(using: &random)
                ? -Int64.random(in: 1...(1 << 40), using: &random)
                : Int64.random(in: 0..<(1 << 40), using: &random) << 22 | Int64.random(in: 1..<64, using: &random) << 16
                    | Int64.random(in: 0..<1024, using: &random) << 6 | Int64.random(in: 0..<64, using: &random)
            #expect(LocatorCode.pack(LocatorCode.render(code)) == code)
        }
    }

    /// Whether `text` is a locator in ``LocatorCode/render(_:)``'s exact wording with numbers in range.
    private static func rendersBack(_ text: String) -> Bool {
        let canonical = #/(?:paragraph (0|[1-9][0-9]*))|(?:table ([1-9][0-9]*), row (0|[1-9][0-9]*), cell (0|[1-9][0-9]*)(?:, line (0|[1-9][0-9]*))?)/#
        guard let match = text.wholeMatch(of: canonical) else { return false }
        if let line = match.1 { return Int64(line).map { $0 < 1 << 40 } ?? false }
        let inRange = Int64(match.2!).map { (1..<64).contains($0) } == true && Int64(match.3!).map { $0 < 1024 } == true
            && Int64(match.4!).map { $0 < 64 } == true
        return inRange && (match.5.map { Int64($0).map { $0 < 1 << 40 } ?? false } ?? true)
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
