import Testing
@testable import NianbaoKit

/// report-format.md §7: R1–R4 errors, blank-total derivation, merged （六）, S4.
@Suite struct ValidatorTests {
    /// Every number stays as printed; only the flag `identity_violation`
    /// is added, and exactly on the cells of the identities that failed.
    static func expectNumbersKeptAndViolationsFlagged(_ report: ExtractedReport, before: [String: CellValue]) {
        var unflagged = report.cells
        for (key, cell) in unflagged { unflagged[key]?.flags = cell.flags.filter { $0 != Validator.violationFlag } }
        #expect(unflagged == before)
        let failed = MetricCatalog.standard.identities(for: report.version).filter { IdentityEvaluator.holds($0, report.cells) == false }
        #expect(!failed.isEmpty)
        let expected = Set(failed.flatMap(\.keys).filter { key in
            report.cells[key].map { [.reported, .derived, .blank, .notApplicable].contains($0.status) } ?? false
        })
        let flagged = Set(report.cells.filter { $0.value.flags.contains(Validator.violationFlag) }.keys)
        #expect(flagged == expected)
    }

    static let catalog = MetricCatalog.standard
    static let applicant = ["natural_person", "org_commercial", "org_research", "org_public_interest", "org_legal_service", "org_other"]

    /// The V2021 section-三 outcome rows that R3 sums (every sub-row, no subtotal).
    static let outcomeRows = [
        "outcome.granted", "outcome.partial",
        "outcome.denied.state_secret", "outcome.denied.law_prohibited", "outcome.denied.security_stability",
        "outcome.denied.third_party", "outcome.denied.internal_affairs", "outcome.denied.process_info",
        "outcome.denied.enforcement_file", "outcome.denied.admin_query",
        "outcome.unavailable.not_held", "outcome.unavailable.needs_creation", "outcome.unavailable.still_unclear",
        "outcome.not_processed.petition_complaint", "outcome.not_processed.duplicate",
        "outcome.not_processed.publication", "outcome.not_processed.excessive", "outcome.not_processed.reconfirm",
        "outcome.other.no_correction", "outcome.other.fee_unpaid", "outcome.other.other",
    ]

    /// A V2021 report where every required cell is reported and every identity holds.
    static func consistentReport(bureau: String = "上海市人民政府办公厅") -> ExtractedReport {
        var values: [String: Int] = [:]
        // Section 三: outcome rows get small varied numbers; state_secret stays all zero.
        for (r, row) in outcomeRows.enumerated() {
            for (c, column) in applicant.enumerated() {
                values[row + "." + column] = row == "outcome.denied.state_secret" ? 0 : (r + c) % 3
            }
        }
        for (c, column) in applicant.enumerated() {
            let outcomeTotal = outcomeRows.reduce(0) { $0 + values[$1 + "." + column]! }
            values["outcome.total." + column] = outcomeTotal
            let carriedIn = c % 2 + 1
            let carriedOut = c % 3
            values["requests.carried_in." + column] = carriedIn
            values["carried_out." + column] = carriedOut
            // R1: new + carried_in = outcome.total + carried_out.
            values["requests.new." + column] = outcomeTotal + carriedOut - carriedIn
        }
        let rows = ["requests.new", "requests.carried_in"] + outcomeRows + ["outcome.total", "carried_out"]
        for row in rows {
            values[row + ".total"] = applicant.reduce(0) { $0 + values[row + "." + $1]! }
        }
        // Section 二 (V2021): no 规章 so that S4 stays quiet for any bureau.
        for key in ["proactive.regulation.issued", "proactive.regulation.repealed", "proactive.regulation.in_force"] {
            values[key] = 0
        }
        values["proactive.normative_doc.issued"] = 3
        values["proactive.normative_doc.repealed"] = 1
        values["proactive.normative_doc.in_force"] = 20
        values["proactive.license.decisions"] = 120
        values["proactive.penalty.decisions"] = 78
        values["proactive.coercion.decisions"] = 2
        // Section 四.
        for (block, results) in [("review", [1, 2, 0, 1]), ("litigation.direct", [2, 0, 1, 0]), ("litigation.after_review", [0, 1, 0, 0])] {
            for (column, value) in zip(["upheld", "corrected", "other", "pending"], results) {
                values[block + "." + column] = value
            }
            values[block + ".total"] = results.reduce(0, +)
        }

        var cells: [String: CellValue] = [:]
        for metric in catalog.requiredMetrics(for: .v2021) {
            if metric.key == "proactive.fee.amount_10k_yuan" {
                cells[metric.key] = CellValue(value: ExactDecimal("26.55"), raw: "26.55", status: .reported)
                continue
            }
            guard let value = values[metric.key] else { continue }
            cells[metric.key] = CellValue(value: ExactDecimal(value), raw: String(value), status: .reported)
        }
        return ExtractedReport(
            bureau: bureau, year: 2021, version: .v2021,
            metadata: ReportMetadata(bureau: bureau, year: 2021), cells: cells, findings: [])
    }

