import ArgumentParser
import Foundation
import NianbaoKit

/// The database every command reads or writes.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The SQLite database (default: $NIANBAO_DB, else ./nianbao.db).", valueName: "path"))
    var db: String?

    /// `--db`, else `NIANBAO_DB`, else `./nianbao.db`.
    var path: String {
        if let db { return db }
        if let env = ProcessInfo.processInfo.environment["NIANBAO_DB"], !env.isEmpty { return env }
        return "nianbao.db"
    }

    /// Opens the store, turning a failure into one line on standard error.
    func open(readOnly: Bool) throws -> Store {
        do {
            return try Store(path: path, readOnly: readOnly)
        } catch {
            Console.error(error.description)
            throw ExitCode.failure
        }
    }
}
