import Testing
@testable import NianbaoKit

/// Section-三 rows aligned to the catalog (architecture.md "Aligning rows"):
/// unlabeled rows only between two anchors that leave exactly their slots,
/// the merged （六）其他处理 row, group labels glued to row labels.
@Suite struct RowAlignerTests {
    static let catalog = MetricCatalog.standard

    /// The 25 V2021 section-三 rows as printed: group cell (if any) and row label.
    static let v2021Labels: [(key: String, cells: [String])] = [
        ("requests.new", ["一、本年新收政府信息公开申请数量"]),
        ("requests.carried_in", ["二、上年结转政府信息公开申请数量"]),
        ("outcome.granted", ["三、本年度办理结果", "（一）予以公开"]),
        ("outcome.partial", ["（二）部分公开（区分处理的，只计这一情形，不计其他情形）"]),
        ("outcome.denied.state_secret", ["（三）不予公开", "1.属于国家秘密"]),
        ("outcome.denied.law_prohibited", ["2.其他法律行政法规禁止公开"]),
        ("outcome.denied.security_stability", ["3.危及“三安全一稳定”"]),
        ("outcome.denied.third_party", ["4.保护第三方合法权益"]),
        ("outcome.denied.internal_affairs", ["5.属于三类内部事务信息"]),
        ("outcome.denied.process_info", ["6.属于四类过程性信息"]),
        ("outcome.denied.enforcement_file", ["7.属于行政执法案卷"]),
        ("outcome.denied.admin_query", ["8.属于行政查询事项"]),
        ("outcome.unavailable.not_held", ["（四）无法提供", "1.本机关不掌握相关政府信息"]),
        ("outcome.unavailable.needs_creation", ["2.没有现成信息需要另行制作"]),
        ("outcome.unavailable.still_unclear", ["3.补正后申请内容仍不明确"]),
        ("outcome.not_processed.petition_complaint", ["（五）不予处理", "1.信访举报投诉类申请"]),
        ("outcome.not_processed.duplicate", ["2.重复申请"]),
        ("outcome.not_processed.publication", ["3.要求提供公开出版物"]),
        ("outcome.not_processed.excessive", ["4.无正当理由大量反复申请"]),
        ("outcome.not_processed.reconfirm", ["5.要求行政机关确认或重新出具已获取信息"]),
        ("outcome.other.no_correction", ["（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"]),
        ("outcome.other.fee_unpaid", ["2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"]),
        ("outcome.other.other", ["3.其他"]),
        ("outcome.total", ["（七）总计"]),
        ("carried_out", ["四、结转下年度继续办理"]),
    ]

    /// Row `n` (1-based) prints `n` for 自然人, zeros, and `n` for 总计.
    static func values(_ n: Int) -> [String] { [String(n), "0", "0", "0", "0", "0", String(n)] }

    /// Located rows for `labels`; a nil entry is an unlabeled row of values `n`.
    static func located(_ rows: [(label: [String], n: Int)]) -> [LocatedRow] {
        rows.enumerated().map { index, row in
            LocatedRow(
                table: 1, index: index + 1,
                row: TableRow(cells: (row.label + values(row.n)).map { TableCell($0) }))
        }
    }

    /// The 25 rows with the labels of rows `unlabeled` (1-based) removed.
    static func v2021Rows(unlabeled: Set<Int> = []) -> [LocatedRow] {
        located(v2021Labels.enumerated().map { index, row in (unlabeled.contains(index + 1) ? [] : row.cells, index + 1) })
    }

    private let specs = RowAlignerTests.catalog.requestRows(for: .v2021)
    private var aligner: RowAligner { RowAligner(catalogRows: specs, version: .v2021) }

    private func observed(_ rows: [LocatedRow]) -> [ObservedRow] {
        ObservedRow.rows(from: rows, width: 7, isKnownLabel: aligner.isKnownLabel)
    }

    private func slot(_ key: String) throws -> Int {
        try #require(specs.firstIndex { $0.key == key }, "no catalog row \(key)")
    }

    private func read(_ rows: [LocatedRow]) -> SectionCells {
        RequestsSectionReader(catalog: Self.catalog, version: .v2021).read(rows)
    }

    // MARK: Labelled tables

