/// Splits RFC 4180 CSV text into records, for the bundled and user data files
/// (alias table, divisions).
///
/// Users edit these files in spreadsheets and text editors, so the reader takes
/// what those write: an optional UTF-8 byte-order mark, CRLF or LF (or CR) line
/// ends, quoted fields with doubled quotes and embedded commas or line breaks.
/// Blank lines are skipped. It works on Unicode scalars, not Characters,
/// because Swift treats "\r\n" as one Character. Anything RFC 4180 does not
/// allow (a quote inside an unquoted field, text after a closing quote, a
/// quote left open) is an error with the line, never guessed around.
enum CSVRecordReader {
    /// Why the text is not CSV, and on which line.
    struct Failure: Error, Equatable, Sendable {
        let line: Int
        let reason: String
    }

    static func records(_ text: String) throws(Failure) -> [CSVRecord] {
        var scalars = Substring(text).unicodeScalars[...]
        if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }
        var records: [CSVRecord] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var line = 1
        var recordLine = 1
        var inQuotes = false
        var wasQuoted = false
        var afterClosingQuote = false
        var wasQuotedRecord = false
        var index = scalars.startIndex

        func endField() {
            fields.append(String(field))
            field = String.UnicodeScalarView()
            wasQuoted = false
            afterClosingQuote = false
        }
        func endRecord() {
            endField()
            if !(fields.count == 1 && fields[0].isEmpty && !wasQuotedRecord) {
                records.append(CSVRecord(line: recordLine, fields: fields))
            }
            fields = []
            wasQuotedRecord = false
        }

        while index < scalars.endIndex {
            let scalar = scalars[index]
            index = scalars.index(after: index)
            if inQuotes {
                if scalar == "\"" {
                    if index < scalars.endIndex, scalars[index] == "\"" {
                        field.append("\"")
                        index = scalars.index(after: index)
                    } else {
                        inQuotes = false
                        afterClosingQuote = true
                    }
                } else {
                    if scalar == "\n" || (scalar == "\r" && (index == scalars.endIndex || scalars[index] != "\n")) {
                        line += 1
                    }
                    field.append(scalar)
                }
                continue
            }
            switch scalar {
            case ",":
                endField()
            case "\r", "\n":
                if scalar == "\r", index < scalars.endIndex, scalars[index] == "\n" {
                    index = scalars.index(after: index)
                }
                endRecord()
                line += 1
                recordLine = line
            case "\"":
                guard field.isEmpty, !wasQuoted, !afterClosingQuote else {
                    throw Failure(line: line, reason: "quote inside an unquoted field (quote the whole field and write a quote as \"\")")
                }
                inQuotes = true
                wasQuoted = true
                wasQuotedRecord = true
            default:
                if afterClosingQuote {
                    throw Failure(line: line, reason: "text after the closing quote of a field")
                }
                field.append(scalar)
            }
        }
        if inQuotes {
            throw Failure(line: recordLine, reason: "quoted field is never closed")
        }
        if !(fields.isEmpty && field.isEmpty && !wasQuoted) {
            endRecord()
        }
        return records
    }
}
