import Testing
@testable import NianbaoKit

/// report-format.md §8.2: raw cell text → status, exact value, flags; the raw text is kept.
@Suite struct ValueParserTests {
    private static let catalog = MetricCatalog.standard

    private func metric(_ key: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Metric {
        try #require(Self.catalog.metric(key), "no metric \(key)", sourceLocation: sourceLocation)
    }

    // MARK: Blank and not applicable

    @Test(arguments: ["", " ", "\u{00A0}", "\n", " \n\t ", "　", "\u{00A0}\u{00A0}"])
    func blankCells(_ raw: String) {
        let cell = ValueParser.parse(raw, unit: .count)
        #expect(cell.status == .blank)
        #expect(cell.value == nil)
        #expect(cell.raw == raw)
        #expect(cell.flags.isEmpty)
        #expect(ValueParser.isBlank(raw))
    }

    @Test(arguments: ["/", "—", "－", "-", "无", "——", " / ", "／"])
    func notApplicableCells(_ raw: String) {
        let cell = ValueParser.parse(raw, unit: .count)
        #expect(cell.status == .notApplicable, "\(raw.debugDescription) → \(cell.status)")
        #expect(cell.value == nil)
        #expect(cell.raw == raw)
    }

    @Test func notApplicableForMoneyToo() {
        let cell = ValueParser.parse("/", unit: .tenThousandYuan, unitInHeader: false)
        #expect(cell.status == .notApplicable)
        #expect(cell.value == nil)
        #expect(cell.flags.isEmpty)
    }

    // MARK: Counts

    @Test(arguments: [
        ("0", 0), ("7", 7), ("１２３", 123), ("1,347", 1347), ("１,３４７", 1347), ("12件", 12), (" 7 ", 7),
        ("\n 0  ", 0), ("007", 7), ("1,234,567", 1_234_567), ("3项", 3),
    ])
    func countValues(_ raw: String, _ expected: Int) {
        let cell = ValueParser.parse(raw, unit: .count)
        #expect(cell.status == .reported, "\(raw.debugDescription) → \(cell.status)")
        #expect(cell.value == ExactDecimal(expected))
        #expect(cell.value?.integerValue == expected)
        #expect(cell.raw == raw)
        #expect(cell.flags.isEmpty)
    }

    @Test(arguments: ["3.5", "abc", "1,34", "12,34,567", "1.2.3", "五", "约10", "10余", "1e3", "0.1"])
    func invalidCounts(_ raw: String) {
        let cell = ValueParser.parse(raw, unit: .count)
        #expect(cell.status == .invalid, "\(raw.debugDescription) → \(cell.status) \(String(describing: cell.value))")
        #expect(cell.value == nil)
        #expect(cell.raw == raw)
    }

    @Test func signedItemChange() throws {
        let change = try metric("proactive.license.items_change")
        #expect(change.isSigned)
        let plus = ValueParser.parse("+4", for: change)
        #expect(plus.status == .reported)
        #expect(plus.value == ExactDecimal(4))
        #expect(plus.value?.description == "4")
        #expect(plus.raw == "+4")
        let minus = ValueParser.parse("-2", for: change)
        #expect(minus.status == .reported)
        #expect(minus.value == ExactDecimal(-2))
        #expect(minus.value?.description == "-2")
        #expect(minus.raw == "-2")
        let big = ValueParser.parse("+1036", for: change)
        #expect(big.value?.integerValue == 1036)
        // A full-width sign is NFKC-normalised too.
        #expect(ValueParser.parse("＋4", for: change).value == ExactDecimal(4))
    }

    /// §8.1: outside 本年增/减, counts are integers ≥ 0, so a sign has no meaning
    /// for an unsigned metric such as a section-三 cell.
    @Test func negativeValueForUnsignedCountIsNotReported() throws {
        let unsigned = try metric("requests.new.natural_person")
        #expect(!unsigned.isSigned)
        let cell = ValueParser.parse("-2", for: unsigned)
        #expect(cell.status == .invalid, "\"-2\" for an unsigned count read as \(cell.status) \(String(describing: cell.value))")
    }

    // MARK: Money

    @Test func feeAmountIsExact() throws {
        let fee = try metric("proactive.fee.amount_10k_yuan")
        #expect(fee.unit == .tenThousandYuan)
        for raw in ["26.55", "190.457379", "38.441094", "0"] {
            let cell = ValueParser.parse(raw, for: fee)
            #expect(cell.status == .reported)
            #expect(cell.value?.description == raw)
            #expect(cell.raw == raw)
            // The header states 万元: a bare number is not "inferred".
            #expect(!cell.flags.contains("unit_inferred"), "\(raw): \(cell.flags)")
            #expect(!cell.flags.contains("converted_from_yuan"))
        }
    }

    @Test func amountAsTenThousandYuanUnit() {
        let cell = ValueParser.parse("26.55", unit: .tenThousandYuan)
        #expect(cell.status == .reported)
        #expect(cell.value?.description == "26.55")
        #expect(cell.flags.isEmpty)
    }

    @Test func procurementInYuanIsConvertedExactly() throws {
        let amount = try metric("proactive.procurement.amount_10k_yuan")
        let cell = ValueParser.parse("251000元", for: amount)
        #expect(cell.status == .reported)
        #expect(cell.value?.description == "25.1")
        #expect(cell.value == ExactDecimal("25.1"))
        #expect(cell.flags.contains("converted_from_yuan"))
        #expect(!cell.flags.contains("unit_inferred"))
        #expect(cell.raw == "251000元")
    }

    @Test func procurementInTenThousandYuanKeepsItsValue() throws {
        let amount = try metric("proactive.procurement.amount_10k_yuan")
        let cell = ValueParser.parse("160.5964万元", for: amount)
        #expect(cell.status == .reported)
        #expect(cell.value?.description == "160.5964")
        #expect(!cell.flags.contains("unit_inferred"))
        #expect(!cell.flags.contains("converted_from_yuan"))
        #expect(cell.raw == "160.5964万元")
    }

    @Test func bareProcurementAmountIsFlaggedInferred() throws {
        let amount = try metric("proactive.procurement.amount_10k_yuan")
        let cell = ValueParser.parse("11.876", for: amount)
        #expect(cell.status == .reported)
        #expect(cell.value?.description == "11.876")
        #expect(cell.flags.contains("unit_inferred"))
        #expect(!cell.flags.contains("converted_from_yuan"))
    }

    @Test func bareFeeAmountIsNotInferred() throws {
        let fee = try metric("proactive.fee.amount_10k_yuan")
        let cell = ValueParser.parse("38.441094", for: fee)
        #expect(cell.status == .reported)
        #expect(cell.value?.description == "38.441094")
        #expect(!cell.flags.contains("unit_inferred"))
    }

    @Test func unitInferredOnlyWithoutHeaderUnit() {
        #expect(ValueParser.parse("11.876", unit: .tenThousandYuan, unitInHeader: false).flags == ["unit_inferred"])
        #expect(ValueParser.parse("11.876", unit: .tenThousandYuan, unitInHeader: true).flags.isEmpty)
    }

    @Test func yuanWithSeparators() {
        let cell = ValueParser.parse("1,251,000元", unit: .tenThousandYuan, unitInHeader: false)
        #expect(cell.status == .reported)
        #expect(cell.value?.description == "125.1")
        #expect(cell.flags.contains("converted_from_yuan"))
    }

    @Test func moneyWithGarbageIsInvalid() {
        let cell = ValueParser.parse("约10万元", unit: .tenThousandYuan)
        #expect(cell.status == .invalid)
        #expect(cell.value == nil)
    }

    // MARK: Raw text

    @Test(arguments: [
        "", "\u{00A0}", "/", "—", "－", "无", "１２３", "1,347", "+4", "-2", "26.55", "251000元", "11.876",
        "3.5", "abc", " 7 ", "\n0\n", "160.5964万元",
    ])
    func rawIsAlwaysTheInput(_ raw: String) {
        for unit in MetricUnit.allCases {
            #expect(ValueParser.parse(raw, unit: unit).raw == raw)
            #expect(ValueParser.parse(raw, unit: unit, unitInHeader: false).raw == raw)
        }
    }

    @Test func isValueLike() {
        for text in ["0", "", "/", "—", "12件", "251000元", "1,347", "１２３", "\u{00A0}"] {
            #expect(ValueParser.isValueLike(text), "\(text.debugDescription)")
        }
        for text in ["规章", "1.属于国家秘密", "（一）予以公开", "3.其他", "总计"] {
            #expect(!ValueParser.isValueLike(text), "\(text.debugDescription)")
        }
    }
}
