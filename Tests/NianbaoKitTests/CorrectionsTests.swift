import Foundation
import NianbaoSQLite
import Testing
@testable import NianbaoKit
import NianbaoTestSupport

/// One report per body and year, and corrections that keep the history:
/// aliases of one body collide, `--replace` replaces whatever the earlier
/// import was called, `remove` deletes with a record, and an older database
/// holding duplicates has them flagged, never deleted.
@Suite struct CorrectionsTests {
    static let spellings = ["山亭区应急管理局", "山亭区应急局", "枣庄市山亭区应急管理局"]

    static func report(_ bureau: String, year: Int = 2023, penalties: Int = 71) -> FixtureReport {
        FixtureReport(bureau: bureau, year: year, version: .v2021, penalties: penalties, granted: 5)
    }

    @Test func aliasesOfOneBodyAreOneReport() throws {
        let db = try TrendDatabase([Self.report(Self.spellings[0])])
        for spelling in Self.spellings.dropFirst() {
            do {
                try db.save(Self.report(spelling))
                Issue.record("\(spelling) must conflict")
            } catch let error as StoreError {
                guard case .conflict(_, _, let existing) = error else { Issue.record("\(error)"); continue }
                #expect(existing.bureau == "山亭区应急管理局" && existing.canonicalBureau == "山亭区应急管理局")
                #expect(error.description.contains("\(spelling) 2023 is already imported as 山亭区应急管理局 2023, from fixture/"), "\(error)")
            }
        }
        let rows = try db.trend(["penalties"], by: .bureau)
        #expect(rows.map(\.value) == [ExactDecimal(71)], "counted once: \(rows.map(\.value))")
        #expect(try db.store.duplicateGroups().isEmpty)
    }