    @Test func fullyLabelledTableAlignsEveryRow() throws {
        let rows = observed(Self.v2021Rows())
        #expect(rows.count == 25)
        let alignment = aligner.align(rows)
        for (index, row) in Self.v2021Labels.enumerated() {
            #expect(alignment.matches[index] == (try slot(row.key)), "row \(index + 1) \(row.key)")
        }
        #expect(alignment.unplaced.isEmpty)
        #expect(alignment.unknown.isEmpty)
    }

    @Test func readerStoresEveryCellOfALabelledTable() {
        let section = read(Self.v2021Rows())
        #expect(section.isComplete)
        #expect(section.findings.isEmpty, "\(section.findings)")
        for (index, row) in Self.v2021Labels.enumerated() {
            #expect(section.cells[row.key + ".natural_person"]?.value == ExactDecimal(index + 1), "\(row.key)")
            #expect(section.cells[row.key + ".total"]?.value == ExactDecimal(index + 1), "\(row.key)")
            #expect(section.cells[row.key + ".org_research"]?.value == ExactDecimal(0), "\(row.key)")
        }
        #expect(section.cells.count == 175)
    }

    // MARK: Unlabeled rows

    @Test func unlabeledDeniedRowsLandBetweenTheirAnchors() throws {
        // Rows 4, 6, 8 of （三）不予公开 (rows 8, 10, 12 of the table) lost their labels.
        let rows = observed(Self.v2021Rows(unlabeled: [8, 10, 12]))
        #expect(rows.count == 25)
        #expect(rows.filter { !$0.isLabeled }.count == 3)
        let alignment = aligner.align(rows)
        #expect(alignment.matches[7] == (try slot("outcome.denied.third_party")))
        #expect(alignment.matches[9] == (try slot("outcome.denied.process_info")))
        #expect(alignment.matches[11] == (try slot("outcome.denied.admin_query")))
        #expect(alignment.unplaced.isEmpty)
        #expect(alignment.unknown.isEmpty)

        let section = read(Self.v2021Rows(unlabeled: [8, 10, 12]))
        #expect(section.cells["outcome.denied.third_party.natural_person"]?.value == ExactDecimal(8))
        #expect(section.cells["outcome.denied.process_info.natural_person"]?.value == ExactDecimal(10))
        #expect(section.cells["outcome.denied.admin_query.natural_person"]?.value == ExactDecimal(12))
        #expect(section.cells["outcome.denied.admin_query.total"]?.value == ExactDecimal(12))
        #expect(section.findings.isEmpty, "\(section.findings)")
        #expect(section.isComplete)
    }

    @Test func unlabeledRowAtTheStartStaysUnplaced() {
        var rows = Self.v2021Rows()
        rows.insert(Self.located([([], 99)])[0], at: 0)
        let observedRows = observed(rows)
        #expect(!observedRows[0].isLabeled)
        let alignment = aligner.align(observedRows)
        #expect(alignment.matches[0] == nil)
        #expect(alignment.unplaced == [0])
        // Everything else still aligns.
        #expect(alignment.matches.count == 25)

        let section = read(rows)
        #expect(section.findings.contains { $0.rule == "unplaced_row" }, "\(section.findings)")
        #expect(section.cells["requests.new.natural_person"]?.value == ExactDecimal(1))
        #expect(!section.cells.values.contains { $0.value == ExactDecimal(99) })
    }

    @Test func firstRowUnlabeledStaysUnplaced() {
        // Row 1 itself lost its label: no anchor before it, so it is not guessed.
        let observedRows = observed(Self.v2021Rows(unlabeled: [1]))
        let alignment = aligner.align(observedRows)
        #expect(alignment.matches[0] == nil)
        #expect(alignment.unplaced == [0])
        let section = read(Self.v2021Rows(unlabeled: [1]))
        #expect(section.cells["requests.new.natural_person"]?.status == .missing)
        #expect(section.findings.contains { $0.rule == "unplaced_row" })
        #expect(section.findings.contains { $0.rule == "missing_row" })
    }

    @Test func unlabeledRowAtTheEndStaysUnplaced() {
        var rows = Self.v2021Rows()
        rows.append(Self.located([([], 99)])[0])
        let alignment = aligner.align(observed(rows))
        #expect(alignment.matches[25] == nil)
        #expect(alignment.unplaced == [25])
    }

