import Foundation
import Testing
@testable import NianbaoKit
@testable import NianbaoSynthesis

/// Rows that show fewer numbers than columns (PDF and flattened text drop
/// blank cells) are placed only when the identities allow exactly one
/// placement; otherwise their cells are NULL with status `ambiguous`.
@Suite struct ShortRowPlacerTests {
    static let columns = PrintedTemplate.applicantColumns
    static let organisations = Array(columns.dropFirst().dropLast())

    /// A V2021 report with every required cell 0 except `values`; nil is a blank cell.
    static func report(_ values: [String: Int?]) -> SyntheticReport {
        var cells: [String: ExactDecimal?] = [:]
        for metric in MetricCatalog.standard.requiredMetrics(for: .v2021) { cells[metric.key] = .some(ExactDecimal(0)) }
        for (key, value) in values {
            #expect(cells[key] != nil, "\(key) is not a V2021 cell")
            cells[key] = .some(value.map { ExactDecimal($0) })
        }
        let synthetic = SyntheticReport(
            bureau: "淮安市洪泽区人民政府", year: 2024, version: .v2021, cells: cells, publishedOn: "2025-01-20")
        var check = synthetic.extractedReport()
        Validator().validate(&check)
        #expect(!check.findings.contains { $0.severity == .error }, "the test report itself breaks an identity: \(check.findings)")
        return synthetic
    }

    /// The cells of `row` in applicant order: `values` by column key, the rest blank.
    static func row(_ row: String, _ values: [String: Int]) -> [String: Int?] {
        Dictionary(uniqueKeysWithValues: columns.map { (row + "." + $0, values[$0]) })
    }

    /// The report rendered as layout text and parsed.
    /// - Parameter positions: keep the columns' positions; without them each
    ///   run of spaces is two spaces, and only the identities can place a short row.
    static func parse(_ synthetic: SyntheticReport, positions: Bool = false) throws -> (text: String, parsed: ParsedReport) {
        var text = LayoutTextRenderer.render(synthetic)
        if !positions { text = text.split(separator: "\n", omittingEmptySubsequences: false).map(squeezed).joined(separator: "\n") }
        return (text, try ReportParser().parse(Array(text.utf8), path: "short-rows.txt"))
    }

    /// `line` with every run of two or more spaces after its first character cut to two.
    static func squeezed(_ line: Substring) -> String {
        let indent = line.prefix { $0 == " " }
        var result = String(indent), spaces = 0
        for character in line.dropFirst(indent.count) {
            if character == " " {
                spaces += 1
                continue
            }
            if spaces > 0 { result += String(repeating: " ", count: min(spaces, 2)) }
            spaces = 0
            result.append(character)
        }
        return result
    }

    /// The cells of a printed line, found by its label.
    static func line(_ text: String, label: String) -> [String]? {
        text.split(separator: "\n").map { LayoutTextReader.cells(String($0)) }.first { $0.first == label }
    }

    // MARK: - Placed

    /// 本年新收 prints "95    95": 自然人 and 总计, the organisation columns blank
    /// and dropped. Only one placement keeps R1 and R2: 95 under 自然人 and 总计.
    @Test func theOnlyPlacementTheIdentitiesAllowIsStored() throws {
        var values = Self.row("requests.new", ["natural_person": 95, "total": 95])
        values.merge(Self.row("outcome.granted", ["natural_person": 50, "org_commercial": 0, "org_research": 0, "org_public_interest": 0, "org_legal_service": 0, "org_other": 0, "total": 50])) { $1 }
        values.merge(Self.row("outcome.unavailable.not_held", ["natural_person": 45, "org_commercial": 0, "org_research": 0, "org_public_interest": 0, "org_legal_service": 0, "org_other": 0, "total": 45])) { $1 }
        values.merge(Self.row("outcome.total", ["natural_person": 95, "org_commercial": 0, "org_research": 0, "org_public_interest": 0, "org_legal_service": 0, "org_other": 0, "total": 95])) { $1 }
        let synthetic = Self.report(values)
        let (text, parsed) = try Self.parse(synthetic)
        #expect(Self.line(text, label: "一、本年新收政府信息公开申请数量") == ["一、本年新收政府信息公开申请数量", "95", "95"])

        let cells = parsed.report.cells
        for key in ["requests.new.natural_person", "requests.new.total"] {
            let cell = try #require(cells[key])
            #expect(cell.status == .reported, "\(key)")
            #expect(cell.value == ExactDecimal(95), "\(key)")
            #expect(cell.flags.contains("placed_by_identities"), "\(key): \(cell.flags)")
            #expect(cell.raw == "95")
        }
        for column in Self.organisations {
            let cell = try #require(cells["requests.new." + column])
            #expect(cell.status == .blank, "\(column): \(cell.status)")
            #expect(cell.value == nil)
        }
        let placed = parsed.report.findings.filter { $0.rule == "placed_by_identities" }
        #expect(placed.count == 1)
        #expect(placed.first?.severity == .info)
        #expect(placed.first?.metric == "requests.new.total")
        #expect(!parsed.report.findings.contains { $0.severity != .info }, "\(parsed.report.findings)")
        // Every other cell is read as printed.
        #expect(RoundTrip.mismatches(parsed, synthetic).isEmpty, "\(RoundTrip.mismatches(parsed, synthetic))")
    }

