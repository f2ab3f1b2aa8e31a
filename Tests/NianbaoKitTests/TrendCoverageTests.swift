import Foundation
import Testing
@testable import NianbaoKit
import NianbaoTestSupport

/// Trends that say what they compare: NULL group-years keep their row,
/// `--balanced` keeps the bodies present every year, changes in the set of
/// bodies are measured, and an empty result names the filter that matched nothing.
@Suite struct TrendCoverageTests {
    /// 甲 reports 2021–2023, 乙 only 2022–2023, 丙's 2022 cell is ambiguous.
    static func database() throws -> TrendDatabase {
        let db = try TrendDatabase()
        for (bureau, year, cell) in [
            ("甲县公安局", 2021, "10"), ("甲县公安局", 2022, "11"), ("甲县公安局", 2023, "12"),
            ("乙县公安局", 2022, "100"), ("乙县公安局", 2023, "100"),
            ("丙县公安局", 2021, "1"), ("丙县公安局", 2022, "ambiguous"), ("丙县公安局", 2023, "1"),
        ] {
            try db.save(bureau: bureau, year: year, cells: ["proactive.penalty.decisions": cell])
        }
        return db
    }

    @Test func aGroupYearWithoutAValueKeepsAnEmptyRow() throws {
        let db = try Self.database()
        let rows = try db.trend(["penalties"], by: .bureau)
        let bing = rows.filter { $0.group == "丙县公安局" }
        #expect(bing.map(\.year) == [2021, 2022, 2023])
        #expect(bing.map(\.value) == [ExactDecimal(1), nil, ExactDecimal(1)])
        #expect(bing[1].reports == 0 && bing[2].change == nil, "no change across a NULL year")
        let long = CSV.text(TrendTable.long(rows))
        #expect(long.contains("丙县公安局,2022,penalties,行政处罚决定,,件,,,0,"), "\(long)")
    }

    @Test func balancedKeepsTheBodiesPresentEveryYear() throws {
        let db = try Self.database()
        var request = TrendRequest(measures: [MeasureCatalog.standard.measure("penalties")!])
        #expect(try TrendQuery(request).run(on: db.store).map(\.value) == [11, 111, 113].map(ExactDecimal.init))
        request.balanced = true
        let balanced = try TrendQuery(request).run(on: db.store)
        // 乙 is missing in 2021; 丙 counts where its cell has a value.
        #expect(balanced.map(\.value) == [11, 11, 13].map(ExactDecimal.init))
        // The same through the exact Swift path (aliases given to the query).
        request.aliases = BureauAliasTable(rows: [])
        #expect(try TrendQuery(request).run(on: db.store).map(\.value) == [11, 11, 13].map(ExactDecimal.init))
    }

    /// "Every year of the range" means the years the database holds, before
    /// the bureau filter: 乙 alone (2022–2023) is not balanced over 2021–2023,
    /// on the SQLite and the exact Swift path alike.
    @Test(arguments: [false, true])
    func balancedYearsComeBeforeTheFilters(_ exactPath: Bool) throws {
        let db = try Self.database()
        var request = TrendRequest(measures: [MeasureCatalog.standard.measure("penalties")!], bureau: "乙县")
        request.balanced = true
        if exactPath { request.aliases = BureauAliasTable(rows: []) }
        #expect(try TrendQuery(request).run(on: db.store).isEmpty)
        request.bureau = "甲县"
        #expect(try TrendQuery(request).run(on: db.store).map(\.value) == [10, 11, 12].map(ExactDecimal.init))
    }

