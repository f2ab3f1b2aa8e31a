/// An accounting identity the template itself prints or implies (report-format.md §7).
///
/// `Σ lhs = Σ rhs`. A blank component counts as 0; a blank `total` cell beside
/// non-zero components is missing, not 0: the validator computes it and stores
/// it with status `derived` instead of raising an error.
public struct Identity: Sendable, Hashable {
    /// Rule id, `R1`…`R4`.
    public let rule: String
    /// Where the identity applies, for messages: `自然人`, `（一）予以公开`.
    public let scope: String
    public let lhs: [IdentityTerm]
    public let rhs: [IdentityTerm]
    /// The 总计 cell that may be derived when blank (always a single `lhs` cell).
    public let total: String?

    public init(rule: String, scope: String, lhs: [IdentityTerm], rhs: [IdentityTerm], total: String? = nil) {
        self.rule = rule
        self.scope = scope
        self.lhs = lhs
        self.rhs = rhs
        self.total = total
    }

    /// Every metric key the identity reads.
    public var keys: [String] { (lhs + rhs).flatMap(\.keys) }
}
