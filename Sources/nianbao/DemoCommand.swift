import ArgumentParser
import Foundation
import NianbaoKit

extension NianbaoCommand {
    struct DemoCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "demo",
            abstract: "The main job on the bundled samples: import Data/ and print the trends of each bureau.",
            discussion: "Imports the project's Data/ folder (or --data DIR) into the database, then prints penalties, applications, disclosure rate and appeals per bureau and year.")

        @OptionGroup var database: DatabaseOptions

        @Option(help: ArgumentHelp("The folder of sample reports (default: the project's Data/).", valueName: "dir"))
        var data: String?

        @OptionGroup var output: OutputOptions

        func run() throws {
            guard let folder = data.map({ URL(fileURLWithPath: $0) })
                ?? ProjectFolder.locate("Data", environment: "NIANBAO_DATA", accepts: { $0 == "bureau-aliases.csv" })
            else {
                Console.error("no Data/ folder found; pass --data DIR")
                throw ExitCode.failure
            }
            let store = try database.open(readOnly: false)
            // The walk skips the alias and division tables and the README.
            let results = Importer(store: store).run([folder.path], report: { result in
                if result.failed { Console.note(ImportSummary.line(for: result)) }
            })
            Console.note(ImportSummary(results).totalsLine + " into \(store.path)")
            try Console.printing {
                let measures = ["penalties", "applications", "handled", "disclosure_rate", "reviews", "lawsuits"]
                let request = TrendRequest(measures: measures.compactMap(MeasureCatalog.standard.measure), grouping: .bureau)
                output.write(TrendTable.wide(try TrendQuery(request).run(on: store)))
            }
            if results.contains(where: \.failed) { throw ExitCode.failure }
        }
    }
}
