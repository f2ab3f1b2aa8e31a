import NianbaoKit
/// Makes up complete, internally consistent reports from a seed: the ground
/// truth for round-trip property tests and for benchmark corpora.
///
/// Values look like real ones (report-format.md §8): mostly small counts,
/// many zeros, organisation columns often empty, now and then a large number
/// (1347). Section 三 and 四 are built from their components upwards, so every
/// identity of `MetricCatalog.identities(for:)` holds by construction: R2 row
/// totals and R3 outcome totals are sums, R1 is met by choosing 本年新收 as
/// 办理结果总计 + 结转下年度 − 上年结转, and R4 block totals are sums. The
/// catalog, not a copy of it, says which rows and columns exist, so a new
/// catalog row is synthesised without touching this type.
public struct ReportSynthesizer: Sendable {
    public let catalog: MetricCatalog
    private var generator: SeededGenerator

    public init(seed: UInt64, catalog: MetricCatalog = .standard) {
        self.catalog = catalog
        generator = SeededGenerator(seed: seed)
    }

    /// A new report; successive calls give different reports, the same seed the same sequence.
    /// - Parameter blankZeros: print zero component cells blank (nil), as many
    ///   pages do. Totals stay printed, so no identity changes and a blank
    ///   total is never left for the validator to derive.
    /// - Parameter largeCounts: a quarter of the outcome counts in the
    ///   thousands, so totals run to five digits (wrapping in narrow printed
    ///   columns).
    public mutating func make(
        bureau: String, year: Int, version: TemplateVersion, blankZeros: Bool = false, largeCounts: Bool = false
    ) -> SyntheticReport {
        var values: [String: ExactDecimal] = [:]
        makeProactive(version, &values)
        makeRequests(version, largeCounts: largeCounts, &values)
        makeAppeals(&values)

        let totals = Set(catalog.identities(for: version).compactMap(\.total))
        var cells: [String: ExactDecimal?] = [:]
        for metric in catalog.requiredMetrics(for: version) {
            let value = values[metric.key] ?? ExactDecimal(0)
            let blank = blankZeros && value == ExactDecimal(0) && !totals.contains(metric.key)
            cells[metric.key] = blank ? .some(nil) : .some(value)
        }
        let day = Int.random(in: 10...31, using: &generator)
        return SyntheticReport(
            bureau: bureau, year: year, version: version, cells: cells,
            publishedOn: "\(year + 1)-01-\(day)")
    }

    // MARK: - Sections

    /// Section 二: independent cells, each with a plausible range for what it counts.
    private mutating func makeProactive(_ version: TemplateVersion, _ values: inout [String: ExactDecimal]) {
        for row in catalog.proactiveRows(for: version) where row.isRequired(in: version) {
            for column in row.columnsByVersion[version] ?? [] {
                let key = row.key + "." + column.key
                values[key] = proactiveValue(row: row.key, column: column)
            }
        }
    }

    private mutating func proactiveValue(row: String, column: ColumnSpec) -> ExactDecimal {
        if column.unit == .tenThousandYuan {
            // V2021 fee and V2019 procurement amounts: 万元 with arbitrary decimals
            // ("38.441094", "160.5964", "26.55").
            return amount(maxFractionDigits: row == "proactive.fee" ? 6 : 4)
        }
        if column.isSigned {
            // 本年增/减 of the V2019 item counts: usually 0, sometimes a signed change.
            return chance(0.5) ? ExactDecimal(0) : ExactDecimal(Int.random(in: -12...15, using: &generator))
        }
        switch (row, column.key) {
        case ("proactive.regulation", _):
            // Most bodies cannot make 规章 (report-format.md §7 S4).
            return ExactDecimal(chance(0.75) ? 0 : Int.random(in: 1...30, using: &generator))
        case (_, "in_force"), (_, "published_total"):
            return ExactDecimal(Int.random(in: 0...400, using: &generator))
        case (_, "decisions"):
            return ExactDecimal(count(zero: 0.3, large: 0.15, largeRange: 100...20_000))
        default:
            return ExactDecimal(count(zero: 0.4, large: 0.05, largeRange: 100...1_500))
        }
    }

