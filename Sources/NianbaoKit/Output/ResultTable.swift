/// Rows of text values under named columns: what every command prints.
///
/// Values are strings so numbers stay exactly as stored (`25.1`, never
/// `25.100000000000001`); nil is SQL NULL.
public struct ResultTable: Sendable, Equatable {
    public var columns: [ResultColumn]
    public var rows: [[String?]]

    public init(columns: [ResultColumn], rows: [[String?]] = []) {
        self.columns = columns
        self.rows = rows
    }
}
