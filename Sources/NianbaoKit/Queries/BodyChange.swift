/// How the bodies of a by-year trend change from one year to the next: a
/// total that jumps because forty bodies joined the database is not a trend.
public struct BodyChange: Sendable, Equatable {
    public let year: Int
    /// Bodies with a report this year and the year before.
    public let bodies: Int
    public let previous: Int
    /// Bodies this year without a report the year before, and the reverse.
    public let joined: Int
    public let left: Int

    /// The share of bodies of either year that is not in both, 0 to 1.
    public var share: Double {
        let union = bodies + left
        return union == 0 ? 0 : Double(joined + left) / Double(union)
    }

    /// More than this share of changed bodies earns a warning.
    public static let warningShare = 0.1
}