    /// Section 三: outcome components per applicant column, everything else derived.
    private mutating func makeRequests(_ version: TemplateVersion, largeCounts: Bool, _ values: inout [String: ExactDecimal]) {
        let rows = catalog.requestRows(for: version).filter { $0.isRequired(in: version) }
        let outcomeRows = rows.map(\.key).filter { $0.hasPrefix("outcome.") && $0 != "outcome.total" }
        let columns = catalog.applicantColumns.map(\.key)
        guard let totalColumn = columns.last else { return }
        var ints: [String: Int] = [:]
        for (index, column) in columns.dropLast().enumerated() {
            // 自然人 always applies; an organisation type often sent nothing.
            let active = index == 0 || chance(0.45)
            var handled = 0
            for row in outcomeRows {
                let value =
                    !active ? 0
                    : largeCounts ? count(zero: 0.45, large: 0.3, largeRange: 1_000...9_999)
                    : count(zero: 0.55, large: 0.02, largeRange: 100...1_500)
                ints[row + "." + column] = value
                handled += value
            }
            ints["outcome.total." + column] = handled
            let carriedOut = active && chance(0.4) ? Int.random(in: 1...30, using: &generator) : 0
            let carriedIn = active && chance(0.4) ? Int.random(in: 0...min(handled + carriedOut, 30), using: &generator) : 0
            ints["carried_out." + column] = carriedOut
            ints["requests.carried_in." + column] = carriedIn
            ints["requests.new." + column] = handled + carriedOut - carriedIn
        }
        for row in rows {
            ints[row.key + "." + totalColumn] = columns.dropLast().reduce(0) { $0 + (ints[row.key + "." + $1] ?? 0) }
        }
        for (key, value) in ints { values[key] = ExactDecimal(value) }
    }

    /// Section 四: four results per block, the block's 总计 their sum.
    private mutating func makeAppeals(_ values: inout [String: ExactDecimal]) {
        let results = catalog.resultColumns.map(\.key)
        guard let total = results.last else { return }
        for block in catalog.appealBlocks {
            var sum = 0
            for result in results.dropLast() {
                let value = chance(0.5) ? 0 : (chance(0.9) ? Int.random(in: 1...9, using: &generator) : Int.random(in: 10...60, using: &generator))
                values[block.key + "." + result] = ExactDecimal(value)
                sum += value
            }
            values[block.key + "." + total] = ExactDecimal(sum)
        }
    }

    // MARK: - Draws

    private mutating func chance(_ probability: Double) -> Bool {
        Double.random(in: 0..<1, using: &generator) < probability
    }

    /// A count: zero with probability `zero`, large with probability `large`, else 1–99 (mostly 1–9).
    private mutating func count(zero: Double, large: Double, largeRange: ClosedRange<Int>) -> Int {
        let draw = Double.random(in: 0..<1, using: &generator)
        if draw < zero { return 0 }
        if draw < zero + large { return Int.random(in: largeRange, using: &generator) }
        return chance(0.8) ? Int.random(in: 1...9, using: &generator) : Int.random(in: 10...99, using: &generator)
    }

    /// A 万元 amount: zero, a whole number, or up to `maxFractionDigits` decimals.
    private mutating func amount(maxFractionDigits: Int) -> ExactDecimal {
        if chance(0.25) { return ExactDecimal(0) }
        let integer = chance(0.7) ? Int.random(in: 0...99, using: &generator) : Int.random(in: 100...2_000, using: &generator)
        let places = Int.random(in: 0...maxFractionDigits, using: &generator)
        guard places > 0 else { return ExactDecimal(integer) }
        var fraction = ""
        for _ in 0..<places { fraction += String(Int.random(in: 0...9, using: &generator)) }
        return ExactDecimal("\(integer).\(fraction)") ?? ExactDecimal(integer)
    }
}