    @Test func replaceAcrossSpellingsKeepsHistory() throws {
        let db = try TrendDatabase([Self.report("山亭区应急局", penalties: 70)])
        let outcome = try db.store.save(try TrendFixture.parse(Self.report("山亭区应急管理局")), replace: true)
        #expect(outcome.replacedSource?.hasPrefix("fixture/") == true)
        #expect(try db.trend(["penalties"], by: .bureau).map(\.value) == [ExactDecimal(71)])
        #expect(try db.csv("SELECT action, bureau, canonical_bureau, year, facts > 0 AS had_facts, replaced_by IS NOT NULL AS by FROM history")
            == "action,bureau,canonical_bureau,year,had_facts,by\r\nreplaced,山亭区应急局,山亭区应急管理局,2023,1,1\r\n")
    }

    /// A file imported with a wrong --year is replaced by the same file with the right one.
    @Test func theSameFileReplacesItsEarlierImportUnderOtherOverrides() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { TestSupport.cleanUp(directory) }
        let store = try Store(path: directory.appendingPathComponent("t.db").path)
        let file = try TrendFixture.write([Self.report("山亭区应急管理局")], to: directory)[0].path
        let importer = Importer(store: store)
        let wrong = importer.importFile(file, options: ImportOptions(extraction: ExtractionOptions(year: 2020)))
        guard case .imported = wrong else { Issue.record("\(wrong)"); return }
        let again = importer.importFile(file, options: ImportOptions(extraction: ExtractionOptions(year: 2023)))
        guard case .unchanged(_, 2020) = again else { Issue.record("without --replace the file is known: \(again)"); return }
        let right = Importer(store: store).run(
            [file], options: ImportOptions(replace: true, extraction: ExtractionOptions(year: 2023)))
        guard case .replaced(let summary, _) = right.first?.outcome else { Issue.record("\(right)"); return }
        #expect(summary.year == 2023)
        let years = try store.readOnlyQuery("SELECT year FROM reports").rows
        #expect(years == [["2023"]])
        #expect(try store.readOnlyQuery("SELECT action, year FROM history").rows == [["replaced", "2020"]])
        // The same file with the same overrides and --replace changes nothing.
        let same = Importer(store: store).run([file], options: ImportOptions(replace: true, extraction: ExtractionOptions(year: 2023)))
        guard case .unchanged = same.first?.outcome else { Issue.record("\(same)"); return }
    }

    @Test func removeFindsAReportByAnyNameAndRecordsIt() throws {
        let db = try TrendDatabase([Self.report("山亭区应急局"), Self.report("山亭区应急管理局", year: 2022)])
        for name in Self.spellings {
            #expect(try db.store.reports(matching: name, year: 2023).map(\.bureau) == ["山亭区应急局"], "\(name)")
        }
        #expect(try db.store.reports(matching: "山亭区应急管理局", year: 2021).isEmpty)
        let found = try db.store.reports(matching: "山亭区应急管理局", year: 2023)
        try db.store.remove(found)
        #expect(try db.csv("SELECT year FROM reports") == "year\r\n2022\r\n")
        #expect(try db.csv("SELECT COUNT(*) AS n FROM facts WHERE report_id NOT IN (SELECT id FROM reports)") == "n\r\n0\r\n")
        #expect(try db.csv("SELECT action, bureau, year FROM history") == "action,bureau,year\r\nremoved,山亭区应急局,2023\r\n")
    }

    /// A version 3 database that holds the same body-year three times is
    /// migrated: every copy is flagged, none deleted.
    @Test func migrationFlagsDuplicatesWithoutDeletingThem() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { TestSupport.cleanUp(directory) }
        let path = directory.appendingPathComponent("old.db").path
        do {
            // As version 3 stored them: each spelling its own bureau, no check on the canonical body.
            let legacy = try LegacyDatabase(path: path, version: 3)
            for (index, spelling) in Self.spellings.enumerated() {
                var parsed = try TrendFixture.parse(Self.report(spelling))
                parsed.source = SourceFile(path: "copy\(index).txt", sha256: "sha\(index)", format: .text, layout: .tabbed, encoding: .utf8)
                try legacy.insert(parsed)
            }
        }
        let migrated = try Store(path: path)
        #expect(try migrated.connection.userVersion() == Schema.currentVersion)
        #expect(try migrated.rowCounts()["reports"] == 3)
        let groups = try migrated.duplicateGroups()
        #expect(groups.count == 1 && groups[0].count == 3)
        let flagged = try migrated.readOnlyQuery("SELECT COUNT(*) FROM findings WHERE rule = 'duplicate_report' AND severity = 'warning'").rows
        #expect(flagged == [["3"]])
        let message = try migrated.readOnlyQuery("SELECT message FROM findings WHERE rule = 'duplicate_report' LIMIT 1").rows[0][0] ?? ""
        #expect(message.contains("trends count it 3 times") && message.contains("nianbao remove"), "\(message)")
        // Removing two copies takes the flag off the last one.
        try migrated.remove(Array(groups[0].dropFirst()))
        #expect(try migrated.duplicateGroups().isEmpty)
        #expect(try migrated.readOnlyQuery("SELECT COUNT(*) FROM findings WHERE rule = 'duplicate_report'").rows == [["0"]])
    }

    /// Duplicates are grouped per scope: two own and two aggregate copies of
    /// one body-year are two groups of two, not one of four.
    @Test func duplicateGroupsKeepScopesApart() throws {
        let db = try TrendDatabase()
        // Saved as a database from before the rule would hold them: the earlier copies hidden from the check.
        func saveAgain(_ bureau: String, _ scope: BureauScope) throws {
            try db.store.connection.execute("UPDATE reports SET canonical_bureau = 'hidden:' || canonical_bureau")
            try db.save(bureau: bureau, year: 2023, scope: scope, cells: ["proactive.penalty.decisions": "1"])
            try db.store.connection.execute(
                "UPDATE reports SET canonical_bureau = substr(canonical_bureau, 8) WHERE canonical_bureau LIKE 'hidden:%'")
        }
        try saveAgain("沭阳县人民政府", .own)
        try saveAgain("沐阳县人民政府", .own)
        try saveAgain("沭阳县政府", .aggregate)
        try saveAgain("沐阳县政府", .aggregate)
        try db.store.connection.execute("UPDATE reports SET canonical_bureau = '沭阳县人民政府'")
        let groups = try db.store.duplicateGroups()
        #expect(groups.map(\.count) == [2, 2])
        #expect(groups.map { Set($0.map(\.scope)) } == [[.own], [.aggregate]] || groups.map { Set($0.map(\.scope)) } == [[.aggregate], [.own]])
        #expect(groups.flatMap { $0 }.filter { $0.scope == .aggregate }.allSatisfy { $0.description.contains("(aggregate report)") })
    }

    @Test func aggregateAndOwnReportsOfOneNameStayApart() throws {
        let db = try TrendDatabase()
        try db.save(bureau: "沭阳县人民政府", year: 2023, scope: .own, cells: ["proactive.penalty.decisions": "1"])
        // The aggregate report is printed under a name that is an alias of the same body.
        try db.save(bureau: "沐阳县人民政府", year: 2023, scope: .aggregate, cells: ["proactive.penalty.decisions": "9"])
        #expect(try db.store.rowCounts()["reports"] == 2)
        #expect(throws: StoreError.self) {
            try db.save(bureau: "沐阳县人民政府", year: 2023, scope: .own, cells: ["proactive.penalty.decisions": "2"])
        }
    }
}
