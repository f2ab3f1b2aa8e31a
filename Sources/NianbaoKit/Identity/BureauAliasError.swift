/// Why an alias file could not be read: the file, the line and what is wrong
/// there ("aliases.csv line 7: valid_from 'abc' is not a year").
public struct BureauAliasError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file as the user named it (or "bundled bureau-aliases.csv").
    public let source: String
    /// 1-based line where the offending record starts.
    public let line: Int
    public let reason: String

    public init(source: String, line: Int, reason: String) {
        self.source = source
        self.line = line
        self.reason = reason
    }

    public var description: String { "\(source) line \(line): \(reason)" }
}
