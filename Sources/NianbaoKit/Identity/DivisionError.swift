/// Why a divisions file could not be read: the line and what is wrong there.
public struct DivisionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// 1-based line where the offending record starts.
    public let line: Int
    public let reason: String

    public var description: String { "divisions.csv line \(line): \(reason)" }
}