    @Test func tooManyUnlabeledRowsForTheGapStayUnplaced() throws {
        // Two unlabeled rows between 3.危及 and 5.属于三类: only one slot (4.保护第三方).
        var rows = Self.v2021Rows(unlabeled: [8])
        rows.insert(Self.located([([], 98)])[0], at: 8)
        let observedRows = observed(rows)
        #expect(observedRows.filter { !$0.isLabeled }.count == 2)
        let alignment = aligner.align(observedRows)
        #expect(alignment.matches[7] == nil)
        #expect(alignment.matches[8] == nil)
        #expect(Set(alignment.unplaced) == [7, 8])
        #expect(alignment.matches[9] == (try slot("outcome.denied.internal_affairs")))

        let section = read(rows)
        #expect(section.cells["outcome.denied.third_party.natural_person"]?.status == .missing)
        #expect(section.findings.filter { $0.rule == "unplaced_row" }.count == 2, "\(section.findings)")
        #expect(section.findings.contains { $0.rule == "missing_row" && $0.metric == "outcome.denied.third_party.total" })
    }

    @Test func tooFewUnlabeledRowsForTheGapStayUnplaced() throws {
        // 4.保护第三方 unlabeled and 5.属于三类 missing: one row for two slots.
        var rows = Self.v2021Rows(unlabeled: [8])
        rows.remove(at: 8)
        let alignment = aligner.align(observed(rows))
        #expect(alignment.matches[7] == nil)
        #expect(alignment.unplaced == [7])
        #expect(alignment.matches[8] == (try slot("outcome.denied.process_info")))
    }

    // MARK: （六）其他处理

    @Test func mergedOtherRowMatchesTheSubtotal() throws {
        // A V2021 table that still prints （六）其他处理 as one row, as V2019 did.
        var labels = Self.v2021Labels.map { (label: $0.cells, n: 0) }
        labels.removeSubrange(20..<23)
        labels.insert((["（六）其他处理"], 0), at: 20)
        let rows = Self.located(labels.enumerated().map { ($1.label, $0 + 1) })
        let observedRows = observed(rows)
        #expect(observedRows.count == 23)
        let alignment = aligner.align(observedRows)
        #expect(alignment.matches[20] == (try slot("outcome.other.subtotal")))
        #expect(alignment.matches[21] == (try slot("outcome.total")))
        #expect(alignment.unknown.isEmpty)

        let section = read(rows)
        #expect(section.cells["outcome.other.subtotal.natural_person"]?.value == ExactDecimal(21))
        #expect(section.cells["outcome.other.subtotal.natural_person"]?.status == .reported)
        for key in ["outcome.other.no_correction", "outcome.other.fee_unpaid", "outcome.other.other"] {
            #expect(section.cells[key + ".natural_person"]?.status == .missing, "\(key)")
        }
        #expect(section.findings.allSatisfy { $0.rule == "merged_row" }, "\(section.findings)")
        #expect(section.findings.count == 3)
        #expect(section.isComplete)
    }

    @Test func mergedOtherRowWithHalfWidthBracketsMatchesTheSubtotal() throws {
        let rows = observed(Self.located([(["(六)其他处理"], 1)]))
        let alignment = aligner.align(rows)
        #expect(alignment.matches[0] == (try slot("outcome.other.subtotal")))
    }

    @Test func groupLabelGluedToTheFirstSubRowIsTheSubRow() throws {
        var labels = Self.v2021Labels.map(\.cells)
        labels[20] = ["（六）其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"]
        let rows = Self.located(labels.enumerated().map { ($1, $0 + 1) })
        let alignment = aligner.align(observed(rows))
        #expect(alignment.matches[20] == (try slot("outcome.other.no_correction")))
        #expect(alignment.matches[20] != (try slot("outcome.other.subtotal")))
        #expect(alignment.observed(for: try slot("outcome.other.subtotal")) == nil)

        let section = read(rows)
        #expect(section.cells["outcome.other.no_correction.natural_person"]?.value == ExactDecimal(21))
        #expect(section.cells["outcome.other.subtotal.natural_person"] == nil)
    }

    @Test func gluedLabelAloneStillMatchesTheSubRow() throws {
        let rows = observed(Self.located([(["（六）其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"], 1)]))
        let alignment = aligner.align(rows)
        #expect(alignment.matches[0] == (try slot("outcome.other.no_correction")))
    }

