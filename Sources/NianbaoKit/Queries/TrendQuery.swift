import Foundation

/// Computes trends over a ``Store``: per report values, summed per group and
/// year, rates from summed numerators and denominators, year-over-year
/// change, and whether the change crosses the 2019/2021 template break.
///
/// Grouping by anything but bureau leaves out aggregate-scope reports (a
/// government's consolidated report, report-format.md §10.3): their members'
/// own reports are already counted, and adding both would count twice.
public struct TrendQuery: Sendable {
    public let request: TrendRequest
    /// The filter every part of the trend counts reports with, made once:
    /// the exact path consults it for every report.
    let filter: Store.TrendFilter

    public init(_ request: TrendRequest) {
        self.request = request
        filter = Self.filter(for: request)
    }

    public func run(on store: Store) throws(StoreError) -> [TrendRow] {
        // Reports are read into Swift only when some measure cannot be summed in SQLite.
        var records: [ReportRecord]?
        var rows: [TrendRow] = []
        // The group-years that hold reports, with their templates.
        let present: [(group: String, year: Int, template: TemplateVersion, reports: Int)]
        var summed: [String: [Store.TrendSum]] = [:]
        if request.aliases == nil {
            // Aliases given to this query re-resolve identities, which only Swift can do.
            let result = try store.wrap {
                try store.trendSums(Store.TrendSumRequest(
                    measures: request.measures, group: request.grouping.measureColumn, filter: filter, excludeFlagged: request.excludeFlagged,
                    grouping: request.grouping))
            }
            present = result.present
            summed = result.sums
        } else {
            records = try reports(store)
            present = (records ?? []).map { (group($0), $0.year, $0.template, 1) }
        }
        // Once for every measure: the years present per template and group, and the groups in order.
        var years: [TemplateVersion: [GroupName: [Int: Int]]] = [:]
        for entry in present { years[entry.template, default: [:]][GroupName(entry.group), default: [:]][entry.year, default: 0] += entry.reports }
        var known = Set(years.values.flatMap(\.keys))
        var order = Self.sorted(known.map(\.text)).map(GroupName.init)
        var presentByVersions: [[TemplateVersion]: [GroupName: [Int: Int]]] = [:]
        for measure in request.measures {
            let cells: [GroupName: [Int: TrendCell]]
            if let sums = summed[measure.id] {
                cells = Self.cells(sums)
            } else {
                if records == nil { records = try reports(store) }
                cells = self.summed(measure, records ?? [])
            }
            // A report of a template the measure does not exist in (fees in V2019) is no row of it.
            if presentByVersions[measure.versions] == nil {
                presentByVersions[measure.versions] = measure.versions.reduce(into: [:]) { merged, version in
                    merged.merge(years[version] ?? [:]) { $0.merging($1, uniquingKeysWith: +) }
                }
            }
            if cells.keys.contains(where: { !known.contains($0) }) {
                known.formUnion(cells.keys)
                order = Self.sorted(known.map(\.text)).map(GroupName.init)
            }
            rows += self.rows(of: measure, cells, present: presentByVersions[measure.versions] ?? [:], order: order)
        }
        return rows
    }

    /// How the set of bodies changes from year to year, for by-year trends:
    /// a change in the total may come from bodies joining the database.
    public func bodyChanges(on store: Store) throws(StoreError) -> [BodyChange] {
        let bodies: [Int: Set<String>]
        if request.aliases == nil {
            bodies = try store.bodiesPerYear(filter: filter)
        } else {
            bodies = Dictionary(grouping: try reports(store), by: \.year).mapValues { Set($0.map(\.identity.canonical)) }
        }
        return bodies.keys.sorted().compactMap { year in
            guard let before = bodies[year - 1], let now = bodies[year] else { return nil }
            return BodyChange(
                year: year, bodies: now.count, previous: before.count, joined: now.subtracting(before).count,
                left: before.subtracting(now).count)
        }
    }

