/// One record of a CSV file, with the line it starts on (for error messages).
struct CSVRecord: Equatable, Sendable {
    /// 1-based physical line of the record's first character.
    let line: Int
    let fields: [String]
}