    private func validated(_ report: ExtractedReport) -> ExtractedReport {
        var report = report
        Validator(catalog: Self.catalog).validate(&report)
        return report
    }

    private func set(_ report: inout ExtractedReport, _ key: String, _ value: Int) {
        report.cells[key] = CellValue(value: ExactDecimal(value), raw: String(value), status: .reported)
    }

    private func add(_ report: inout ExtractedReport, _ key: String, _ delta: Int) throws {
        let current = try #require(report.cells[key]?.value?.integerValue, "no value for \(key)")
        set(&report, key, current + delta)
    }

    private func errors(_ report: ExtractedReport) -> [Finding] { report.findings.filter { $0.severity == .error } }

    // MARK: Baseline

    @Test func fixtureCoversEveryRequiredCell() {
        let report = Self.consistentReport()
        let required = Self.catalog.requiredMetrics(for: .v2021)
        let sectionKeys = required.filter { $0.section != .proactive }.map(\.key)
        #expect(sectionKeys.count == 175 + 15)
        for key in required.map(\.key) {
            #expect(report.cells[key]?.status == .reported, "\(key) not in the fixture")
        }
    }

    @Test func consistentReportHasNoErrors() {
        let report = validated(Self.consistentReport())
        #expect(errors(report).isEmpty, "\(errors(report))")
        #expect(report.findings.isEmpty, "\(report.findings)")
        // Nothing was derived or changed.
        #expect(report.cells == Self.consistentReport().cells)
    }

    // MARK: R1–R4

    @Test func r1BreaksAndCellsKeepTheirNumbers() throws {
        var report = Self.consistentReport()
        try add(&report, "requests.new.natural_person", 1)
        try add(&report, "requests.new.total", 1)  // R2 still holds for the row
        let before = report.cells
        report = validated(report)
        let rules = Set(errors(report).map(\.rule))
        #expect(rules == ["R1"], "\(errors(report))")
        #expect(errors(report).contains { $0.metric == "requests.new.natural_person" })
        #expect(errors(report).allSatisfy { $0.severity == .error })
        // Never repaired.
        Self.expectNumbersKeptAndViolationsFlagged(report, before: before)
        #expect(report.cells["requests.new.natural_person"]?.status == .reported)
        #expect(report.cells["requests.new.natural_person"]?.value == before["requests.new.natural_person"]?.value)
    }

    @Test func r2BreaksOnARowTotal() throws {
        var report = Self.consistentReport()
        // Shift one unit between two row totals so R1's 总计 column still balances.
        try add(&report, "requests.new.total", 1)
        try add(&report, "requests.carried_in.total", -1)
        let before = report.cells
        report = validated(report)
        let r2 = errors(report).filter { $0.rule == "R2" }
        #expect(Set(r2.compactMap(\.metric)) == ["requests.new.total", "requests.carried_in.total"], "\(report.findings)")
        #expect(Set(errors(report).map(\.rule)) == ["R2"], "\(errors(report))")
        Self.expectNumbersKeptAndViolationsFlagged(report, before: before)
    }

