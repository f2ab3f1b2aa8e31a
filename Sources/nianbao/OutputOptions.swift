import ArgumentParser
import NianbaoKit

/// How a command writes its table: the format, and the spreadsheet-friendly variants of CSV.
struct OutputOptions: ParsableArguments {
    @Option(help: "Output format: table, csv, tsv, json, ndjson.")
    var format: OutputFormat = .table

    @Flag(help: "Start CSV/TSV output with a UTF-8 byte-order mark.")
    var bom = false

    @Flag(help: "CSV for Excel on a Chinese Windows: UTF-8 byte-order mark and Chinese column headers (implies --format csv unless set).")
    var excel = false

    /// The format in effect: `--excel` alone means CSV.
    var effectiveFormat: OutputFormat { excel && format == .table ? .csv : format }

    /// A writer to standard output with these options.
    func writer() -> RowWriter {
        let writer = RowWriter(format: effectiveFormat, sink: .console())
        writer.byteOrderMark = bom || excel
        writer.chineseHeaders = excel
        writer.spreadsheetSafe = bom || excel
        return writer
    }

    /// Writes a whole table.
    func write(_ table: ResultTable) {
        let writer = writer()
        writer.begin(table.columns)
        table.rows.forEach(writer.write)
        writer.end()
    }
}
