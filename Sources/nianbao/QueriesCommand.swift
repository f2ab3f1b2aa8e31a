import ArgumentParser
import Foundation
import NianbaoKit

/// Where the named queries are: `--queries`, else the default folder.
struct QueryFolderOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The folder of named .sql queries (default: $NIANBAO_QUERIES, ./Queries, or the project's Queries/).", valueName: "dir"))
    var queries: String?

    func library() throws -> QueryLibrary {
        guard let directory = queries.map({ URL(fileURLWithPath: $0) }) ?? QueryLibrary.defaultDirectory() else {
            throw ConsoleError("no Queries/ folder found; pass --queries DIR")
        }
        return try QueryLibrary(directory: directory)
    }
}

extension NianbaoCommand {
    struct QueriesCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "queries", abstract: "List the named queries: name, title, parameters (with defaults), description.")

        @OptionGroup var folder: QueryFolderOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            try Console.printing { output.write(try folder.library().listing) }
        }
    }

    struct QueryCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "query",
            abstract: "Run a named query from Queries/.",
            discussion: "Example: nianbao query penalties_by_year -p from 2019 -p to 2024 --format csv")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var folder: QueryFolderOptions
        @OptionGroup var output: OutputOptions

        @Argument(help: "The query name (see `nianbao queries`).")
        var name: String

        @Option(name: .short, parsing: .upToNextOption, help: ArgumentHelp("A parameter: -p NAME VALUE (repeatable).", valueName: "name value"))
        var p: [String] = []

        func validate() throws {
            if p.count % 2 != 0 { throw ValidationError("-p takes a name and a value: -p from 2019") }
        }

        func run() throws {
            let store = try database.open(readOnly: true)
            try Console.printing {
                let library = try folder.library()
                guard let query = library.query(name) else {
                    throw ConsoleError("no query \(name); known: \(library.queries.map(\.name).joined(separator: ", "))")
                }
                var given: [String: String] = [:]
                for index in stride(from: 0, to: p.count, by: 2) { given[p[index]] = p[index + 1] }
                output.write(try store.readOnlyQuery(query.sql, parameters: try query.arguments(given)))
            }
        }
    }

    struct SQLCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sql",
            abstract: "Run ad-hoc read-only SQL over the database (UPDATE, DROP … are refused and change nothing).",
            discussion: """
                Example: nianbao sql "SELECT bureau, year, value FROM report_facts WHERE metric = 'proactive.penalty.decisions'"
                A long statement: nianbao sql --file query.sql, or nianbao sql - < query.sql (standard input).
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        @Argument(help: "One SQL statement; - reads it from standard input.")
        var statement: String?

        @Option(help: ArgumentHelp("Read the statement from this file.", valueName: "file"))
        var file: String?

        @Option(help: "Stop the statement after this many seconds (0: no limit).")
        var timeout: Double = 10

        @Option(name: .short, parsing: .upToNextOption, help: ArgumentHelp("A :named parameter: -p NAME VALUE (repeatable).", valueName: "name value"))
        var p: [String] = []

        func validate() throws {
            if (statement == nil) == (file == nil) { throw ValidationError("give one SQL statement, - for standard input, or --file FILE") }
            if timeout < 0 { throw ValidationError("--timeout takes seconds ≥ 0 (0: no limit)") }
        }

        /// The statement as given, read from standard input or a file.
        func sql() throws -> String {
            if let file {
                guard let data = FileManager.default.contents(atPath: file) else { throw ConsoleError("cannot read \(file)") }
                return String(decoding: data, as: UTF8.self)
            }
            if statement == "-" { return String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self) }
            return statement ?? ""
        }

        func run() throws {
            let store = try database.open(readOnly: true)
            try Console.printing {
                var given: [String: String] = [:]
                for index in stride(from: 0, to: p.count - 1, by: 2) { given[p[index]] = p[index + 1] }
                output.write(try store.readOnlyQuery(try sql(), parameters: given, timeout: timeout))
            }
        }
    }
}