    /// The other org column, not 自然人: "7    7" of a row whose 7 belongs to 社会公益组织.
    @Test func aNumberUnderAnOrganisationColumnIsPlacedThere() throws {
        var values = Self.row("outcome.denied.third_party", ["org_public_interest": 7, "total": 7])
        values["requests.new.org_public_interest"] = 7
        values["requests.new.total"] = 7
        values["outcome.total.org_public_interest"] = 7
        values["outcome.total.total"] = 7
        let synthetic = Self.report(values)
        let (text, parsed) = try Self.parse(synthetic)
        #expect(Self.line(text, label: "4.保护第三方合法权益") == ["4.保护第三方合法权益", "7", "7"])
        #expect(parsed.report.cells["outcome.denied.third_party.org_public_interest"]?.value == ExactDecimal(7))
        #expect(parsed.report.cells["outcome.denied.third_party.natural_person"]?.status == .blank)
        #expect(RoundTrip.mismatches(parsed, synthetic).isEmpty, "\(RoundTrip.mismatches(parsed, synthetic))")
    }

    // MARK: - Ambiguous

    /// Two rows print "1    1": one has its 1 under 自然人, the other under 商业企业.
    /// Swapping them satisfies every identity as well, so neither is placed:
    /// their fourteen cells are NULL and ambiguous, each row with a warning.
    @Test func twoPlacementsThatBothSatisfyTheIdentitiesStoreNoNumber() throws {
        var values = Self.row("outcome.denied.state_secret", ["natural_person": 1, "total": 1])
        values.merge(Self.row("outcome.denied.law_prohibited", ["org_commercial": 1, "total": 1])) { $1 }
        values["requests.new.natural_person"] = 10
        values["requests.new.org_commercial"] = 1
        values["requests.new.total"] = 11
        values["outcome.granted.natural_person"] = 9
        values["outcome.granted.total"] = 9
        values["outcome.total.natural_person"] = 10
        values["outcome.total.org_commercial"] = 1
        values["outcome.total.total"] = 11
        let synthetic = Self.report(values)
        let (text, parsed) = try Self.parse(synthetic)
        #expect(Self.line(text, label: "1.属于国家秘密") == ["1.属于国家秘密", "1", "1"])
        #expect(Self.line(text, label: "2.其他法律行政法规禁止公开") == ["2.其他法律行政法规禁止公开", "1", "1"])

        for row in ["outcome.denied.state_secret", "outcome.denied.law_prohibited"] {
            for column in Self.columns {
                let cell = try #require(parsed.report.cells[row + "." + column])
                #expect(cell.status == .ambiguous, "\(row).\(column): \(cell.status)")
                #expect(cell.value == nil, "\(row).\(column) stored \(cell.value?.description ?? "")")
                #expect(!cell.flags.contains("placed_by_identities"))
            }
        }
        let ambiguous = parsed.report.findings.filter { $0.rule == "ambiguous_row" }
        #expect(ambiguous.count == 2)

        // Where the columns' positions are kept, they say where each 1 stands.
        let placed = try Self.parse(synthetic, positions: true).parsed
        #expect(placed.report.cells["outcome.denied.state_secret.natural_person"]?.value == ExactDecimal(1))
        #expect(placed.report.cells["outcome.denied.state_secret.org_commercial"]?.status == .blank)
        #expect(placed.report.cells["outcome.denied.law_prohibited.org_commercial"]?.value == ExactDecimal(1))
        #expect(placed.report.cells["outcome.denied.law_prohibited.natural_person"]?.status == .blank)
        #expect(!placed.report.findings.contains { $0.rule == "ambiguous_row" })
        #expect(ambiguous.allSatisfy { $0.severity == .warning })
        #expect(Set(ambiguous.compactMap(\.metric)) == ["outcome.denied.state_secret.total", "outcome.denied.law_prohibited.total"])
        #expect(!parsed.report.findings.contains { $0.rule == "placed_by_identities" })
        // Unknowable identities are not errors.
        #expect(!parsed.report.findings.contains { $0.severity == .error }, "\(parsed.report.findings)")
        // The rows around them are read as printed.
        #expect(parsed.report.cells["outcome.granted.natural_person"]?.value == ExactDecimal(9))
        #expect(parsed.report.cells["outcome.total.total"]?.value == ExactDecimal(11))
    }

