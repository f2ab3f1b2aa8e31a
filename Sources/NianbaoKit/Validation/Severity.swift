/// How serious a finding is.
public enum Severity: String, Sendable, Codable, CaseIterable, Comparable {
    /// An identity the template prints is broken: the numbers cannot all be right.
    case error
    /// Something implausible or a cell that could not be placed.
    case warning
    /// Worth knowing, nothing wrong.
    case info

    private var rank: Int { Self.allCases.firstIndex(of: self)! }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
}
