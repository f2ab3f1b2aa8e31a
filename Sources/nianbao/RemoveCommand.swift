import ArgumentParser
import NianbaoKit

extension NianbaoCommand {
    struct RemoveCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove",
            abstract: "Remove the report of one body and year (a mistaken import), recording it in the history table.",
            discussion: """
                BUREAU is the canonical name, the name as printed, or an alias. What is removed is listed first; \
                --dry-run lists it and changes nothing. Every removal is kept in the table `history` with its time \
                and source. Example: nianbao remove 山亭区应急管理局 2020 --dry-run
                """)

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "The body: canonical name, printed name or alias.")
        var bureau: String

        @Argument(help: "Report year.")
        var year: Int

        @Flag(help: "Only list what would be removed.")
        var dryRun = false

        @Option(help: ArgumentHelp("More bureau aliases (CSV: alias,canonical,valid_from,valid_to).", valueName: "file"))
        var aliases: [String] = []

        func run() throws {
            let store = try database.open(readOnly: dryRun)
            try Console.printing {
                let table = try AliasFiles.load(aliases).map { BureauAliasTable.bundled.adding($0) } ?? .bundled
                let found = try store.reports(matching: bureau, year: year, aliases: table)
                guard !found.isEmpty else { throw ConsoleError("no report of \(bureau) for \(year); see `nianbao reports`") }
                for report in found {
                    Console.note("\(dryRun ? "would remove" : "removing")  \(report.description): \(report.facts) facts")
                }
                if !dryRun {
                    try store.remove(found)
                    Console.note("\(found.count) report\(found.count == 1 ? "" : "s") removed; recorded in the history table")
                }
            }
        }
    }
}