    /// The filter of `request`; `--bureau` also matches the bodies one of
    /// whose aliases contains its text.
    static func filter(for request: TrendRequest) -> Store.TrendFilter {
        var aliasTable = BureauAliasTable.bundled
        if let aliases = request.aliases { aliasTable = aliasTable.adding(aliases) }
        let byAlias = request.bureau.map { text in Array(Set(aliasTable.rows.filter { $0.alias.contains(text) }.map(\.canonical))).sorted() }
        return Store.TrendFilter(
            from: request.from ?? 0, to: request.to ?? 9999, bureau: request.bureau, bureauByAlias: byAlias ?? [],
            region: request.region, kind: request.kind, ownScopeOnly: request.grouping != .bureau, balanced: request.balanced)
    }

    /// Group-year cells from SQLite's sums.
    private static func cells(_ sums: [Store.TrendSum]) -> [GroupName: [Int: TrendCell]] {
        var cells: [GroupName: [Int: TrendCell]] = [:]
        for sum in sums {
            cells[GroupName(sum.group), default: [:]][sum.year, default: TrendCell()].add(
                numerator: sum.numerator, denominator: sum.denominator,
                reports: sum.reports, flagged: sum.flagged, template: sum.template)
        }
        return cells
    }

    /// Every report in the years, filtered, with the identities the request's aliases give.
    private func reports(_ store: Store) throws(StoreError) -> [ReportRecord] {
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
        if request.grouping != .bureau { records = records.filter { $0.scope == .own } }
        if request.balanced {
            // As the SQL filter has it: the years of the range that hold any report (before the
            // bureau, region and kind filters), and the bodies with a report in each of them.
            let years = Set(records.map(\.year))
            let presence = Dictionary(grouping: records, by: \.identity.canonical).mapValues { Set($0.map(\.year)) }
            records = records.filter { presence[$0.identity.canonical] == years }
        }
        return records.filter(matches)
    }

