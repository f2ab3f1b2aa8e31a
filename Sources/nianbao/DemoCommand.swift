import ArgumentParser
import Foundation
import NianbaoKit

extension NianbaoCommand {
    struct DemoCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "demo",
            abstract: "The main job on the bundled samples: import Data/ and print the trends of each bureau.",
            discussion: "Imports the project's Data/ folder (or --data DIR) into the database, prints penalties, applications, disclosure rate and appeals per bureau and year, and writes the HTML page (`nianbao site`) and a chart beside the database.")

        @OptionGroup var database: DatabaseOptions

        @Option(help: ArgumentHelp("The folder of sample reports (default: the project's Data/).", valueName: "dir"))
        var data: String?

        @OptionGroup var output: OutputOptions

        @Option(help: ArgumentHelp("Where to write the page and the chart (default: nianbao-site beside the database).", valueName: "dir"))
        var site: String?

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
            let pages = URL(fileURLWithPath: site ?? URL(fileURLWithPath: store.path).deletingLastPathComponent()
                .appendingPathComponent("nianbao-site").path)
            try SiteCommand.write(store: store, to: pages, language: "zh")
            let measures = ["applications", "penalties", "disclosure_rate"].compactMap(MeasureCatalog.standard.measure)
            let rows = try TrendQuery(TrendRequest(measures: measures, grouping: .bureau)).run(on: store)
            let chart = pages.appendingPathComponent("trends.svg")
            try Data(SVGChart.render(TrendChart.panels(rows, measures: measures, top: 8, others: .sum, language: "zh")).utf8)
                .write(to: chart, options: .atomic)
            Console.note("wrote \(chart.path) (the same as `nianbao chart applications penalties disclosure_rate --by bureau`)")
            if results.contains(where: \.failed) { throw ExitCode.failure }
        }
    }
}
