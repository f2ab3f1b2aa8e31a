import Foundation
import Testing
@testable import NianbaoKit

/// The derived measures' definitions, on hand-set cells through TrendQuery:
/// which cells each one reads, sums with blank / missing cells, rates
/// (zero denominators, half-even rounding to 2 decimals) and exact 万元 sums.
@Suite struct MeasureTests {
    /// One V2021 report with a distinct value in every cell a derived measure
    /// reads, plus traps: subtotal rows and the 自然人 column hold numbers no
    /// definition may pick up.
    static let rich: [String: String] = {
        var cells: [String: String] = [
            "requests.new.total": "40", "requests.new.natural_person": "999",
            "requests.carried_in.total": "10", "requests.carried_in.natural_person": "999",
            "outcome.total.total": "45", "outcome.total.natural_person": "999",
            "carried_out.total": "5", "carried_out.natural_person": "999",
            "outcome.granted.total": "20", "outcome.granted.natural_person": "999",
            "outcome.partial.total": "7",
            // Traps: group subtotal rows are not reason rows.
            "outcome.denied.subtotal.total": "100", "outcome.unavailable.subtotal.total": "100",
            "outcome.not_processed.duplicate.total": "100",
            "review.upheld": "3", "review.corrected": "2", "review.other": "1", "review.pending": "4", "review.total": "10",
            "litigation.direct.upheld": "1", "litigation.direct.corrected": "1", "litigation.direct.other": "0",
            "litigation.direct.pending": "2", "litigation.direct.total": "4",
            "litigation.after_review.upheld": "0", "litigation.after_review.corrected": "1",
            "litigation.after_review.other": "0", "litigation.after_review.pending": "1", "litigation.after_review.total": "2",
            "proactive.penalty.decisions": "123", "proactive.license.decisions": "45",
            "proactive.coercion.decisions": "6", "proactive.fee.amount_10k_yuan": "38.441094",
            // Traps for the decisions measures.
            "proactive.normative_doc.issued": "77",
        ]
        let denied = [
            "state_secret", "law_prohibited", "security_stability", "third_party", "internal_affairs", "process_info",
            "enforcement_file", "admin_query",
        ]
        for (index, reason) in denied.enumerated() { cells["outcome.denied.\(reason).total"] = String(index + 1) }  // Σ 36
        for (reason, value) in [("not_held", 3), ("needs_creation", 5), ("still_unclear", 7)] {
            cells["outcome.unavailable.\(reason).total"] = String(value)  // Σ 15
        }
        return cells
    }()

    struct Expected: Sendable {
        let value: String
        let unit: String
        var numerator: String? = nil
        var denominator: String? = nil
    }

    /// What each derived measure gives on `rich`, worked out by hand from its definition.
    static let expected: [String: Expected] = [
        "applications": Expected(value: "40", unit: "件"),
        "carried_in": Expected(value: "10", unit: "件"),
        "handled": Expected(value: "45", unit: "件"),
        "carried_out": Expected(value: "5", unit: "件"),
        "granted": Expected(value: "27", unit: "件"),  // 20 + 7
        "disclosure_rate": Expected(value: "60", unit: "%", numerator: "27", denominator: "45"),
        "refusals_legal": Expected(value: "36", unit: "件"),  // 1 + … + 8, not the subtotal
        "refusals_operational": Expected(value: "15", unit: "件"),  // 3 + 5 + 7
        "refusal_legal_share": Expected(value: "70.59", unit: "%", numerator: "36", denominator: "51"),  // 70.588…
        "reviews": Expected(value: "10", unit: "件"),
        "review_corrected": Expected(value: "2", unit: "件"),
        "review_correction_rate": Expected(value: "33.33", unit: "%", numerator: "2", denominator: "6"),  // pending excluded
        "lawsuits": Expected(value: "6", unit: "件"),  // 4 + 2
        "litigation_correction_rate": Expected(value: "66.67", unit: "%", numerator: "2", denominator: "3"),
        "remedy_rate": Expected(value: "40", unit: "per 100 applications", numerator: "16", denominator: "40"),
        "backlog_share": Expected(value: "10", unit: "%", numerator: "5", denominator: "50"),
        "penalties": Expected(value: "123", unit: "件"),
        "licences": Expected(value: "45", unit: "件"),
        "coercion": Expected(value: "6", unit: "件"),
        "fees": Expected(value: "38.441094", unit: "万元"),
    ]

