import Foundation

/// Writes rows one at a time in an ``OutputFormat``, so exports stream.
///
/// CSV follows RFC 4180: fields quoted only when they hold a comma, quote,
/// CR or LF, quotes doubled, CRLF after every record, NULL as an empty field.
/// The table format needs every row to size its columns, so it buffers.
public final class RowWriter {
    public let format: OutputFormat
    /// A UTF-8 byte-order mark first (`--bom`): Excel then reads the CSV as UTF-8.
    public var byteOrderMark = false
    /// Chinese column headers where a column has one (`--excel`).
    public var chineseHeaders = false
    /// Text that a spreadsheet would run as a formula is made inert: on for
    /// `--excel` and `--bom`, the output meant for spreadsheets (see ``spreadsheetSafe(_:)``).
    public var spreadsheetSafe = false
    let sink: OutputSink
    private var columns: [ResultColumn] = []
    private var bufferedRows: [[String?]] = []
    private var rowCount = 0

    public init(format: OutputFormat, sink: OutputSink) {
        self.format = format
        self.sink = sink
    }

    /// Writes a whole table.
    public static func write(
        _ table: ResultTable, format: OutputFormat, to sink: OutputSink, byteOrderMark: Bool = false,
        chineseHeaders: Bool = false
    ) {
        let writer = RowWriter(format: format, sink: sink)
        writer.byteOrderMark = byteOrderMark
        writer.chineseHeaders = chineseHeaders
        writer.spreadsheetSafe = byteOrderMark || chineseHeaders
        writer.begin(table.columns)
        table.rows.forEach(writer.write)
        writer.end()
    }

    public func begin(_ columns: [ResultColumn]) {
        self.columns = columns
        if byteOrderMark && (format == .csv || format == .tsv) { sink.write(bytes: [0xEF, 0xBB, 0xBF]) }
        let headers = columns.map { chineseHeaders ? ($0.chinese ?? $0.name) : $0.name }
        switch format {
        case .csv: sink.write(headers.map(Self.csvField).joined(separator: ",") + "\r\n")
        case .tsv: sink.write(headers.map(Self.tsvField).joined(separator: "\t") + "\n")
        case .json: sink.write("[")
        case .ndjson, .table: break
        }
    }

    public func write(_ row: [String?]) {
        let row = spreadsheetSafe && (format == .csv || format == .tsv) ? row.map { $0.map(Self.spreadsheetSafe) } : row
        switch format {
        case .csv: sink.write(row.map { $0.map(Self.csvField) ?? "" }.joined(separator: ",") + "\r\n")
        case .tsv: sink.write(row.map { $0.map(Self.tsvField) ?? "" }.joined(separator: "\t") + "\n")
        case .json: sink.write((rowCount == 0 ? "\n" : ",\n") + jsonObject(row))
        case .ndjson: sink.write(jsonObject(row) + "\n")
        case .table: bufferedRows.append(row)
        }
        rowCount += 1
    }

    public func end() {
        switch format {
        case .json: sink.write(rowCount == 0 ? "]\n" : "\n]\n")
        case .table:
            let headed = chineseHeaders ? columns.map { ResultColumn($0.chinese ?? $0.name, numeric: $0.isNumeric) } : columns
            sink.write(TextTable.render(columns: headed, rows: bufferedRows))
        case .csv, .tsv, .ndjson: break
        }
        sink.flush()
    }

    // MARK: - Fields

    /// Characters that make a spreadsheet read a cell as a formula (OWASP, CSV injection).
    static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    /// `value` with a `'` in front when it starts like a formula — a report
    /// titled `=1+2`, a file named `=2+5.md`, a bureau `=cmd|…` — so Excel
    /// shows it as text instead of running it. A number (`-3`, `+2.5`) is
    /// never changed.
    public static func spreadsheetSafe(_ value: String) -> String {
        guard let first = value.first, formulaStarts.contains(first), ExactDecimal(value) == nil else { return value }
        return "'" + value
    }

    static func csvField(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) else {
            return value
        }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func tsvField(_ value: String) -> String {
        String(value.map { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 })
    }

    private func jsonObject(_ row: [String?]) -> String {
        let members = zip(columns, row).map { column, value -> String in
            let encoded: String =
                switch value {
                case nil: "null"
                case let value? where column.isNumeric && Self.isJSONNumber(value): value
                case let value?: Self.jsonString(value)
                }
            return Self.jsonString(column.name) + ":" + encoded
        }
        return "{" + members.joined(separator: ",") + "}"
    }

    /// Whether `text` is already valid JSON number syntax (exact decimals pass through unchanged):
    /// an optional minus, no plus, and no leading zero before other digits.
    static func isJSONNumber(_ text: String) -> Bool {
        guard ExactDecimal(text) != nil, !text.hasPrefix("+") else { return false }
        let unsigned = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        return !(unsigned.hasPrefix("0") && unsigned.count > 1 && !unsigned.hasPrefix("0."))
    }

    static func jsonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let s where s.value < 0x20: out += String(format: "\\u%04x", s.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
