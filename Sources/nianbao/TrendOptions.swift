import ArgumentParser
import NianbaoKit

/// The options that say which trend to compute, shared by `trend` and `chart`.
struct TrendOptions: ParsableArguments {
    @Option(help: "First year.")
    var from: Int?

    @Option(help: "Last year.")
    var to: Int?

    @Option(help: "Group by: year, bureau, region (city), province, city, county, kind.")
    var by: TrendGrouping = .year

    @Option(help: "Keep bureaus whose name contains this text.")
    var bureau: String?

    @Option(help: "Keep bureaus whose province, city or county contains this text.")
    var region: String?

    @Option(help: "Keep bureaus of this kind (公安, 应急, 市场监管, 人民政府 …).")
    var kind: String?

    @Flag(help: "Only bodies with a report in every year of the range, so changes compare the same bodies.")
    var balanced = false

    @Flag(help: "Leave out reports whose cells of the measure are in a violated identity (flag identity_violation).")
    var excludeFlagged = false

    @Option(help: "Language of the measure labels: zh or en.")
    var labels = "zh"

    @Option(help: ArgumentHelp("More bureau aliases (CSV: alias,canonical,valid_from,valid_to).", valueName: "file"))
    var aliases: [String] = []

    func validate() throws {
        if !["zh", "en"].contains(labels) { throw ValidationError("--labels is zh or en") }
        if let from, let to, from > to { throw ValidationError("--from \(from) is after --to \(to)") }
    }

    /// The measures named, or a failure naming the unknown one.
    func measures(_ names: [String]) throws -> [Measure] {
        for name in names where MeasureCatalog.standard.measure(name) == nil {
            Console.error("unknown measure \(name); see `nianbao trend --list` and `nianbao metrics`")
            throw ExitCode.failure
        }
        return names.compactMap(MeasureCatalog.standard.measure)
    }

    /// The request for `measures` with these options.
    func request(_ measures: [Measure]) throws -> TrendRequest {
        var request = TrendRequest(
            measures: measures, from: from, to: to, grouping: by, bureau: bureau, region: region, kind: kind,
            aliases: try AliasFiles.load(aliases))
        request.balanced = balanced
        request.excludeFlagged = excludeFlagged
        return request
    }

    /// Runs the query, saying on standard error why it is empty and when bodies come and go between years.
    func rows(_ request: TrendRequest, on store: Store) throws -> [TrendRow] {
        let query = TrendQuery(request)
        let rows = try query.run(on: store)
        if rows.isEmpty, let reason = try query.explainEmpty(on: store) { Console.note("nianbao: no rows: \(reason)") }
        try Warnings.duplicates(store)
        if by == .year && !balanced {
            for change in try query.bodyChanges(on: store) where change.share > BodyChange.warningShare {
                Console.note(
                    "nianbao: warning: \(change.year) and \(change.year - 1) hold different bodies (\(change.joined) joined, "
                        + "\(change.left) left; \(change.bodies) in \(change.year)): the change compares different sets; "
                        + "--balanced keeps the bodies present every year")
            }
        }
        return rows
    }
}
