import ArgumentParser
import NianbaoKit

extension NianbaoCommand {
    struct ReportsCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reports",
            abstract: "List imported reports: bureau, year, template, facts, errors, warnings, source.")

        @OptionGroup var database: DatabaseOptions

        @Option(help: "Output format: table, csv, tsv, json, ndjson.")
        var format: OutputFormat = .table

        func run() throws {
            let store = try database.open(readOnly: true)
            try Console.printing { RowWriter.write(try store.reportListing(), format: format, to: .standardOutput()) }
        }
    }
}