    static let rates = MeasureCatalog.standard.derived.filter(\.isRate).map(\.id)

    @Test func everyDerivedMeasureHasADefinitionCase() {
        let ids = MeasureCatalog.standard.derived.map(\.id)
        #expect(Set(ids) == Set(Self.expected.keys))
        // The README's table, in its order.
        #expect(ids == [
            "applications", "carried_in", "handled", "carried_out", "granted", "disclosure_rate", "refusals_legal",
            "refusals_operational", "refusal_legal_share", "reviews", "review_corrected", "review_correction_rate",
            "lawsuits", "litigation_correction_rate", "remedy_rate", "backlog_share", "penalties", "licences", "coercion",
            "fees",
        ])
        #expect(Self.rates == [
            "disclosure_rate", "refusal_legal_share", "review_correction_rate", "litigation_correction_rate",
            "remedy_rate", "backlog_share",
        ])
    }

    @Test(arguments: MeasureCatalog.standard.derived.map(\.id))
    func definitionOnHandSetCells(_ id: String) throws {
        let expected = try #require(Self.expected[id])
        let measure = try #require(MeasureCatalog.standard.measure(id))
        #expect(measure.unit == expected.unit)
        #expect(!measure.definition.isEmpty)
        #expect(measure.isRate == (expected.denominator != nil))
        let db = try TrendDatabase()
        try db.save(bureau: "测试县应急管理局", year: 2022, cells: Self.rich)
        let rows = try db.trend([id])
        #expect(rows.count == 1)
        let row = try #require(rows.first)
        #expect(row.group == "全部")
        #expect(row.year == 2022)
        #expect(row.measure == id)
        #expect(row.value?.description == expected.value)
        #expect(row.numerator?.description == expected.numerator)
        #expect(row.denominator?.description == expected.denominator)
        #expect(row.reports == 1)
        #expect(row.templates == "V2021")
        #expect(row.change == nil && row.changePercent == nil && row.comparableWithPrevious == nil)
    }

    // MARK: - Rates

    @Test(arguments: MeasureTests.rates)
    func zeroDenominatorIsNilNeverZero(_ id: String) throws {
        let measure = try #require(MeasureCatalog.standard.measure(id))
        guard case .ratio(let numerator, let denominator, _, _) = measure.formula else {
            Issue.record("\(id) is not a ratio")
            return
        }
        let db = try TrendDatabase()
        try db.save(bureau: "零分母局", year: 2022, cells: Dictionary((numerator + denominator).map { ($0, "0") }, uniquingKeysWith: { a, _ in a }))
        let rows = try db.trend([id])
        #expect(rows.count == 1)
        #expect(rows.first?.value == nil, "\(id): 0/0 must be NULL, got \(rows.first?.value?.description ?? "nil")")
        #expect(rows.first?.denominator == ExactDecimal(0))
        #expect(rows.first?.numerator == ExactDecimal(0))
        // Written as an empty field, never 0, inf or nan.
        let csv = CSV.text(TrendTable.long(rows))
        #expect(csv.contains("\r\n全部,2022,\(id),"))
        #expect(!csv.lowercased().contains("inf") && !csv.lowercased().contains("nan"))
    }

    @Test func nonZeroNumeratorOverZeroDenominatorIsNil() throws {
        let db = try TrendDatabase()
        // Three lawsuits but no applications received: the remedy rate is unknown, not infinite.
        try db.save(bureau: "零分母局", year: 2022, cells: [
            "review.total": "1", "litigation.direct.total": "2", "litigation.after_review.total": "0", "requests.new.total": "0",
        ])
        let row = try #require(try db.trend(["remedy_rate"]).first)
        #expect(row.value == nil)
        #expect(row.numerator?.description == "3")
        #expect(row.denominator?.description == "0")
    }

    @Test func blankNumeratorBesideAKnownDenominatorIsARealZero() throws {
        let db = try TrendDatabase()
        try db.save(bureau: "甲局", year: 2022, cells: [
            "review.corrected": "", "review.upheld": "3", "review.other": "",
        ])
        let row = try #require(try db.trend(["review_correction_rate"]).first)
        #expect(row.value?.description == "0")
        #expect(row.numerator?.description == "0")
        #expect(row.denominator?.description == "3")
    }

    /// (numerator, denominator) → the disclosure rate, rounded half-even to 2 decimals.
    static let roundings: [(Int, Int, String)] = [
        (1, 3, "33.33"), (2, 3, "66.67"), (1, 8, "12.5"), (1, 16, "6.25"), (1, 6, "16.67"), (5, 5, "100"), (0, 5, "0"),
        // Ties at the third decimal: to the even neighbour.
        (1, 800, "0.12"), (3, 800, "0.38"), (5, 800, "0.62"), (7, 800, "0.88"), (1, 1600, "0.06"),
        (2001, 16000, "12.51"),  // 12.50625: above the tie, up
        (12345, 16000, "77.16"),  // 77.15625: above the tie, up
        (1, 400, "0.25"),
    ]

    @Test func ratesAreRoundedHalfEvenToTwoDecimals() throws {
        let db = try TrendDatabase()
        for (index, (granted, handled, _)) in Self.roundings.enumerated() {
            try db.save(bureau: "舍入测试局\(index)", year: 2022, cells: [
                "outcome.granted.total": String(granted), "outcome.partial.total": "", "outcome.total.total": String(handled),
            ])
        }
        let rows = try db.trend(["disclosure_rate"], by: .bureau)
        for (index, (granted, handled, expected)) in Self.roundings.enumerated() {
            let row = rows.series("舍入测试局\(index)", "disclosure_rate")[2022]
            #expect(row?.value?.description == expected, "\(granted)/\(handled) × 100")
            #expect(row?.numerator?.description == String(granted))
            #expect(row?.denominator?.description == String(handled))
        }
    }

    @Test func exactRatioArithmetic() {
        func ratio(_ n: String, _ d: String, scale: Int = 100) -> String? {
            ExactDecimal.ratio(ExactDecimal(n)!, ExactDecimal(d)!, scale: scale, decimals: 2)?.description
        }
        #expect(ratio("1", "3") == "33.33")
        #expect(ratio("2", "3") == "66.67")
        #expect(ratio("1", "8") == "12.5")
        #expect(ratio("1", "16") == "6.25")
        #expect(ratio("1", "800") == "0.12")
        #expect(ratio("3", "800") == "0.38")
        #expect(ratio("-1", "800") == "-0.12")
        #expect(ratio("-3", "800") == "-0.38")
        #expect(ratio("-1", "3") == "-33.33")
        #expect(ratio("-2", "3") == "-66.67")
        #expect(ratio("1", "-8") == "-12.5")
        #expect(ratio("0.5", "0.125") == "400")
        #expect(ratio("38.441094", "64.991094") == "59.15")  // 59.1482…
        #expect(ratio("1", "0") == nil)
        #expect(ratio("0", "0") == nil)
        #expect(ratio("0", "0.00") == nil)
    }

    @Test func aGroupRateDividesSummedPartsNotAnAverageOfRates() throws {
        let db = try TrendDatabase()
        try db.save(bureau: "甲县公安局", year: 2022, cells: [
            "outcome.granted.total": "1", "outcome.partial.total": "0", "outcome.total.total": "3",
        ])
        try db.save(bureau: "乙县公安局", year: 2022, cells: [
            "outcome.granted.total": "1", "outcome.partial.total": "0", "outcome.total.total": "5",
        ])
        let row = try #require(try db.trend(["disclosure_rate"]).first)
        #expect(row.value?.description == "25")  // 2/8, not (33.33 + 20) / 2
        #expect(row.numerator?.description == "2")
        #expect(row.denominator?.description == "8")
        #expect(row.reports == 2)
    }

    // MARK: - Sums

    @Test func aSumWhoseCellsAreAllBlankIsNull() throws {
        let db = try TrendDatabase()
        try db.save(bureau: "甲局", year: 2022, cells: [
            "proactive.penalty.decisions": "", "outcome.granted.total": "", "outcome.partial.total": "/",
            "litigation.direct.total": "/", "litigation.after_review.total": "/",
        ])
        for id in ["penalties", "granted", "lawsuits"] {
            let rows = try db.trend([id], by: .bureau)
            // Either no row or a row without a value: never 0.
            #expect(rows.allSatisfy { $0.value == nil }, "\(id): \(rows.map { $0.value?.description ?? "nil" })")
            let wide = TrendTable.wide(rows)
            #expect(wide.rows.allSatisfy { $0.count < 5 || $0[4] == nil })
        }
        let measure = MeasureCatalog.standard.measure("penalties")!
        #expect(MeasureEvaluator.parts(measure, ["proactive.penalty.decisions": (nil, .blank)]) == nil)
        #expect(MeasureEvaluator.parts(measure, ["proactive.penalty.decisions": (nil, .notApplicable)]) == nil)
        #expect(MeasureEvaluator.parts(measure, [:]) == nil)
    }

    @Test func aBlankReportDoesNotCountAsZeroInItsGroup() throws {
        let db = try TrendDatabase()
        try db.save(bureau: "甲县公安局", year: 2022, cells: ["proactive.penalty.decisions": ""])
        try db.save(bureau: "乙县公安局", year: 2022, cells: ["proactive.penalty.decisions": "4"])
        let row = try #require(try db.trend(["penalties"]).first)
        #expect(row.value?.description == "4")
        #expect(row.reports == 1)  // only the report that reported a value
    }

    @Test func blanksAndSlashesCountZeroBesideReportedCells() throws {
        let db = try TrendDatabase()
        try db.save(bureau: "空白局", year: 2022, cells: [
            "outcome.granted.total": "5", "outcome.partial.total": "",
            "litigation.direct.total": "3", "litigation.after_review.total": "/",
            "outcome.denied.state_secret.total": "2", "outcome.denied.third_party.total": "",
            "outcome.denied.process_info.total": "/", "outcome.denied.admin_query.total": "1",
        ])
        let rows = try db.trend(["granted", "lawsuits", "refusals_legal"])
        #expect(rows.values("全部", "granted") == [2022: "5"])
        #expect(rows.values("全部", "lawsuits") == [2022: "3"])
        #expect(rows.values("全部", "refusals_legal") == [2022: "3"])
    }

    @Test func derivedTotalsCountAsValues() throws {
        let db = try TrendDatabase()
        try db.save(bureau: "派生局", year: 2022, cells: [
            "outcome.granted.total": "=4", "outcome.partial.total": "1", "outcome.total.total": "=10",
        ])
        let rows = try db.trend(["granted", "disclosure_rate", "handled"])
        #expect(rows.values("全部", "granted") == [2022: "5"])
        #expect(rows.values("全部", "disclosure_rate") == [2022: "50"])
        #expect(rows.values("全部", "handled") == [2022: "10"])
    }

    @Test(arguments: ["missing", "ambiguous", "invalid"])
    func anUnknownCellMakesTheValueNull(_ status: String) throws {
        let db = try TrendDatabase()
        try db.save(bureau: "未知局", year: 2022, cells: [
            "outcome.granted.total": "5", "outcome.partial.total": status,
            "litigation.direct.total": "3", "litigation.after_review.total": status,
            "outcome.total.total": status,
            "review.corrected": "1", "review.upheld": "2", "review.other": status,
            "proactive.penalty.decisions": status,
        ])
        for id in ["granted", "lawsuits", "disclosure_rate", "review_correction_rate", "penalties", "handled"] {
            let rows = try db.trend([id], by: .bureau)
            #expect(rows.allSatisfy { $0.value == nil }, "\(id) with a \(status) cell: \(rows.map { $0.value?.description ?? "nil" })")
        }
        // A rate whose numerator has an unknown cell is unknown too, even with a known denominator.
        let other = try TrendDatabase()
        try other.save(bureau: "未知局", year: 2022, cells: [
            "outcome.granted.total": status, "outcome.partial.total": "1", "outcome.total.total": "4",
        ])
        #expect(try other.trend(["disclosure_rate"]).allSatisfy { $0.value == nil })
    }

    @Test func feesAreSummedExactly() throws {
        #expect((ExactDecimal("38.441094")! + ExactDecimal("26.55")!)?.description == "64.991094")
        #expect((ExactDecimal("0.1")! + ExactDecimal("0.2")!)?.description == "0.3")
        let db = try TrendDatabase()
        try db.save(bureau: "甲县财政局", year: 2022, cells: ["proactive.fee.amount_10k_yuan": "38.441094"])
        try db.save(bureau: "乙县财政局", year: 2022, cells: ["proactive.fee.amount_10k_yuan": "26.55"])
        try db.save(bureau: "丙县财政局", year: 2022, cells: ["proactive.fee.amount_10k_yuan": "0.1"])
        try db.save(bureau: "丁县财政局", year: 2022, cells: ["proactive.fee.amount_10k_yuan": "0.2"])
        try db.save(bureau: "甲县财政局", year: 2023, cells: ["proactive.fee.amount_10k_yuan": "0.1"])
        try db.save(bureau: "乙县财政局", year: 2023, cells: ["proactive.fee.amount_10k_yuan": "0.2"])
        let rows = try db.trend(["fees"])
        #expect(rows.values("全部", "fees") == [2022: "65.291094", 2023: "0.3"])
        let row2023 = try #require(rows.series("全部", "fees")[2023])
        #expect(row2023.change?.description == "-64.991094")
        #expect(row2023.changePercent?.description == "-99.54")  // -64.991094 / 65.291094 = -0.99540…
        #expect(CSV.text(TrendTable.long(rows)).contains(",65.291094,万元,"))
    }

    @Test func feesOfTwoReportsSumTo64_991094() throws {
        let db = try TrendDatabase()
        try db.save(bureau: "甲县财政局", year: 2022, cells: ["proactive.fee.amount_10k_yuan": "38.441094"])
        try db.save(bureau: "乙县财政局", year: 2022, cells: ["proactive.fee.amount_10k_yuan": "26.55"])
        #expect(try db.trend(["fees"]).values("全部", "fees") == [2022: "64.991094"])
    }

    @Test func feesAreV2021OnlyAndAV2019ReportAddsNothing() throws {
        let db = try TrendDatabase()
        try db.save(bureau: "甲县财政局", year: 2020, version: .v2019, cells: [
            "proactive.fee.items_prev_year": "3", "proactive.fee.items_change": "1",
        ])
        try db.save(bureau: "甲县财政局", year: 2021, cells: ["proactive.fee.amount_10k_yuan": "2.5"])
        let rows = try db.trend(["fees"], by: .bureau)
        #expect(rows.values("甲县财政局", "fees") == [2021: "2.5"])
        #expect(MeasureCatalog.standard.measure("fees")?.versions == [.v2021])
        #expect(MeasureCatalog.standard.measure("fees")?.comparability == .v2021Only)
    }

    // MARK: - The catalog of measures

    @Test func everyMetricIsAlsoAMeasureUnderItsKey() throws {
        for metric in MetricCatalog.standard.metrics {
            let measure = try #require(MeasureCatalog.standard.measure(metric.key))
            #expect(measure.formula == .sum([metric.key]))
            #expect(measure.comparability == metric.comparability)
            #expect(measure.unit == metric.unit.rawValue)
            #expect(!measure.isRate)
        }
        #expect(MeasureCatalog.standard.measure("no_such_measure") == nil)
        #expect(MeasureCatalog.standard.measure("proactive.normative_doc.issued")?.comparability == .approx)
        #expect(MeasureCatalog.standard.measure("penalties")?.comparability == .same)
    }

    @Test func labelsInBothLanguages() throws {
        let penalties = try #require(MeasureCatalog.standard.measure("penalties"))
        #expect(penalties.label("zh") == "行政处罚决定")
        #expect(penalties.label("en") == "Administrative penalty decisions")
        let listing = TrendTable.measureListing()
        #expect(listing.columns.map(\.name) == ["measure", "label", "english", "unit", "versions", "comparability", "definition"])
        #expect(listing.rows.map { $0[0] } == MeasureCatalog.standard.derived.map(\.id))
        #expect(listing.rows.first { $0[0] == "fees" } == [
            "fees", "行政事业性收费金额", "Administrative fees", "万元", "V2021", "v2021_only",
            "行政事业性收费 本年收费金额 in 万元 (V2021 only; V2019 reported item counts).",
        ])
    }
}
