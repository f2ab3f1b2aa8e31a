import ArgumentParser
import Foundation
import NianbaoKit

extension TrendGrouping: ExpressibleByArgument {}

extension NianbaoCommand {
    struct TrendCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "trend",
            abstract: "Trend one or more measures over the years, grouped by year, bureau, region or bureau kind.",
            discussion: """
                Measures: the derived series (`nianbao trend --list`) or any metric key (`nianbao metrics`).
                Examples:
                  nianbao trend penalties applications
                  nianbao trend disclosure_rate --by bureau --from 2019 --to 2024
                  nianbao trend penalties --wide --format csv --bom > penalties.csv
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        @Argument(help: "Measures to compute.")
        var measures: [String] = []

        @Flag(help: "List the derived measures with their definitions and exit.")
        var list = false

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

        @Flag(help: "Years as columns, ascending.")
        var wide = false

        @Option(help: "Language of the measure labels: zh or en.")
        var labels = "zh"

        @Option(help: ArgumentHelp("More bureau aliases (CSV: alias,canonical,valid_from,valid_to).", valueName: "file"))
        var aliases: [String] = []

        func validate() throws {
            if !list && measures.isEmpty { throw ValidationError("name at least one measure; see `nianbao trend --list`") }
            if !["zh", "en"].contains(labels) { throw ValidationError("--labels is zh or en") }
            if let from, let to, from > to { throw ValidationError("--from \(from) is after --to \(to)") }
        }

        func run() throws {
            if list {
                output.write(TrendTable.measureListing())
                return
            }
            for name in measures where MeasureCatalog.standard.measure(name) == nil {
                Console.error("unknown measure \(name); see `nianbao trend --list` and `nianbao metrics`")
                throw ExitCode.failure
            }
            let store = try database.open(readOnly: true)
            try Console.printing {
                var request = TrendRequest(
                    measures: measures.compactMap(MeasureCatalog.standard.measure), from: from, to: to, grouping: by,
                    bureau: bureau, region: region, kind: kind, aliases: try AliasFiles.load(aliases))
                request.balanced = balanced
                request.excludeFlagged = excludeFlagged
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
                output.write(wide ? TrendTable.wide(rows, language: labels) : TrendTable.long(rows, language: labels))
            }
        }
    }
}
