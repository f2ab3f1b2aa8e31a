import ArgumentParser
import NianbaoKit

extension NianbaoCommand {
    struct ShowCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show every fact of one report with its Chinese labels, then its findings.")

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "The body: canonical name (as trend and export print it), printed name or alias.")
        var bureau: String

        @Argument(help: "Report year.")
        var year: Int

        @OptionGroup(title: "Output (findings are printed with the table format only)") var output: OutputOptions

        func run() throws {
            let store = try database.open(readOnly: true)
            try Console.printing {
                // The canonical name (as trend and export print it), the printed name, or an alias.
                let found = try store.reports(matching: bureau, year: year)
                guard let id = found.first?.id else {
                    throw ConsoleError("no report for \(bureau) \(year); see `nianbao reports`")
                }
                if found.count > 1 {
                    Console.note("nianbao: warning: \(found.count) reports match \(bureau) \(year); showing \(found[0].description)")
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