    /// No placement satisfies the identities ("95  96" in a row whose total
    /// must be 95): the row is ambiguous, not forced into the closest fit.
    @Test func noPlacementThatSatisfiesTheIdentitiesStoresNoNumber() throws {
        var values = Self.row("requests.new", ["natural_person": 95, "total": 96])
        values["outcome.granted.natural_person"] = 95
        values["outcome.granted.total"] = 95
        values["outcome.total.natural_person"] = 95
        values["outcome.total.total"] = 95
        let synthetic = SyntheticReport(
            bureau: "淮安市洪泽区人民政府", year: 2024, version: .v2021,
            cells: Self.report([:]).cells.merging(values.mapValues { $0.map { ExactDecimal($0) } }) { $1 },
            publishedOn: "2025-01-20")
        let (_, parsed) = try Self.parse(synthetic)
        for column in Self.columns {
            #expect(parsed.report.cells["requests.new." + column]?.status == .ambiguous, "\(column)")
            #expect(parsed.report.cells["requests.new." + column]?.value == nil)
        }
        #expect(parsed.report.findings.contains { $0.rule == "ambiguous_row" && $0.metric == "requests.new.total" })
    }

    /// Unit level: the placer with hand-made cells and pending rows.
    @Test func placerDecidesFromTheCellsAroundTheRow() throws {
        let catalog = MetricCatalog.standard
        let synthetic = Self.report(Self.row("requests.new", ["natural_person": 3, "total": 3]).merging([
            "outcome.granted.natural_person": 3, "outcome.granted.total": 3, "outcome.total.natural_person": 3, "outcome.total.total": 3,
        ]) { $1 })
        var cells = synthetic.extractedReport().cells
        let keys = Self.columns.map { "requests.new." + $0 }
        let located = LocatedRow(table: 3, index: 4, row: TableRow(cells: [TableCell("一、本年新收政府信息公开申请数量"), TableCell("3"), TableCell("3")], line: 40))
        let observed = ObservedRow(
            source: located, label: "一、本年新收政府信息公开申请数量", normalizedLabel: LabelNormalizer.normalize("一、本年新收政府信息公开申请数量"),
            values: [TableCell("3"), TableCell("3")], valueIndices: [1, 2])
        let placer = ShortRowPlacer(identities: catalog.identities(for: .v2021), catalog: catalog)
        let (placed, ambiguous) = placer.place([ShortRowPlacer.Pending(keys: keys, row: observed)], into: &cells)
        #expect(placed.count == 1 && ambiguous.isEmpty)
        #expect(cells["requests.new.natural_person"]?.value == ExactDecimal(3))
        #expect(cells["requests.new.total"]?.value == ExactDecimal(3))
        #expect(cells["requests.new.total"]?.locator == "table 3, row 4, cell 3")
        #expect(cells["requests.new.org_other"]?.status == .blank)

        // The same row when the column totals it depends on are unknown: ambiguous.
        var unknown = synthetic.extractedReport().cells
        for key in Self.columns.map({ "outcome.total." + $0 }) + Self.columns.map({ "carried_out." + $0 }) { unknown[key] = .missing }
        let (none, left) = placer.place([ShortRowPlacer.Pending(keys: keys, row: observed)], into: &unknown)
        #expect(none.isEmpty && left.count == 1)
        #expect(keys.allSatisfy { unknown[$0]?.status == .ambiguous && unknown[$0]?.value == nil })
    }

    // MARK: - Combinations

    static func binomial(_ n: Int, _ k: Int) -> Int {
        guard k >= 0, k <= n else { return 0 }
        return (0..<k).reduce(1) { $0 * (n - $1) / ($1 + 1) }
    }

    @Test func combinationsCountsAndOrder() {
        #expect(ShortRowPlacer.combinations(of: 2, from: 4) == [[0, 1], [0, 2], [0, 3], [1, 2], [1, 3], [2, 3]])
        #expect(ShortRowPlacer.combinations(of: 2, from: 7).count == 21)
        #expect(ShortRowPlacer.combinations(of: 6, from: 7).count == 7)
        #expect(ShortRowPlacer.combinations(of: 7, from: 7) == [[0, 1, 2, 3, 4, 5, 6]])
        #expect(ShortRowPlacer.combinations(of: 14, from: 15).count == 15)
        #expect(ShortRowPlacer.combinations(of: 0, from: 7) == [[]])
        #expect(ShortRowPlacer.combinations(of: 8, from: 7).isEmpty)
        for n in 0...9 {
            for k in 1...n + 1 {
                let all = ShortRowPlacer.combinations(of: k, from: n)
                #expect(all.count == Self.binomial(n, k), "C(\(n), \(k))")
                #expect(Set(all).count == all.count, "C(\(n), \(k)) repeats a choice")
                #expect(all.allSatisfy { $0.count == k && zip($0, $0.dropFirst()).allSatisfy { $0 < $1 } && ($0.last ?? 0) < max(n, 1) })
                #expect(all == all.sorted { $0.lexicographicallyPrecedes($1) }, "C(\(n), \(k)) not in lexicographic order")
            }
        }
    }
}