    @Test func groupSubtotalRowIsStoredWhenPrinted() throws {
        // A report printing "（三）不予公开" with its own numbers before the sub-rows.
        var labels = Self.v2021Labels.map(\.cells)
        labels[4] = ["1.属于国家秘密"]
        labels.insert(["（三）不予公开"], at: 4)
        let rows = Self.located(labels.enumerated().map { ($1, $0 + 1) })
        let alignment = aligner.align(observed(rows))
        #expect(alignment.matches[4] == (try slot("outcome.denied.subtotal")))
        #expect(alignment.matches[5] == (try slot("outcome.denied.state_secret")))
    }

    // MARK: Labels

    @Test func labelVariantsMatch() throws {
        let variants: [(String, String)] = [
            ("(三) 不予公开 1.属于国家秘密", "outcome.denied.state_secret"),
            ("（三）\n不予公开 1．属于国家秘密", "outcome.denied.state_secret"),
            ("3.危及\"三安全一稳定\"", "outcome.denied.security_stability"),
            ("（二）部分公开", "outcome.partial"),
            ("5.要求行政机关确认或重新出具", "outcome.not_processed.reconfirm"),
            ("2.申请人逾期未按收费通知要求缴纳费用，行政机关不再处理其政府信息公开申请", "outcome.other.fee_unpaid"),
            ("三、本年度办理结果 （一）予以公开", "outcome.granted"),
        ]
        for (label, key) in variants {
            let alignment = aligner.align(observed(Self.located([([label], 1)])))
            #expect(alignment.matches[0] == (try slot(key)), "\(label) → \(key)")
        }
    }

    @Test func unknownLabelIsReportedNotPlaced() {
        var rows = Self.v2021Rows()
        rows.insert(Self.located([(["本年度接待群众来访"], 77)])[0], at: 2)
        let alignment = aligner.align(observed(rows))
        #expect(alignment.matches[2] == nil)
        #expect(alignment.unknown == [2])
        let section = read(rows)
        #expect(section.findings.contains { $0.rule == "unknown_row" })
        #expect(!section.cells.values.contains { $0.value == ExactDecimal(77) })
    }

    @Test func isKnownLabel() {
        #expect(aligner.isKnownLabel(LabelNormalizer.normalize("（七）总计")))
        #expect(aligner.isKnownLabel(LabelNormalizer.normalize("四、结转下年度继续办理")))
        #expect(!aligner.isKnownLabel(LabelNormalizer.normalize("信息内容")))
        #expect(!aligner.isKnownLabel(""))
    }

    // MARK: ObservedRow

    @Test func observedRowSplitsLabelAndValues() throws {
        let rows = ObservedRow.rows(
            from: Self.located([(["（三）不予公开", "1.属于国家秘密"], 3)]), width: 7, isKnownLabel: { _ in false })
        let row = try #require(rows.first)
        #expect(rows.count == 1)
        #expect(row.label == "（三）不予公开 1.属于国家秘密")
        #expect(row.normalizedLabel == LabelNormalizer.normalize("（三）不予公开1.属于国家秘密"))
        #expect(row.values.map(\.text) == Self.values(3))
        #expect(row.firstValueIndex == 2)
        #expect(row.locator(value: 0) == "table 1, row 1, cell 3")
    }

    @Test func blankRowNeedsAKnownLabel() {
        let blank = [LocatedRow(table: 1, index: 1, row: TableRow(cells: [TableCell("3.其他")] + (0..<7).map { _ in TableCell("") }))]
        #expect(ObservedRow.rows(from: blank, width: 7, isKnownLabel: { _ in false }).isEmpty)
        #expect(ObservedRow.rows(from: blank, width: 7, isKnownLabel: { _ in true }).count == 1)
    }

    @Test func runOfTwoRowsIsSplit() {
        // A lost row separator: 14 values in one row; the label goes with the first seven.
        let cells = [TableCell("1.属于国家秘密")] + (Self.values(5) + Self.values(6)).map { TableCell($0) }
        let rows = ObservedRow.rows(
            from: [LocatedRow(table: 1, index: 1, row: TableRow(cells: cells))], width: 7, isKnownLabel: { _ in true })
        #expect(rows.count == 2)
        #expect(rows.first?.isLabeled == true)
        #expect(rows.first?.values.first?.text == "5")
        #expect(rows.last?.isLabeled == false)
        #expect(rows.last?.values.first?.text == "6")
        #expect(rows.last?.firstValueIndex == 8)
    }
}
