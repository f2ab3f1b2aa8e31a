/// Computes trends over a ``Store``: per report values, summed per group and
/// year, rates from summed numerators and denominators, year-over-year
/// change, and whether the change crosses the 2019/2021 template break.
///
/// Grouping by anything but bureau leaves out aggregate-scope reports (a
/// government's consolidated report, report-format.md §10.3): their members'
/// own reports are already counted, and adding both would count twice.
public struct TrendQuery: Sendable {
    public let request: TrendRequest

    public init(_ request: TrendRequest) { self.request = request }

    public func run(on store: Store) throws(StoreError) -> [TrendRow] {
        let keys = Array(Set(request.measures.flatMap(\.formula.keys))).sorted()
        var records = try store.reportRecords(metrics: keys, from: request.from, to: request.to)
        if let aliases = request.aliases {
            // The request's aliases apply on top of those stored at import: a
            // reported name they name wins, else the stored canonical name goes through them.
            let table = BureauAliasTable.bundled.adding(aliases)
            for index in records.indices {
                let record = records[index]
                let viaReported = table.canonical(record.bureau, year: record.year)
                let canonical = viaReported != record.bureau ? viaReported : table.canonical(record.identity.canonical, year: record.year)
                records[index].identity = BureauIdentity.resolve(canonical, year: record.year, aliases: table)
            }
        }
        records = records.filter(matches)
        if request.grouping != .bureau { records = records.filter { $0.scope == .own } }
        var rows: [TrendRow] = []
        for measure in request.measures { rows += trend(of: measure, records) }
        return rows
    }

    private func matches(_ record: ReportRecord) -> Bool {
        let identity = record.identity
        if let bureau = request.bureau, !identity.canonical.contains(bureau) && !record.bureau.contains(bureau) { return false }
        if let region = request.region {
            let names = [identity.region.province, identity.region.city, identity.region.county].compactMap { $0 }
            if !names.contains(where: { $0.contains(region) }) { return false }
        }
        if let kind = request.kind, identity.kind != kind { return false }
        return true
    }

    /// The group a report falls in.
    private func group(_ record: ReportRecord) -> String {
        let region = record.identity.region
        switch request.grouping {
        case .year: return "全部"
        case .bureau: return record.identity.canonical
        case .region: return region.city ?? region.province ?? "未知地区"
        case .province: return region.province ?? "未知地区"
        case .city: return region.city ?? "未知地区"
        case .county: return region.county ?? "未知地区"
        case .kind: return record.identity.kind
        }
    }

    private func trend(of measure: Measure, _ records: [ReportRecord]) -> [TrendRow] {
        struct Cell {
            var numerator = ExactDecimal(0)
            var denominator: ExactDecimal?
            var reports = 0
            var templates: Set<TemplateVersion> = []
            var overflow = false
        }
        var cells: [String: [Int: Cell]] = [:]
        for record in records {
            guard let (numerator, denominator) = MeasureEvaluator.parts(measure, record.facts) else { continue }
            var cell = cells[group(record), default: [:]][record.year, default: Cell()]
            if let sum = cell.numerator + numerator { cell.numerator = sum } else { cell.overflow = true }
            if let denominator {
                if let sum = (cell.denominator ?? ExactDecimal(0)) + denominator { cell.denominator = sum } else { cell.overflow = true }
            }
            cell.reports += 1
            cell.templates.insert(record.template)
            cells[group(record), default: [:]][record.year] = cell
        }
        var rows: [TrendRow] = []
        for group in cells.keys.sorted() {
            let years = cells[group]!
            var previous: (year: Int, value: ExactDecimal?, templates: Set<TemplateVersion>)?
            for year in years.keys.sorted() {
                let cell = years[year]!
                let value = cell.overflow ? nil : MeasureEvaluator.value(measure, numerator: cell.numerator, denominator: cell.denominator)
                var change: ExactDecimal?
                var percent: ExactDecimal?
                var comparable: Bool?
                if let previous, previous.year == year - 1 {
                    if let value, let before = previous.value {
                        change = value - before
                        percent = change.flatMap { ExactDecimal.ratio($0, before, scale: 100, decimals: 2) }
                    }
                    comparable = measure.comparability == .same || previous.templates == cell.templates
                }
                rows.append(TrendRow(
                    group: group, year: year, measure: measure.id, value: value,
                    numerator: measure.isRate && !cell.overflow ? cell.numerator : nil,
                    denominator: measure.isRate && !cell.overflow ? cell.denominator : nil,
                    reports: cell.reports, change: change, changePercent: percent,
                    templates: cell.templates.sorted().map(\.rawValue).joined(separator: "+"),
                    comparableWithPrevious: comparable))
                previous = (year, value, cell.templates)
            }
        }
        return rows
    }
}
