import ArgumentParser
import NianbaoKit

extension NianbaoCommand {
    struct ReportsCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reports",
            abstract: "List imported reports: bureau, year, template, facts, errors, warnings, source.")

        @OptionGroup var database: DatabaseOptions

        @OptionGroup var output: OutputOptions

        func run() throws {
            let store = try database.open(readOnly: true)
            try Console.printing {
                try Warnings.duplicates(store)
                output.write(try store.reportListing())
            }
        }
    }
}
