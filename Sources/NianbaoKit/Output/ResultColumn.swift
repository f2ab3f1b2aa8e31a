/// A column of a ``ResultTable``: its header and whether its values are numbers.
public struct ResultColumn: Sendable, Equatable {
    public let name: String
    /// Numbers are written unquoted in JSON and right-aligned in tables.
    public let isNumeric: Bool
    /// The Chinese header (`--excel`), when the column has one.
    public let chinese: String?

    public init(_ name: String, numeric: Bool = false, chinese: String? = nil) {
        self.name = name
        isNumeric = numeric
        self.chinese = chinese
    }
}