    @Test func changesInTheSetOfBodiesAreMeasured() throws {
        let db = try Self.database()
        let changes = try TrendQuery(TrendRequest(measures: [MeasureCatalog.standard.measure("penalties")!])).bodyChanges(on: db.store)
        #expect(changes == [
            BodyChange(year: 2022, bodies: 3, previous: 2, joined: 1, left: 0),
            BodyChange(year: 2023, bodies: 3, previous: 3, joined: 0, left: 0),
        ])
        #expect(changes[0].share > BodyChange.warningShare && changes[1].share == 0)
    }

    @Test func anEmptyResultNamesTheFilterThatMatchedNothing() throws {
        let db = try Self.database()
        func reason(_ request: TrendRequest) throws -> String? { try TrendQuery(request).explainEmpty(on: db.store) }
        let penalties = [MeasureCatalog.standard.measure("penalties")!]
        #expect(try reason(TrendRequest(measures: penalties)) == nil)
        #expect(try reason(TrendRequest(measures: penalties, kind: "nosuch")) == "no body of kind “nosuch”; the database holds 公安")
        #expect(try reason(TrendRequest(measures: penalties, from: 2025)) == "no report between 2025 and the end (the database holds 2021–2023)")
        #expect(try reason(TrendRequest(measures: penalties, bureau: "无此局"))?.contains("no body's name or alias contains “无此局”") == true)
        #expect(try reason(TrendRequest(measures: penalties, region: "火星"))?.contains("“火星”") == true)
        #expect(try reason(TrendRequest(measures: penalties, bureau: "甲县", kind: "应急")) != nil)
    }
}

/// A cell in a violated identity carries `identity_violation`; trends count
/// the reports whose cells of the measure are flagged, and can leave them out.
@Suite struct FlaggedTrendTests {
    /// Two bodies in 2023; 乙's 本年新收 (自然人) is one more than its table adds up to.
    static func database() throws -> TrendDatabase {
        let db = try TrendDatabase()
        try db.save(FixtureReport(bureau: "甲县公安局", year: 2023, version: .v2021, granted: 5))
        var parsed = try TrendFixture.parse(FixtureReport(bureau: "乙县公安局", year: 2023, version: .v2021, granted: 7))
        var cell = try #require(parsed.report.cells["requests.new.natural_person"])
        cell.value = try #require(cell.value.flatMap { $0 + ExactDecimal(1) })
        cell.raw = cell.value?.description
        parsed.report.cells["requests.new.natural_person"] = cell
        parsed.report.findings = []
        Validator().validate(&parsed.report)
        #expect(parsed.report.cells["requests.new.natural_person"]?.flags == ["identity_violation"])
        #expect(parsed.report.cells["requests.new.total"]?.flags == ["identity_violation"], "R2 of the row: its total too")
        #expect(parsed.report.cells["proactive.penalty.decisions"]?.flags == [], "in no identity")
        _ = try db.store.save(parsed, replace: false)
        return db
    }

    @Test(arguments: [false, true])
    func flaggedReportsAreCountedAndCanBeLeftOut(_ exactPath: Bool) throws {
        let db = try Self.database()
        var request = TrendRequest(measures: ["applications", "penalties"].compactMap(MeasureCatalog.standard.measure))
        if exactPath { request.aliases = BureauAliasTable(rows: []) }
        let rows = try TrendQuery(request).run(on: db.store)
        #expect(rows.map(\.measure) == ["applications", "penalties"])
        #expect(rows.map(\.reports) == [2, 2])
        #expect(rows.map(\.flagged) == [1, 0])
        request.excludeFlagged = true
        let clean = try TrendQuery(request).run(on: db.store)
        #expect(clean.map(\.reports) == [1, 2])
        #expect(clean[0].value == ExactDecimal(FixtureReport(bureau: "甲县公安局", year: 2023, version: .v2021, granted: 5).applications))
        #expect(CSV.text(TrendTable.long(rows)).contains(",V2021,,1\r\n"), "flagged_reports is the last column")
    }

    @Test func theFlagIsStoredAndExported() throws {
        let db = try Self.database()
        let flagged = try db.csv("SELECT COUNT(*) AS n FROM provenance WHERE flags LIKE '%identity_violation%'")
        #expect(flagged != "n\r\n0\r\n")
        let export = OutputSink()
        let writer = RowWriter(format: .csv, sink: export)
        writer.begin(Store.exportColumns)
        try db.store.exportFacts(writer.write)
        writer.end()
        #expect(export.text.contains("乙县公安局,2023,requests.new.natural_person,"))
        #expect(export.text.split(separator: "\r\n").contains { $0.hasPrefix("乙县公安局,2023,requests.new.total,") && $0.contains("identity_violation") })
    }
}
