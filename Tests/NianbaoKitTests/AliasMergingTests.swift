import Foundation
import Testing
@testable import NianbaoKit
import NianbaoTestSupport

/// Reports published under different names of one bureau make one series;
/// user alias tables merge more; `Store.applyAliases` re-resolves stored names.
@Suite struct AliasMergingTests {
    static func userTable(_ csv: String) throws -> BureauAliasTable {
        try BureauAliasTable(csv: "alias,canonical,valid_from,valid_to\n" + csv, source: "user.csv")
    }

    @Test func theBundledRowsTheFixtureRelies() {
        let bundled = BureauAliasTable.bundled
        #expect(bundled.canonical("山亭区应急局", year: 2023) == "山亭区应急管理局")
        #expect(bundled.canonical("山亭区安全生产监督管理局", year: 2018) == "山亭区应急管理局")
        // The rename row ends with 2018: a later report under the old name is left alone.
        #expect(bundled.canonical("山亭区安全生产监督管理局", year: 2019) == "山亭区安全生产监督管理局")
        #expect(bundled.canonical("沭阳县发改局", year: 2022) == "沭阳县发展和改革局")
    }

    @Test func threeNamesMakeOneBureauSeries() throws {
        let db = try TrendDatabase.standard()
        let rows = try db.trend(["penalties"], by: .bureau)
        #expect(Set(rows.map(\.group)) == ["山亭区应急管理局", "沭阳县人民政府", "沭阳县发展和改革局"])
        #expect(rows.values("山亭区应急管理局", "penalties") == [
            2018: "5", 2019: "12", 2020: "0", 2021: "15", 2022: "20", 2023: "18",
        ])
        // One continuous series: every year has its change from the year before.
        let series = rows.series("山亭区应急管理局", "penalties")
        #expect(series[2019]?.change?.description == "7")  // from the report under the old name
        #expect(series[2023]?.change?.description == "-2")  // to the report under the short name
        // Region and kind come from the canonical name, so the old name groups the same way.
        let kinds = try db.trend(["penalties"], by: .kind)
        #expect(kinds.values("应急", "penalties") == [2018: "5", 2019: "12", 2020: "0", 2021: "15", 2022: "20", 2023: "18"])
        let regions = try db.trend(["penalties"], by: .region)
        #expect(regions.values("枣庄市", "penalties")[2018] == "5")
        #expect(regions.values("枣庄市", "penalties")[2023] == "18")
    }

    @Test func theStoredIdentityOfEveryReport() throws {
        let db = try TrendDatabase.standard()
        let csv = try db.csv(
            """
            SELECT b.name, r.year, r.canonical_bureau, r.province, r.city, r.county, r.kind, r.scope
            FROM reports r JOIN bureaus b ON b.id = r.bureau_id ORDER BY r.year, r.canonical_bureau, b.name
            """)
        #expect(csv == CSV.crlf("""
            name,year,canonical_bureau,province,city,county,kind,scope
            山亭区安全生产监督管理局,2018,山亭区应急管理局,山东省,枣庄市,山亭区,应急,own
            山亭区应急管理局,2019,山亭区应急管理局,山东省,枣庄市,山亭区,应急,own
            山亭区应急管理局,2020,山亭区应急管理局,山东省,枣庄市,山亭区,应急,own
            山亭区应急管理局,2021,山亭区应急管理局,山东省,枣庄市,山亭区,应急,own
            沭阳县发展和改革局,2021,沭阳县发展和改革局,江苏省,宿迁市,沭阳县,发展改革,own
            山亭区应急管理局,2022,山亭区应急管理局,山东省,枣庄市,山亭区,应急,own
            沭阳县人民政府,2022,沭阳县人民政府,江苏省,宿迁市,沭阳县,人民政府,aggregate
            沭阳县发展和改革局,2022,沭阳县发展和改革局,江苏省,宿迁市,沭阳县,发展改革,own
            山亭区应急局,2023,山亭区应急管理局,山东省,枣庄市,山亭区,应急,own

            """))
        // The view shows the canonical name as `bureau`, the printed one beside it.
        #expect(try db.csv(
            "SELECT DISTINCT bureau, reported_bureau FROM report_facts WHERE year = 2023") == "bureau,reported_bureau\r\n山亭区应急管理局,山亭区应急局\r\n")
    }

    @Test func anOldNameAfterItsValidityStaysItsOwnSeries() throws {
        var reports = TrendFixture.reports.filter { $0.bureau == TrendFixture.shanting && $0.year <= 2020 }
        var late = reports[0]
        late.bureau = TrendFixture.shantingOld
        late.year = 2021
        late.version = .v2021
        late.penalties = 3
        reports.append(late)
        let db = try TrendDatabase(reports)
        let rows = try db.trend(["penalties"], by: .bureau)
        #expect(rows.values("山亭区安全生产监督管理局", "penalties") == [2021: "3"])
        #expect(rows.values("山亭区应急管理局", "penalties") == [2019: "12", 2020: "0"])
    }

    @Test func aUserAliasTableMergesTwoSeparateNames() throws {
        var reports = TrendFixture.reports.filter { $0.bureau == TrendFixture.shuyangNDRC }
        var renamed = reports[1]
        renamed.bureau = "沭阳县发展改革委"
        renamed.year = 2023
        renamed.carriedIn = 2
        renamed.penalties = 11
        reports.append(renamed)
        let db = try TrendDatabase(reports)

        let apart = try db.trend(["penalties"], by: .bureau)
        #expect(apart.values("沭阳县发展和改革局", "penalties") == [2021: "7", 2022: "9"])
        #expect(apart.values("沭阳县发展改革委", "penalties") == [2023: "11"])

        let user = try Self.userTable("沭阳县发展改革委,沭阳县发展和改革局,,\n")
        let merged = try db.trend(["penalties"], by: .bureau, aliases: user)
        #expect(Set(merged.map(\.group)) == ["沭阳县发展和改革局"])
        #expect(merged.values("沭阳县发展和改革局", "penalties") == [2021: "7", 2022: "9", 2023: "11"])
        #expect(merged.series("沭阳县发展和改革局", "penalties")[2023]?.change?.description == "2")
        // The bundled rows still apply beside the user's.
        let fixture = try TrendDatabase.standard()
        let both = try fixture.trend(["penalties"], by: .bureau, aliases: user)
        #expect(both.values("山亭区应急管理局", "penalties").count == 6)
        // The request's aliases change nothing stored.
        #expect(try db.csv("SELECT DISTINCT canonical_bureau FROM reports ORDER BY 1") == "canonical_bureau\r\n沭阳县发展和改革局\r\n沭阳县发展改革委\r\n")
    }

    @Test func userAliasesFilterAndGroupByTheCanonicalName() throws {
        let db = try TrendDatabase()
        try db.save(bureau: "某某应急", year: 2021, cells: ["proactive.penalty.decisions": "4"])
        try db.save(bureau: "山亭区应急管理局", year: 2022, cells: ["proactive.penalty.decisions": "6"])
        let user = try Self.userTable("某某应急,山亭区应急管理局,2021,2021\n")
        // Without the row the odd name has no region; with it, region and kind follow the canonical name.
        #expect(try db.trend(["penalties"], by: .region).values("未知地区", "penalties") == [2021: "4"])
        #expect(try db.trend(["penalties"], by: .region, aliases: user).values("枣庄市", "penalties") == [2021: "4", 2022: "6"])
        #expect(try db.trend(["penalties"], by: .bureau, bureau: "山亭区", aliases: user).values("山亭区应急管理局", "penalties") == [2021: "4", 2022: "6"])
        #expect(try db.trend(["penalties"], by: .year, region: "枣庄", aliases: user).values("全部", "penalties") == [2021: "4", 2022: "6"])
    }

    @Test func userRowsWinOverBundledOnes() throws {
        let db = try TrendDatabase()
        try db.save(bureau: "山亭区应急局", year: 2023, cells: ["proactive.penalty.decisions": "4"])
        let user = try Self.userTable("山亭区应急局,枣庄市山亭区应急管理局（新）,,\n")
        let rows = try db.trend(["penalties"], by: .bureau, aliases: user)
        #expect(rows.map(\.group) == ["枣庄市山亭区应急管理局（新）"])
    }

    @Test func applyAliasesReResolvesStoredCanonicalNames() throws {
        let db = try TrendDatabase()
        try db.save(bureau: "沭阳县发展改革委", year: 2023, cells: ["proactive.penalty.decisions": "11"])
        try db.save(bureau: "沭阳县发展和改革局", year: 2022, cells: ["proactive.penalty.decisions": "9"])
        try db.save(bureau: "山亭区应急局", year: 2022, cells: ["proactive.penalty.decisions": "2"])
        let query = "SELECT b.name, r.canonical_bureau, r.city, r.kind FROM reports r JOIN bureaus b ON b.id = r.bureau_id ORDER BY r.id"
        #expect(try db.csv(query) == CSV.crlf("""
            name,canonical_bureau,city,kind
            沭阳县发展改革委,沭阳县发展改革委,宿迁市,发展改革
            沭阳县发展和改革局,沭阳县发展和改革局,宿迁市,发展改革
            山亭区应急局,山亭区应急管理局,枣庄市,应急

            """))

        try db.store.applyAliases(BureauAliasTable.bundled.adding(try Self.userTable("沭阳县发展改革委,沭阳县发展和改革局,,\n")))
        #expect(try db.csv(query) == CSV.crlf("""
            name,canonical_bureau,city,kind
            沭阳县发展改革委,沭阳县发展和改革局,宿迁市,发展改革
            沭阳县发展和改革局,沭阳县发展和改革局,宿迁市,发展改革
            山亭区应急局,山亭区应急管理局,枣庄市,应急

            """))
        // Trends read the stored identity: one series without passing aliases.
        #expect(try db.trend(["penalties"], by: .bureau).values("沭阳县发展和改革局", "penalties") == [2022: "9", 2023: "11"])

        // Applying the bundled table alone undoes the user row.
        try db.store.applyAliases(.bundled)
        #expect(try db.trend(["penalties"], by: .bureau).values("沭阳县发展改革委", "penalties") == [2023: "11"])
        // An empty table leaves every name as printed.
        try db.store.applyAliases(BureauAliasTable(rows: []))
        #expect(try db.trend(["penalties"], by: .bureau).values("山亭区应急局", "penalties") == [2022: "2"])
    }

    /// TrendRequest.aliases are "aliases to apply on top of those stored at
    /// import": a trend with its own alias table must keep the canonical names
    /// that `import --aliases` stored.
    @Test func trendAliasesAddToThoseStoredAtImport() throws {
        let atImport = BureauAliasTable.bundled.adding(try Self.userTable("沭阳县发展改革委,沭阳县发展和改革局,,\n"))
        var renamed = TrendFixture.reports.first { $0.bureau == TrendFixture.shuyangNDRC && $0.year == 2022 }!
        renamed.bureau = "沭阳县发展改革委"
        renamed.year = 2023
        renamed.carriedIn = 2
        renamed.penalties = 11
        let db = try TrendDatabase(TrendFixture.reports.filter { $0.bureau == TrendFixture.shuyangNDRC } + [renamed], aliases: atImport)
        #expect(try db.trend(["penalties"], by: .bureau).values("沭阳县发展和改革局", "penalties") == [2021: "7", 2022: "9", 2023: "11"])
        // A trend with an unrelated alias row of its own.
        let other = try Self.userTable("某某局,某某管理局,,\n")
        let rows = try db.trend(["penalties"], by: .bureau, aliases: other)
        #expect(rows.values("沭阳县发展和改革局", "penalties") == [2021: "7", 2022: "9", 2023: "11"],
                "groups: \(Set(rows.map(\.group)))")
    }

    @Test func aliasesGivenAtImportAreStored() throws {
        let user = try Self.userTable("沭阳县发展改革委,沭阳县发展和改革局,,\n")
        var report = TrendFixture.reports.first { $0.bureau == TrendFixture.shuyangNDRC }!
        report.bureau = "沭阳县发展改革委"
        let db = try TrendDatabase()
        try db.save(report, aliases: BureauAliasTable.bundled.adding(user))
        #expect(try db.csv("SELECT canonical_bureau FROM reports") == "canonical_bureau\r\n沭阳县发展和改革局\r\n")
    }
}
