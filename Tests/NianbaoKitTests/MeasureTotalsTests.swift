import Foundation
import NianbaoSQLite
import NianbaoTestSupport
import Testing
@testable import NianbaoKit

/// `report_measures` and `measure_totals` stay true through every write:
/// after imports, replacements, removals and new aliases they equal what a
/// recomputation from `facts` gives, and trends read from the totals equal
/// trends read from the reports and summed in Swift.
@Suite struct MeasureTotalsTests {
    /// Both derived tables, as sorted lines.
    static func snapshot(_ store: Store) throws -> [String] {
        let measures = try store.connection.rows("SELECT * FROM report_measures").map { "m " + $0.values.map { Store.text($0) ?? "∅" }.joined(separator: "|") }
        let totals = try store.connection.rows("SELECT * FROM measure_totals").map { "t " + $0.values.map { Store.text($0) ?? "∅" }.joined(separator: "|") }
        return (measures + totals).sorted()
    }

    /// Throws both tables away and builds them again from `facts`.
    static func recomputed(_ store: Store) throws -> [String] {
        try store.connection.execute("DROP TABLE report_measures")
        try store.connection.transaction(.immediate) { try store.ensureMeasureTable() }
        try store.refreshTotals()
        return try snapshot(store)
    }

    @Test func writesKeepTheDerivedTablesTrue() throws {
        let db = try TrendDatabase.standard()
        let store = db.store
        #expect(try store.totalsAreFresh())
        #expect(try store.connection.scalar("SELECT COUNT(*) FROM measure_totals")?.int64 ?? 0 > 0)
        // Replace a report by another spelling of its body, with other numbers.
        var replacement = try TrendFixture.parse(FixtureReport(bureau: TrendFixture.shantingShort, year: 2022, version: .v2021, penalties: 3, granted: 9))
        replacement.source = SourceFile(path: "new.txt", sha256: "new", format: .text, layout: .tabbed, encoding: .utf8)
        _ = try store.save(replacement, replace: true)
        // Remove one, then re-resolve every identity with an alias that merges two bodies' names.
        try store.remove(try store.reports(matching: TrendFixture.shuyangNDRC, year: 2021))
        try store.applyAliases(BureauAliasTable.bundled.adding(BureauAliasTable(rows: [
            BureauAlias(alias: TrendFixture.shuyangNDRC, canonical: "沭阳县发改委"),
        ])))
        try store.refreshTotals()
        let kept = try Self.snapshot(store)
        #expect(kept.contains { $0.hasPrefix("t ") })
        #expect(try Self.recomputed(store) == kept)
    }

    @Test func totalsAnswerAsTheReportsDo() throws {
        let db = try TrendDatabase.standard()
        let measures = MeasureCatalog.standard.derived
            + ["requests.new.total", "proactive.fee.amount_10k_yuan", "proactive.penalty.decisions"].compactMap(MeasureCatalog.standard.measure)
        for grouping in MeasureTotals.levels {
            for (from, to) in [(nil, nil), (2020, 2022)] as [(Int?, Int?)] {
                var request = TrendRequest(measures: measures, from: from, to: to, grouping: grouping)
                let filter = TrendQuery.filter(for: request)
                let fromTotals = try db.store.sumsFromTotals(
                    Store.TrendSumRequest(measures: measures, group: nil, filter: filter, grouping: grouping), grouping: grouping)
                #expect(fromTotals != nil, "\(grouping)")
                let fast = try TrendQuery(request).run(on: db.store)
                try db.store.connection.execute("UPDATE measure_state SET totals = -1")  // stale: the scan answers
                let scanned = try TrendQuery(request).run(on: db.store)
                try db.store.refreshTotals()
                request.aliases = BureauAliasTable(rows: [])  // the Swift path
                let exact = try TrendQuery(request).run(on: db.store)
                #expect(CSV.text(TrendTable.long(fast)) == CSV.text(TrendTable.long(scanned)), "\(grouping)")
                #expect(CSV.text(TrendTable.long(fast)) == CSV.text(TrendTable.long(exact)), "\(grouping)")
            }
        }
    }

    /// A kind filter is answered from the kind level when grouping by year or kind, as the reports answer it.
    @Test func aKindFilterReadsTheKindLevel() throws {
        let db = try TrendDatabase.standard()
        let measures = MeasureCatalog.standard.derived
        for grouping in [TrendGrouping.year, .kind] {
            var request = TrendRequest(measures: measures, grouping: grouping, kind: "应急")
            let filter = TrendQuery.filter(for: request)
            #expect(try db.store.sumsFromTotals(
                Store.TrendSumRequest(measures: measures, group: nil, filter: filter, grouping: grouping), grouping: grouping) != nil)
            let fast = try TrendQuery(request).run(on: db.store)
            #expect(!fast.isEmpty)
            request.aliases = BureauAliasTable(rows: [])
            let exact = try TrendQuery(request).run(on: db.store)
            #expect(CSV.text(TrendTable.long(fast)) == CSV.text(TrendTable.long(exact)), "\(grouping)")
        }
    }

    /// A stale total is never read: a report written without a refresh is in the next trend.
    @Test func staleTotalsAreNotRead() throws {
        let db = try TrendDatabase.standard()
        let penalties = try #require(MeasureCatalog.standard.measure("penalties"))
        let before = try TrendQuery(TrendRequest(measures: [penalties])).run(on: db.store)
        var extra = try TrendFixture.parse(FixtureReport(bureau: "沭阳县公安局", year: 2022, version: .v2021, penalties: 1000, granted: 1))
        extra.source = SourceFile(path: "extra.txt", sha256: "extra", format: .text, layout: .tabbed, encoding: .utf8)
        _ = try db.store.save(extra, replace: false)
        #expect(try !db.store.totalsAreFresh())
        let after = try TrendQuery(TrendRequest(measures: [penalties])).run(on: db.store)
        let year = { (rows: [TrendRow]) in rows.first { $0.year == 2022 }?.value?.integerValue ?? 0 }
        #expect(year(after) == year(before) + 1000)
    }
}

/// Named queries that read `measure_totals` when fresh give what they give from `report_measures` when stale.
@Suite struct NamedQueryTotalsTests {
    @Test func freshAndStaleTotalsGiveTheSameAnswers() throws {
        let db = try TrendDatabase.standard()
        let directory = try #require(QueryLibrary.defaultDirectory())
        let queries = try QueryLibrary(directory: directory).queries
        #expect(queries.contains { $0.sql.contains("measure_totals") })
        for query in queries {
            let arguments = try query.arguments([:])
            #expect(try db.store.totalsAreFresh())
            let fresh = try db.store.readOnlyQuery(query.sql, parameters: arguments)
            try db.store.connection.execute("UPDATE measure_state SET totals = -1")
            let stale = try db.store.readOnlyQuery(query.sql, parameters: arguments)
            try db.store.refreshTotals()
            #expect(CSV.text(fresh) == CSV.text(stale), "\(query.name)")
            if query.name.hasSuffix("_by_year") { #expect(fresh.rows.count >= 5, "\(query.name)") }
        }
    }
}
