import Foundation
import Testing
@testable import NianbaoKit

/// Trends summed inside SQLite must equal the exact Swift sums report by
/// report, for every measure, grouping and filter, including cells that are
/// missing, ambiguous, invalid, derived, blank or not applicable, and
/// aggregate-scope reports. An empty alias table forces the Swift path
/// without changing any identity.
@Suite struct TrendSumTests {
    static func database() throws -> TrendDatabase {
        let db = try TrendDatabase.standard()
        try db.save(bureau: "沭阳县公安局", year: 2022, cells: [
            "requests.new.total": "9", "outcome.granted.total": "missing", "outcome.partial.total": "2",
            "outcome.total.total": "7", "proactive.penalty.decisions": "=40", "review.total": "ambiguous",
        ])
        try db.save(bureau: "沭阳县公安局", year: 2023, cells: [
            "requests.new.total": "", "outcome.granted.total": "/", "outcome.partial.total": "",
            "outcome.total.total": "0", "proactive.penalty.decisions": "invalid", "review.total": "3",
        ])
        try db.save(bureau: "沭阳县人民政府", year: 2023, scope: .aggregate, cells: [
            "requests.new.total": "120", "outcome.granted.total": "50", "outcome.partial.total": "10",
            "outcome.total.total": "100", "proactive.penalty.decisions": "400",
        ])
        return db
    }

    static let requests: [(String, @Sendable (Measure) -> TrendRequest)] = [
        ("by year", { TrendRequest(measures: [$0]) }),
        ("by bureau", { TrendRequest(measures: [$0], grouping: .bureau) }),
        ("by region", { TrendRequest(measures: [$0], grouping: .region) }),
        ("by county", { TrendRequest(measures: [$0], grouping: .county) }),
        ("by kind", { TrendRequest(measures: [$0], grouping: .kind) }),
        ("years", { TrendRequest(measures: [$0], from: 2020, to: 2022, grouping: .bureau) }),
        ("bureau filter", { TrendRequest(measures: [$0], grouping: .bureau, bureau: "沭阳") }),
        ("region filter", { TrendRequest(measures: [$0], region: "宿迁") }),
        ("kind filter", { TrendRequest(measures: [$0], grouping: .bureau, kind: "公安") }),
    ]

    @Test func sqliteSumsEqualSwiftSums() throws {
        let db = try Self.database()
        let measures = MeasureCatalog.standard.derived
            + ["requests.new.total", "proactive.fee.amount_10k_yuan"].compactMap(MeasureCatalog.standard.measure)
            // A metric with no column of its own in report_measures: summed from facts.
            + MetricCatalog.standard.metrics.map(\.key).filter { MeasureTable.standard.bit(ofKey: $0) == nil }.prefix(3)
                .compactMap(MeasureCatalog.standard.measure)
        for measure in measures {
            for (name, make) in Self.requests {
                var request = make(measure)
                let fast = try TrendQuery(request).run(on: db.store)
                request.aliases = BureauAliasTable(rows: [])
                let exact = try TrendQuery(request).run(on: db.store)
                #expect(CSV.text(TrendTable.long(fast)) == CSV.text(TrendTable.long(exact)), "\(measure.id) \(name)")
            }
        }
    }

    @Test func integerMeasuresAreSummedInSQLite() throws {
        let db = try Self.database()
        let penalties = try #require(MeasureCatalog.standard.measure("penalties"))
        let raw = try #require(MeasureCatalog.standard.measure("proactive.penalty.decisions"))
        let result = try db.store.trendSums(Store.TrendSumRequest(
            measures: [penalties, raw], group: nil, filter: Store.TrendFilter(ownScopeOnly: true)))
        // The derived measure (report_measures) and the raw metric (facts) agree.
        let byYearOf = { (id: String) in result.sums[id]?.sorted { $0.year < $1.year }.map(\.numerator) }
        #expect(byYearOf("penalties") == byYearOf(raw.id))
        let byYear = Dictionary(grouping: try #require(result.sums["penalties"]), by: \.year).mapValues { $0.reduce(0) { $0 + ($1.numerator.integerValue ?? 0) } }
        // 2022: the fixture's 29 plus the derived 40; 2023: the invalid cell leaves its report out, the aggregate is not own scope.
        #expect(byYear[2022] == 69)
        #expect(byYear[2023] == 18)
    }

    /// 万元 amounts are summed exactly from their text, by the derived measure and the raw metric alike.
    @Test func fractionsAreSummedExactly() throws {
        let db = try Self.database()
        let measures = ["fees", "proactive.fee.amount_10k_yuan"].compactMap(MeasureCatalog.standard.measure)
        let result = try db.store.trendSums(Store.TrendSumRequest(
            measures: measures, group: nil, filter: Store.TrendFilter(ownScopeOnly: true)))
        for measure in measures {
            let sums = try #require(result.sums[measure.id], "\(measure.id)")
            // 2021: 38.441094 (山亭区应急管理局) + 1.5 (沭阳县发展和改革局).
            #expect(sums.first { $0.year == 2021 }?.numerator == ExactDecimal("39.941094"), "\(measure.id)")
        }
    }
}

/// Groups come out in `String` order however they are sorted inside.
@Suite struct TrendGroupOrderTests {
    @Test func byteOrderOfNFCEqualsStringOrder() {
        let names = ["沭阳县公安局", "上海市人民政府办公厅", "Zeta", "alpha", "e\u{301}cole", "école", "全部", "未知地区", "（一）", "甲", "ａ", "Ａ", ""]
        #expect(TrendQuery.sorted(names) == names.sorted())
    }
}
