import ArgumentParser
import NianbaoKit

extension NianbaoCommand {
    struct MetricsCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "metrics",
            abstract: "List the metric catalog: every cell of the V2019 and V2021 tables with its canonical key.")

        @OptionGroup var output: OutputOptions

        func run() throws {
            output.write(MetricCatalog.standard.listing)
        }
    }
}
