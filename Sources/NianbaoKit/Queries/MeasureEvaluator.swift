/// A measure's numerator and denominator for one report, with the NULL rules
/// of ``Measure``: a sum is known when at least one of its cells was reported
/// and none is missing, ambiguous or invalid; blanks and `/` count 0.
enum MeasureEvaluator {
    /// A cell's value and status by metric key (nil: the report has no such cell).
    typealias Facts = (String) -> (value: ExactDecimal?, status: CellStatus)?

    /// The sum of `keys` and whether any of them was reported; nil when a cell
    /// is missing, ambiguous or invalid (blanks and `/` count 0).
    static func total(_ keys: [String], _ facts: Facts) -> (sum: ExactDecimal, reported: Bool)? {
        var total = ExactDecimal(0)
        var reported = false
        for key in keys {
            guard let fact = facts(key) else { continue }
            switch fact.status {
            case .blank, .notApplicable: continue
            case .reported, .derived:
                guard let value = fact.value, let next = total + value else { return nil }
                total = next
                reported = true
            case .missing, .ambiguous, .invalid: return nil
            }
        }
        return (total, reported)
    }

    /// The sum of `keys` in `facts`, or nil when it is not known or nothing was reported.
    static func sum(_ keys: [String], _ facts: Facts) -> ExactDecimal? {
        total(keys, facts).flatMap { $0.reported ? $0.sum : nil }
    }

    /// Numerator and denominator of `measure` for one report (the denominator is nil for sums).
    static func parts(_ measure: Measure, _ facts: [String: (value: ExactDecimal?, status: CellStatus)]) -> (ExactDecimal, ExactDecimal?)? {
        parts(measure) { facts[$0] }
    }

    /// Numerator and denominator of `measure` for one report whose cells `facts` looks up.
    static func parts(_ measure: Measure, _ facts: Facts) -> (ExactDecimal, ExactDecimal?)? {
        switch measure.formula {
        case .sum(let keys):
            return sum(keys, facts).map { ($0, nil) }
        case .ratio(let numerator, let denominator, _, _):
            // A rate needs a reported denominator; a numerator of blanks is a real 0 beside it.
            guard let d = sum(denominator, facts), let n = total(numerator, facts) else { return nil }
            return (n.sum, d)
        }
    }

    /// The value from summed parts: the sum itself, or the rounded rate (nil on a zero denominator).
    static func value(_ measure: Measure, numerator: ExactDecimal, denominator: ExactDecimal?) -> ExactDecimal? {
        switch measure.formula {
        case .sum: numerator
        case .ratio(_, _, let scale, let decimals):
            denominator.flatMap { ExactDecimal.ratio(numerator, $0, scale: scale, decimals: decimals) }
        }
    }
}
