import ArgumentParser
import Foundation
import NianbaoKit

/// `nianbao`: import government information-disclosure annual reports into
/// SQLite, validate them, and export their numbers.
@main
struct NianbaoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nianbao",
        abstract: "Import 政府信息公开工作年度报告 statistics into SQLite, validate and export them.",
        discussion: """
            The database is ./nianbao.db unless --db PATH or the NIANBAO_DB environment variable says otherwise.
            """,
        version: Nianbao.parserVersion,
        subcommands: [
            ImportCommand.self, ReportsCommand.self, ShowCommand.self, MetricsCommand.self, ExportCommand.self,
            TrendCommand.self, QueriesCommand.self, QueryCommand.self, SQLCommand.self, RemoveCommand.self, DemoCommand.self,
        ])

    /// Writing to a closed pipe must be an error nianbao handles (`| head`
    /// ends quietly), not a signal that kills it mid-write.
    static func main() {
        signal(SIGPIPE, SIG_IGN)
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            exit(withError: error)
        }
    }
}
