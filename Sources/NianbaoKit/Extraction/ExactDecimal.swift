/// A decimal number kept exactly as base-10 digits, so 万元 amounts travel from
/// the document to the CSV without binary-float rounding.
///
/// `significand × 10^-scale`. Arithmetic is limited to what nianbao needs:
/// integer sums for identities and a decimal-point shift to turn 元 into 万元.
public struct ExactDecimal: Sendable, Hashable, CustomStringConvertible, Comparable {
    /// Digits without sign or leading zeros ("0" for zero).
    public let digits: String
    /// How many of `digits` follow the decimal point (trailing zeros removed).
    public let scale: Int
    public let isNegative: Bool

    /// Parses plain decimal notation: optional sign, digits, optional fraction
    /// ("-3", "+4", "26.55", "0.50"). Returns nil for anything else.
    public init?(_ text: String) {
        // Most values are plain digits: no splitting, no rebuilding.
        if text.isPlainDigits {
            let significant = text.drop { $0 == "0" }
            self.init(digits: significant.isEmpty ? "0" : String(significant), scale: 0, isNegative: false)
            return
        }
        var chars = Substring(text)
        var negative = false
        if let first = chars.first, first == "+" || first == "-" {
            negative = first == "-"
            chars = chars.dropFirst()
        }
        let parts = chars.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty,
            parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
            parts.count == 1 || !parts[1].isEmpty
        else { return nil }
        self.init(integer: String(parts[0]), fraction: parts.count == 2 ? String(parts[1]) : "", negative: negative)
    }

    /// An integer value.
    public init(_ value: Int) {
        self.init(significand: value, scale: 0)
    }

    private init(integer: String, fraction: String, negative: Bool) {
        var fraction = Substring(fraction)
        while fraction.last == "0" { fraction = fraction.dropLast() }
        var all = Substring(integer + fraction)
        while all.count > 1, all.first == "0" { all = all.dropFirst() }
        let digits = all.isEmpty ? "0" : String(all)
        self.digits = digits
        self.scale = digits == "0" ? 0 : fraction.count
        self.isNegative = negative && digits != "0"
    }

    /// A decimal from its parts, already canonical (no leading zeros, no
    /// trailing fraction zeros, zero never negative): arithmetic builds its
    /// results this way, without going through text.
    init(digits: String, scale: Int, isNegative: Bool) {
        self.digits = digits
        self.scale = scale
        self.isNegative = isNegative
    }

    /// The value divided by 10^places (元 → 万元 is `shifted(by: 4)`), exactly.
    public func shifted(by places: Int) -> ExactDecimal {
        let newScale = scale + places
        var padded = digits
        if padded.count <= newScale { padded = String(repeating: "0", count: newScale - padded.count + 1) + padded }
        let split = padded.index(padded.endIndex, offsetBy: -newScale)
        return ExactDecimal(integer: String(padded[..<split]), fraction: String(padded[split...]), negative: isNegative)
    }

    /// The value as an integer when it has no fraction and fits in 64 bits.
    public var integerValue: Int? {
        guard scale == 0, let magnitude = Int(digits) else { return nil }
        return isNegative ? -magnitude : magnitude
    }

    /// The nearest binary double, for SQL arithmetic only; never used for output.
    public var doubleValue: Double { Double(description) ?? .nan }

    /// Canonical decimal notation: "-3", "25.1", "0.05".
    public var description: String {
        var text = digits
        if scale > 0 {
            if text.count <= scale { text = String(repeating: "0", count: scale - text.count + 1) + text }
            text.insert(".", at: text.index(text.endIndex, offsetBy: -scale))
        }
        return isNegative ? "-" + text : text
    }

    public static func < (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool {
        if lhs.isNegative != rhs.isNegative { return lhs.isNegative }
        let scale = max(lhs.scale, rhs.scale)
        let a = lhs.digits + String(repeating: "0", count: scale - lhs.scale)
        let b = rhs.digits + String(repeating: "0", count: scale - rhs.scale)
        let less = a.count != b.count ? a.count < b.count : a < b
        return lhs.isNegative ? (!less && a != b) : less
    }
}

extension StringProtocol {
    /// Non-empty and ASCII digits only: the common cell, which needs no normalising or splitting.
    var isPlainDigits: Bool { !utf8.isEmpty && utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
}

extension Character {
    /// `0`…`9` only (not other Unicode digits: those are normalised first).
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