    private func matches(_ record: ReportRecord) -> Bool {
        let identity = record.identity
        if let bureau = request.bureau, !identity.canonical.contains(bureau) && !record.bureau.contains(bureau)
            && !filter.bureauByAlias.contains(identity.canonical)
        {
            return false
        }
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

    /// The group-year cells of `measure`, summed report by report in Swift.
    private func summed(_ measure: Measure, _ records: [ReportRecord]) -> [GroupName: [Int: TrendCell]] {
        var cells: [GroupName: [Int: TrendCell]] = [:]
        for record in records {
            guard let (numerator, denominator) = MeasureEvaluator.parts(measure, record.facts) else { continue }
            let flagged = measure.formula.keys.contains(where: record.violations.contains)
            if flagged && request.excludeFlagged { continue }
            cells[GroupName(group(record)), default: [:]][record.year, default: TrendCell()].add(
                numerator: numerator, denominator: denominator, reports: 1, flagged: flagged ? 1 : 0, template: record.template)
        }
        return cells
    }

    /// The rows of `measure`: per group and year, the value and the change
    /// from the year before; a group-year with reports but no value (every
    /// report's cell missing, ambiguous or invalid) keeps its row, empty.
    /// - Parameter order: every group, in output order (groups with neither cells nor reports are skipped).
    private func rows(
        of measure: Measure, _ cells: [GroupName: [Int: TrendCell]], present: [GroupName: [Int: Int]], order: [GroupName]
    ) -> [TrendRow] {
        var rows: [TrendRow] = []
        for name in order {
            let years = cells[name] ?? [:]
            let presentYears = present[name] ?? [:]
            guard !years.isEmpty || !presentYears.isEmpty else { continue }
            let group = name.text
            var previous: (year: Int, value: ExactDecimal?, templates: Set<TemplateVersion>)?
            for year in Set(years.keys).union(presentYears.keys).sorted() {
                guard let cell = years[year] else {
                    var row = TrendRow(
                        group: group, year: year, measure: measure.id, value: nil, numerator: nil, denominator: nil, reports: 0,
                        change: nil, changePercent: nil, templates: "", comparableWithPrevious: nil)
                    row.reportsPresent = presentYears[year] ?? 0
                    rows.append(row)
                    previous = (year, nil, [])
                    continue
                }
                let value = cell.overflow ? nil : MeasureEvaluator.value(measure, numerator: cell.numerator, denominator: cell.denominator)
                var change: ExactDecimal?
                var percent: ExactDecimal?
                var comparable: Bool?
                if let previous, previous.year == year - 1, !previous.templates.isEmpty {
                    if let value, let before = previous.value {
                        change = value - before
                        percent = change.flatMap { ExactDecimal.ratio($0, before, scale: 100, decimals: 2) }
                    }
                    comparable = measure.comparability == .same || previous.templates == cell.templates
                }
                var row = TrendRow(
                    group: group, year: year, measure: measure.id, value: value,
                    numerator: measure.isRate && !cell.overflow ? cell.numerator : nil,
                    denominator: measure.isRate && !cell.overflow ? cell.denominator : nil,
                    reports: cell.reports, change: change, changePercent: percent,
                    templates: cell.templates.sorted().map(\.rawValue).joined(separator: "+"),
                    comparableWithPrevious: comparable)
                row.flagged = cell.flagged
                row.reportsPresent = max(presentYears[year] ?? 0, cell.reports)
                rows.append(row)
                previous = (year, value, cell.templates)
            }
        }
        return rows
    }

    /// Group names in `String` order (Unicode scalars of the NFC form),
    /// compared as bytes: comparing Chinese strings one pair at a time
    /// normalises both every time, which took a tenth of a trend by bureau.
    static func sorted(_ names: some Collection<String>) -> [String] {
        names.map { name in (name, Array(nfc(name).utf8)) }
            .sorted { $0.1.lexicographicallyPrecedes($1.1) }
            .map(\.0)
    }

    /// `name` in NFC; text of scalars that never combine is already in it.
    private static func nfc(_ name: String) -> String {
        let stable = name.unicodeScalars.allSatisfy { scalar in
            switch scalar.value {
            case 0..<0x300, 0x3000...0x3029, 0x3030...0x303F, 0x4E00...0x9FFF, 0xFF00...0xFFEF: true
            default: false
            }
        }
        return stable ? name : name.precomposedStringWithCanonicalMapping
    }
}

extension TrendQuery {
    /// Why no report matches the request, naming the filter that matched
    /// nothing (and what the database holds instead); nil when some do.
    public func explainEmpty(on store: Store) throws(StoreError) -> String? {
        let all = filter
        guard try store.presentGroupYears(group: nil, filter: all).isEmpty else { return nil }
        var unfiltered = Store.TrendFilter(ownScopeOnly: all.ownScopeOnly)
        let years = try store.presentGroupYears(group: nil, filter: unfiltered).map(\.year).sorted()
        guard let first = years.first, let last = years.last else { return "the database holds no report" }
        unfiltered.from = all.from
        unfiltered.to = all.to
        if try store.presentGroupYears(group: nil, filter: unfiltered).isEmpty {
            return "no report between \(request.from.map(String.init) ?? "the start") and \(request.to.map(String.init) ?? "the end")"
                + " (the database holds \(first)–\(last))"
        }
        var one = Store.TrendFilter(ownScopeOnly: all.ownScopeOnly)
        one.bureau = all.bureau
        one.bureauByAlias = all.bureauByAlias
        if let bureau = all.bureau, try store.presentGroupYears(group: nil, filter: one).isEmpty {
            return "no body's name or alias contains “\(bureau)”; see `nianbao reports`"
        }
        one = Store.TrendFilter(region: all.region, ownScopeOnly: all.ownScopeOnly)
        if let region = all.region, try store.presentGroupYears(group: nil, filter: one).isEmpty {
            return "no body lies in a province, city or county containing “\(region)”"
        }
        one = Store.TrendFilter(kind: all.kind, ownScopeOnly: all.ownScopeOnly)
        if let kind = all.kind, try store.presentGroupYears(group: nil, filter: one).isEmpty {
            let kinds = try store.presentGroupYears(group: "m.kind", filter: Store.TrendFilter(ownScopeOnly: all.ownScopeOnly))
                .map(\.group)
            return "no body of kind “\(kind)”; the database holds \(TrendQuery.sorted(Set(kinds)).joined(separator: ", "))"
        }
        if all.balanced { return "no body has a report in every year of the range (--balanced); narrow the years with --from and --to" }
        return "no report matches these filters together"
    }
}
