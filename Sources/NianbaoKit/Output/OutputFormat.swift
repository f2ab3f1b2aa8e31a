/// How tabular results are written.
public enum OutputFormat: String, Sendable, CaseIterable {
    /// Aligned columns for a terminal.
    case table
    /// RFC 4180: CRLF line ends, quotes only where needed, UTF-8.
    case csv
    /// Tab-separated, one line per row; tabs and line breaks in values become spaces.
    case tsv
    /// One JSON array of objects.
    case json
    /// One JSON object per line.
    case ndjson
}