    @Test func r3BreaksOnTheOutcomeTotal() throws {
        var report = Self.consistentReport()
        try add(&report, "outcome.granted.natural_person", 1)
        try add(&report, "outcome.granted.total", 1)
        let before = report.cells
        report = validated(report)
        #expect(Set(errors(report).map(\.rule)) == ["R3"], "\(errors(report))")
        #expect(errors(report).contains { $0.metric == "outcome.total.natural_person" })
        #expect(errors(report).contains { $0.metric == "outcome.total.total" })
        Self.expectNumbersKeptAndViolationsFlagged(report, before: before)
    }

    @Test func r4BreaksOnSectionFour() throws {
        var report = Self.consistentReport()
        try add(&report, "review.total", 1)
        try add(&report, "litigation.after_review.upheld", 2)
        let before = report.cells
        report = validated(report)
        let r4 = errors(report).filter { $0.rule == "R4" }
        #expect(Set(r4.compactMap(\.metric)) == ["review.total", "litigation.after_review.total"], "\(report.findings)")
        #expect(Set(errors(report).map(\.rule)) == ["R4"])
        Self.expectNumbersKeptAndViolationsFlagged(report, before: before)
        #expect(report.cells["review.total"]?.value == ExactDecimal(5))
    }

    @Test func unreadableCellSkipsItsIdentities() {
        var report = Self.consistentReport()
        report.cells["requests.new.natural_person"] = CellValue(raw: "abc", status: .invalid)
        report = validated(report)
        #expect(errors(report).isEmpty, "\(errors(report))")
    }

    // MARK: Blank totals

    @Test func blankTotalWithNonZeroComponentsIsDerived() throws {
        var report = Self.consistentReport()
        let expected = try #require(report.cells["outcome.granted.total"]?.value)
        #expect(expected != ExactDecimal(0))
        report.cells["outcome.granted.total"] = CellValue(raw: "", status: .blank, locator: "table 2, row 5, cell 10")
        report = validated(report)
        let cell = try #require(report.cells["outcome.granted.total"])
        #expect(cell.status == .derived)
        #expect(cell.value == expected)
        #expect(cell.raw == "")
        #expect(cell.locator == "table 2, row 5, cell 10")
        #expect(!report.findings.contains { $0.rule == "R2" }, "\(report.findings)")
        #expect(errors(report).isEmpty, "\(errors(report))")
    }

    @Test func blankTotalsOnEveryRowAreDerivedLikeShanghai2019() throws {
        var report = Self.consistentReport()
        let original = report.cells
        let rows = ["requests.new", "requests.carried_in"] + Self.outcomeRows + ["outcome.total", "carried_out"]
        for row in rows where original[row + ".total"]?.value != ExactDecimal(0) {
            report.cells[row + ".total"] = CellValue(raw: "", status: .blank)
        }
        report = validated(report)
        #expect(errors(report).isEmpty, "\(errors(report))")
        for row in rows where original[row + ".total"]?.value != ExactDecimal(0) {
            let cell = try #require(report.cells[row + ".total"])
            #expect(cell.status == .derived, "\(row).total")
            #expect(cell.value == original[row + ".total"]?.value, "\(row).total")
        }
    }

    @Test func blankTotalWithZeroComponentsStaysBlank() throws {
        var report = Self.consistentReport()
        #expect(report.cells["outcome.denied.state_secret.total"]?.value == ExactDecimal(0))
        report.cells["outcome.denied.state_secret.total"] = CellValue(raw: "", status: .blank)
        report = validated(report)
        let cell = try #require(report.cells["outcome.denied.state_secret.total"])
        #expect(cell.status == .blank)
        #expect(cell.value == nil)
        #expect(errors(report).isEmpty, "\(errors(report))")
    }

