import ArgumentParser
import Foundation
import NianbaoKit

extension NianbaoCommand {
    struct SiteCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "site",
            abstract: "Write one self-contained HTML page over the database, with the CSV of every table beside it.",
            discussion: """
                Coverage (body × year), the headline trends as charts with their tables, every body's figures and
                data quality (findings by rule and severity, identity violations, cross-year checks). No script and
                no network: open index.html from the folder in any browser.
                Examples:
                  nianbao site -o report/
                  nianbao site -o report-en/ --labels en
                """)

        @OptionGroup var database: DatabaseOptions

        @Option(name: .shortAndLong, help: ArgumentHelp("The folder to write index.html and the CSV files into.", valueName: "dir"))
        var output: String

        @Option(help: "Language of the page: zh or en.")
        var labels = "zh"

        @Option(help: "The page's title.")
        var title: String?

        func validate() throws {
            if !["zh", "en"].contains(labels) { throw ValidationError("--labels is zh or en") }
        }

        func run() throws {
            let store = try database.open(readOnly: true)
            let folder = URL(fileURLWithPath: output)
            try Self.write(store: store, to: folder, language: labels, title: title)
        }

        /// Builds and writes the page; says where it is and how to open it.
        static func write(store: Store, to folder: URL, language: String, title: String? = nil) throws {
            let site = try Site.build(store: store, language: language, title: title)
            do {
                try site.write(to: folder)
            } catch {
                Console.error("cannot write \(folder.path): \(error.localizedDescription)")
                throw ExitCode.failure
            }
            let page = folder.appendingPathComponent("index.html").standardizedFileURL
            Console.note("wrote \(page.path) and \(site.files.count) CSV files; open \(page.absoluteString) in a browser")
        }
    }
}
