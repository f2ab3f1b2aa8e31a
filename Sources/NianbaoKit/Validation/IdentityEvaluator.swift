/// Evaluates identities over cells with the blank rules of report-format.md §7:
/// a blank or `/` component counts 0; a blank 总计 is missing (the identity is
/// not checked); a missing, ambiguous or invalid cell makes the identity
/// unknowable. Shared by the validator and by the extractor, which uses the
/// identities to place numbers a layout lost the columns of.
public enum IdentityEvaluator {
    /// One side of an identity, its terms read once.
    public enum Side: Equatable {
        /// A term has no value.
        case unknown
        /// Every term has a value, and their sum leaves 64 bits.
        case overflow
        case value(Int)

        var value: Int? { if case .value(let value) = self { value } else { nil } }
    }

    /// Both sides of `identity`.
    public static func sides(_ identity: Identity, _ cells: [String: CellValue]) -> (left: Side, right: Side) {
        (side(identity.lhs, cells), side(identity.rhs, cells))
    }

    /// The sum of `terms` as a ``Side``.
    public static func side(_ terms: [IdentityTerm], _ cells: [String: CellValue]) -> Side {
        var total = 0
        var overflowed = false
        for term in terms {
            guard let value = value(of: term, cells) else { return .unknown }
            let (sum, overflow) = total.addingReportingOverflow(value)
            overflowed = overflowed || overflow
            total = sum
        }
        return overflowed ? .overflow : .value(total)
    }

    /// Whether `identity` holds: nil when it cannot be evaluated.
    public static func holds(_ identity: Identity, _ cells: [String: CellValue]) -> Bool? {
        holds(identity, cells, sides: sides(identity, cells))
    }

    /// ``holds(_:_:)`` from sides already read.
    public static func holds(_ identity: Identity, _ cells: [String: CellValue], sides: (left: Side, right: Side)) -> Bool? {
        if let total = identity.total, let cell = cells[total], cell.status == .blank || cell.status == .notApplicable {
            return nil
        }
        guard let left = sides.left.value, let right = sides.right.value else { return nil }
        return left == right
    }

    /// The sum of `terms`, or nil when a term cannot be read or the sum
    /// leaves 64 bits (a 19-digit number in a damaged table must make the
    /// identity unknowable, not trap: the fuzzers found this).
    public static func sum(_ terms: [IdentityTerm], _ cells: [String: CellValue]) -> Int? {
        side(terms, cells).value
    }

    /// Whether every term of `identity` has a value but a side's sum leaves
    /// 64 bits: the identity cannot be checked, and the numbers are nonsense.
    public static func overflows(_ identity: Identity, _ cells: [String: CellValue]) -> Bool {
        overflows(sides: sides(identity, cells))
    }

    /// ``overflows(_:_:)`` from sides already read.
    public static func overflows(sides: (left: Side, right: Side)) -> Bool {
        sides.left != .unknown && sides.right != .unknown && (sides.left == .overflow || sides.right == .overflow)
    }

    /// A term's value: a group counts its printed sub-rows, else its merged subtotal row.
    public static func value(of term: IdentityTerm, _ cells: [String: CellValue]) -> Int? {
        switch term {
        case .cell(let key):
            return value(of: key, cells)
        case .group(let subtotal, let components):
            let printed = components.filter { cells[$0].map { $0.status != .missing } ?? false }
            // Some sub-rows printed and others not found: the group's sum is unknown.
            if !printed.isEmpty { return printed.count == components.count ? sum(printed.map(IdentityTerm.cell), cells) : nil }
            return value(of: subtotal, cells)
        }
    }

    /// A cell's value: blank and `/` count 0.
    public static func value(of key: String, _ cells: [String: CellValue]) -> Int? {
        guard let cell = cells[key] else { return nil }
        switch cell.status {
        case .blank, .notApplicable: return 0
        case .reported, .derived: return cell.value?.integerValue
        case .missing, .ambiguous, .invalid: return nil
        }
    }
}
