/// One side term of an accounting identity.
public enum IdentityTerm: Sendable, Hashable {
    /// A single cell.
    case cell(String)
    /// A group of sub-rows that some reports print as one merged row instead
    /// (`（六）其他处理`). The components count when the document printed any of
    /// them; otherwise the subtotal row stands for the group.
    case group(subtotal: String, components: [String])

    /// Every metric key the term reads.
    public var keys: [String] {
        switch self {
        case .cell(let key): [key]
        case .group(let subtotal, let components): [subtotal] + components
        }
    }
}
