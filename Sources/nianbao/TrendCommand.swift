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

        @OptionGroup var trend: TrendOptions

        @Flag(help: "Years as columns, ascending.")
        var wide = false

        func validate() throws {
            if !list && measures.isEmpty { throw ValidationError("name at least one measure; see `nianbao trend --list`") }
        }

        func run() throws {
            if list {
                output.write(TrendTable.measureListing())
                return
            }
            let chosen = try trend.measures(measures)
            let store = try database.open(readOnly: true)
            try Console.printing {
                let rows = try trend.rows(try trend.request(chosen), on: store)
                output.write(wide ? TrendTable.wide(rows, language: trend.labels) : TrendTable.long(rows, language: trend.labels))
            }
        }
    }
}
