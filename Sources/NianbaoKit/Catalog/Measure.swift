/// A trend series: a raw metric, a sum of metrics, or a rate between two
/// sums, with its written definition (report-format.md §6.3).
///
/// Sums read blank and `/` cells as 0 when at least one cell of the sum was
/// reported, and are NULL when none was; a missing, ambiguous or invalid
/// cell makes the value NULL, never a guess. A rate with a zero denominator
/// is NULL, never 0 or infinity.
public struct Measure: Sendable, Hashable, Identifiable {
    public enum Formula: Sendable, Hashable {
        /// The sum of the cells.
        case sum([String])
        /// `scale × Σ numerator / Σ denominator`, rounded half-even to `decimals` places.
        case ratio(numerator: [String], denominator: [String], scale: Int, decimals: Int)

        /// Every metric key the formula reads.
        public var keys: [String] {
            switch self {
            case .sum(let keys): keys
            case .ratio(let numerator, let denominator, _, _): numerator + denominator
            }
        }
    }

    /// The name used on the command line (`penalties`, `disclosure_rate`, or a metric key).
    public let id: String
    public let chinese: String
    public let english: String
    public let formula: Formula
    /// What the unit of a value is: 件, 万元, %, per 100 applications.
    public let unit: String
    /// How the numbers are defined, in one or two sentences.
    public let definition: String
    /// Template versions whose reports carry the inputs.
    public let versions: [TemplateVersion]
    public let comparability: Comparability

    /// Whether values are rates (numerator and denominator are reported alongside).
    public var isRate: Bool {
        if case .ratio = formula { true } else { false }
    }

    /// The label in a language: `zh` or `en`.
    public func label(_ language: String) -> String { language == "en" ? english : chinese }
}