    @Test func blankComponentsCountAsZero() {
        var report = Self.consistentReport()
        // state_secret is all zero: blank components and a 0 total are consistent.
        for column in Self.applicant {
            report.cells["outcome.denied.state_secret." + column] = CellValue(raw: "", status: .blank)
        }
        report = validated(report)
        #expect(errors(report).isEmpty, "\(errors(report))")
        #expect(report.cells["outcome.denied.state_secret.natural_person"]?.status == .blank)
    }

    // MARK: Merged （六）其他处理

    @Test func mergedOtherRowSatisfiesR3() throws {
        var report = Self.consistentReport()
        let subRows = ["outcome.other.no_correction", "outcome.other.fee_unpaid", "outcome.other.other"]
        for column in Self.applicant + ["total"] {
            let sum = try subRows.reduce(0) { total, row in
                try total + #require(report.cells[row + "." + column]?.value?.integerValue)
            }
            for row in subRows { report.cells[row + "." + column] = .missing }
            set(&report, "outcome.other.subtotal." + column, sum)
        }
        report = validated(report)
        #expect(errors(report).isEmpty, "\(errors(report))")
        for row in subRows {
            #expect(report.cells[row + ".natural_person"]?.status == .missing)
        }
    }

    @Test func mergedOtherRowWithWrongSubtotalBreaksR3() throws {
        var report = Self.consistentReport()
        let subRows = ["outcome.other.no_correction", "outcome.other.fee_unpaid", "outcome.other.other"]
        for column in Self.applicant + ["total"] {
            let sum = try subRows.reduce(0) { total, row in
                try total + #require(report.cells[row + "." + column]?.value?.integerValue)
            }
            for row in subRows { report.cells[row + "." + column] = .missing }
            set(&report, "outcome.other.subtotal." + column, sum)
        }
        try add(&report, "outcome.other.subtotal.natural_person", 1)
        try add(&report, "outcome.other.subtotal.total", 1)
        report = validated(report)
        #expect(errors(report).contains { $0.rule == "R3" && $0.metric == "outcome.total.natural_person" }, "\(errors(report))")
    }

    // MARK: S4

    @Test func s4WarnsForACountyLevelBureauWithRegulations() throws {
        var report = Self.consistentReport(bureau: "山亭区应急局")
        set(&report, "proactive.regulation.issued", 2)
        report = validated(report)
        let s4 = report.findings.filter { $0.rule == "S4" }
        #expect(s4.count == 1, "\(report.findings)")
        #expect(s4.first?.severity == .warning)
        #expect(s4.first?.metric == "proactive.regulation.issued")
        #expect(errors(report).isEmpty)
        #expect(report.cells["proactive.regulation.issued"]?.value == ExactDecimal(2))
    }

    @Test func s4IsQuietForAProvincialGovernment() {
        var report = Self.consistentReport(bureau: "上海市人民政府办公厅")
        set(&report, "proactive.regulation.issued", 13)
        report = validated(report)
        #expect(!report.findings.contains { $0.rule == "S4" }, "\(report.findings)")
    }

    @Test func s4IsQuietWhenACountyReportsZero() {
        let report = validated(Self.consistentReport(bureau: "山亭区应急局"))
        #expect(!report.findings.contains { $0.rule == "S4" }, "\(report.findings)")
    }

    @Test(arguments: ["迎宾路街道", "台安县人民政府办公室", "螅镇", "湖口县卫生健康委员会"])
    func s4AppliesToTownsStreetsAndCounties(_ bureau: String) {
        var report = Self.consistentReport(bureau: bureau)
        set(&report, "proactive.regulation.in_force", 6)
        report = validated(report)
        #expect(report.findings.contains { $0.rule == "S4" && $0.metric == "proactive.regulation.in_force" }, "\(bureau)")
    }
}
