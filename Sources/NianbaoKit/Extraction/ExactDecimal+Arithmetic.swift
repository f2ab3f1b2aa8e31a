/// The little arithmetic trends need — sums, differences, and rounded ratios —
/// done on integers scaled by powers of ten, so no binary float ever rounds a
/// reported amount. Results that would overflow 64 bits are nil.
extension ExactDecimal {
    /// `significand × 10^-scale` as a signed integer, when it fits.
    var scaledInteger: (significand: Int, scale: Int)? {
        guard let magnitude = Int(digits) else { return nil }
        return (isNegative ? -magnitude : magnitude, scale)
    }

    /// A decimal from a signed integer and a scale.
    init(significand: Int, scale: Int) {
        var magnitude = significand.magnitude
        var scale = max(scale, 0)
        while scale > 0 && magnitude % 10 == 0 {
            magnitude /= 10
            scale -= 1
        }
        self.init(digits: String(magnitude), scale: scale, isNegative: significand < 0 && magnitude != 0)
    }

    /// The same magnitude with the other sign.
    var negated: ExactDecimal {
        digits == "0" ? self : ExactDecimal(digits: digits, scale: scale, isNegative: !isNegative)
    }

    /// Both values on a common scale.
    private static func aligned(_ a: ExactDecimal, _ b: ExactDecimal) -> (Int, Int, Int)? {
        guard let (x, xs) = a.scaledInteger, let (y, ys) = b.scaledInteger else { return nil }
        let scale = max(xs, ys)
        guard let xf = power(10, scale - xs), let yf = power(10, scale - ys) else { return nil }
        let (left, o1) = x.multipliedReportingOverflow(by: xf)
        let (right, o2) = y.multipliedReportingOverflow(by: yf)
        return o1 || o2 ? nil : (left, right, scale)
    }

    public static func + (a: ExactDecimal, b: ExactDecimal) -> ExactDecimal? {
        guard let (x, y, scale) = aligned(a, b) else { return nil }
        let (sum, overflow) = x.addingReportingOverflow(y)
        return overflow ? nil : ExactDecimal(significand: sum, scale: scale)
    }

    public static func - (a: ExactDecimal, b: ExactDecimal) -> ExactDecimal? { a + b.negated }

    /// `scale × numerator / denominator` rounded half-even to `decimals`
    /// places; nil for a zero denominator (a rate of nothing is unknown, not 0).
    public static func ratio(_ numerator: ExactDecimal, _ denominator: ExactDecimal, scale: Int, decimals: Int) -> ExactDecimal? {
        guard let (n, d, _) = aligned(numerator, denominator), d != 0, let factor = power(10, decimals) else { return nil }
        let (scaled, o1) = n.multipliedReportingOverflow(by: scale)
        let (wide, o2) = scaled.multipliedReportingOverflow(by: factor)
        guard !o1, !o2 else { return nil }
        var quotient = wide / d
        let remainder = wide % d
        let twice = remainder.magnitude * 2
        if twice > d.magnitude || (twice == d.magnitude && quotient % 2 != 0) {
            quotient += (wide < 0) != (d < 0) ? -1 : 1
        }
        return ExactDecimal(significand: quotient, scale: decimals)
    }

    private static func power(_ base: Int, _ exponent: Int) -> Int? {
        guard exponent >= 0 else { return nil }
        var result = 1
        for _ in 0..<exponent {
            let (next, overflow) = result.multipliedReportingOverflow(by: base)
            if overflow { return nil }
            result = next
        }
        return result
    }
}
