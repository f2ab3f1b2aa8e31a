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
            TrendCommand.self, ChartCommand.self, SiteCommand.self, QueriesCommand.self, QueryCommand.self, SQLCommand.self, RemoveCommand.self, DemoCommand.self,
        ])

    /// Exit status of a command line nianbao could not make sense of.
    static let usageError: Int32 = 2

    /// Runs the command. Writing to a closed pipe must be an error nianbao
    /// handles (`| head` ends quietly), not a signal that kills it mid-write;
    /// and every error has one style, `nianbao: error: …`, with the exit
    /// statuses README documents: 0 done, 1 failed, 2 a usage error.
    static func main() {
        signal(SIGPIPE, SIG_IGN)
        let command: ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            exitForUsage(error)
        }
        do {
            var command = command
            try command.run()
        } catch let exitCode as ExitCode {
            // The command has printed its error already.
            Foundation.exit(exitCode.rawValue)
        } catch {
            // Help asked for with a subcommand, and usage errors found while running.
            if exitCode(for: error) == .success || exitCode(for: error) == .validationFailure { exitForUsage(error) }
            Console.error("\(error)")
            Foundation.exit(ExitCode.failure.rawValue)
        }
    }

    /// Help and --version go out as ArgumentParser writes them; anything
    /// else about the command line is one error line, a pointer to the
    /// help, and status 2.
    static func exitForUsage(_ error: any Error) -> Never {
        if exitCode(for: error) == .success { exit(withError: error) }
        let message = message(for: error).trimmingCharacters(in: .whitespacesAndNewlines)
        Console.error(message.hasPrefix("Error: ") ? String(message.dropFirst(7)) : message)
        let full = fullMessage(for: error)
        if let hint = full.split(separator: "\n").last(where: { $0.contains("--help") }) {
            Console.note(hint.trimmingCharacters(in: .whitespaces))
        }
        Foundation.exit(usageError)
    }
}