/// A query file that cannot be read or run as asked, with its file and line.
public struct NamedQueryError: Error, Equatable, Sendable, CustomStringConvertible {
    public let source: String
    /// 1-based line in the file; 0 when the problem is the call, not the file.
    public let line: Int
    public let reason: String

    public var description: String { line > 0 ? "\(source) line \(line): \(reason)" : "\(source): \(reason)" }
}
