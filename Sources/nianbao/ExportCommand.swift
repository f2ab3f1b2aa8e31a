import ArgumentParser
import NianbaoKit

extension NianbaoCommand {
    struct ExportCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Export every fact, long format: bureau,year,metric,value,unit,status,raw,template,source,flags,locator.",
            discussion: """
                One row per fact, NULL cells included (empty value). value is a plain number with '.' as the \
                decimal point, exact as stored. CSV is RFC 4180 with CRLF line ends.
                """)

        @OptionGroup var database: DatabaseOptions

        @Option(help: "Output format: csv, tsv, json, ndjson, table.")
        var format: OutputFormat = .csv

        @Flag(help: "Start CSV/TSV output with a UTF-8 byte-order mark.")
        var bom = false

        @Flag(help: "CSV for Excel on a Chinese Windows: UTF-8 byte-order mark and Chinese column headers.")
        var excel = false

        func run() throws {
            let store = try database.open(readOnly: true)
            try Console.printing {
                let writer = RowWriter(format: format, sink: .console())
                writer.byteOrderMark = bom || excel
                writer.chineseHeaders = excel
                writer.spreadsheetSafe = bom || excel
                writer.begin(Store.exportColumns)
                try store.exportFacts(writer.write)
                writer.end()
            }
        }
    }
}
