/// One alias row: `alias`, reported for a year in [`validFrom`, `validTo`]
/// (inclusive, nil = open), names the bureau `canonical`.
///
/// The years are report years, not dates of decrees: a body renamed during
/// 2018 (the 2018 institutional reform) usually published its 2018 report under
/// the new name, but may not have, so the old name's row ends with 2018 and a
/// later report under the old name is left alone (probably another body).
public struct BureauAlias: Sendable, Equatable {
    /// The name as reported (matched after NFKC and without whitespace).
    public let alias: String
    /// The name every report of the bureau is filed under.
    public let canonical: String
    /// First report year the row applies to; nil = every year before `validTo`.
    public let validFrom: Int?
    /// Last report year the row applies to; nil = every year from `validFrom`.
    public let validTo: Int?

    public init(alias: String, canonical: String, validFrom: Int? = nil, validTo: Int? = nil) {
        self.alias = alias
        self.canonical = canonical
        self.validFrom = validFrom
        self.validTo = validTo
    }

    /// Whether the row applies to a report of `year`.
    func applies(in year: Int) -> Bool {
        (validFrom.map { $0 <= year } ?? true) && (validTo.map { year <= $0 } ?? true)
    }

    /// Whether this row and `other` both apply in some year.
    func overlaps(_ other: BureauAlias) -> Bool {
        let lower = max(validFrom ?? Int.min, other.validFrom ?? Int.min)
        let upper = min(validTo ?? Int.max, other.validTo ?? Int.max)
        return lower <= upper
    }
}
