import ArgumentParser
import Foundation
import NianbaoKit

extension ChartOthers: ExpressibleByArgument {}

extension NianbaoCommand {
    struct ChartCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "chart",
            abstract: "Draw a trend as an SVG line chart: years across, one line per group, a panel per measure.",
            discussion: """
                The same numbers as `nianbao trend` with the same options. Missing years are gaps, never zero;
                points whose reports have cells in a violated identity are ringed in red.
                Examples:
                  nianbao chart penalties applications -o trends.svg
                  nianbao chart disclosure_rate --by bureau --top 5 --others omit -o rate.svg
                  nianbao chart reviews lawsuits --by kind --labels en -o appeals.svg
                """)

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "Measures to draw (see `nianbao trend --list`).")
        var measures: [String]

        @OptionGroup var trend: TrendOptions

        @Option(help: "Most lines per panel, by their latest value.")
        var top = 8

        @Option(help: "The groups beyond --top: sum (one line, 其他) or omit.")
        var others: ChartOthers = .sum

        @Option(name: .shortAndLong, help: ArgumentHelp("The SVG file to write.", valueName: "file.svg"))
        var output: String

        func validate() throws {
            if top < 1 { throw ValidationError("--top is at least 1") }
        }

        func run() throws {
            let chosen = try trend.measures(measures)
            let store = try database.open(readOnly: true)
            let rows = try trend.rows(try trend.request(chosen), on: store)
            let panels = TrendChart.panels(rows, measures: chosen, top: top, others: others, language: trend.labels)
            let svg = SVGChart.render(panels, language: trend.labels)
            do {
                try Data(svg.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
            } catch {
                Console.error("cannot write \(output): \(error.localizedDescription)")
                throw ExitCode.failure
            }
            Console.note("wrote \(output): \(panels.count) panel\(panels.count == 1 ? "" : "s"), \(panels.map(\.series.count).max() ?? 0) lines at most")
        }
    }
}
