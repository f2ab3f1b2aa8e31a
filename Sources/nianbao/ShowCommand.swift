import ArgumentParser
import NianbaoKit

extension NianbaoCommand {
    struct ShowCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show every fact of one report with its Chinese labels, then its findings.")

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "Bureau name as imported (see `nianbao reports`).")
        var bureau: String

        @Argument(help: "Report year.")
        var year: Int

        @OptionGroup(title: "Output (findings are printed with the table format only)") var output: OutputOptions

        func run() throws {
            let store = try database.open(readOnly: true)
            try Console.printing {
                guard let id = try store.reportID(bureau: bureau, year: year) else {
                    throw ConsoleError("no report for \(bureau) \(year); see `nianbao reports`")
                }
                output.write(try store.factListing(reportID: id))
                if output.effectiveFormat == .table {
                    let sink = OutputSink.console()
                    let findings = try store.findingListing(reportID: id)
                    sink.write(findings.rows.isEmpty ? "\nno findings\n" : "\nfindings:\n")
                    if !findings.rows.isEmpty { RowWriter.write(findings, format: .table, to: sink) }
                    sink.flush()
                }
            }
        }
    }
}
