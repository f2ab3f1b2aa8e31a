import ArgumentParser
import NianbaoKit

extension NianbaoCommand {
    struct MetricsCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "metrics",
            abstract: "List the metric catalog: every cell of the V2019 and V2021 tables with its canonical key.")

        @Option(help: "Output format: table, csv, tsv, json, ndjson.")
        var format: OutputFormat = .table

        func run() throws {
            RowWriter.write(MetricCatalog.standard.listing, format: format, to: .standardOutput())
        }
    }
}
