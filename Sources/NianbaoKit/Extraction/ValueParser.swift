import Foundation

/// Reads one cell's text as the template means it (report-format.md §8.2).
///
/// The raw text is always kept beside the value. Normalisation here is for
/// reading only: full-width digits and thousands separators are parsed, a unit
/// is recognised and 元 amounts become 万元 by an exact decimal shift.
public enum ValueParser {
    /// Texts that mean "not applicable" (`/`, dashes, `无`).
    static let notApplicableMarks: Set<String> = ["/", "-", "--", "—", "——", "–", "―", "―――", "无", "\\", "×"]
    /// Unit words a count may carry.
    static let countSuffixes = ["件", "项", "条", "个", "宗", "起", "份", "次"]

    /// Parses `raw` for `metric`.
    public static func parse(_ raw: String, for metric: Metric) -> CellValue {
        let cell = parse(raw, unit: metric.unit, unitInHeader: metric.columnLabel.includes("万元"))
        // Counts are ≥ 0; only 本年增/减 carries a sign (report-format.md §8.1).
        if !metric.isSigned, let value = cell.value, value.isNegative { return CellValue(raw: raw, status: .invalid) }
        return cell
    }

    /// Parses `raw` as a value in `unit`.
    /// - Parameter unitInHeader: whether the column header states the unit, so a bare number is not inferred.
    public static func parse(_ raw: String, unit: MetricUnit, unitInHeader: Bool = true) -> CellValue {
        // Plain digits, most cells: the value itself, with the flag a bare number gets below.
        if raw.isPlainDigits, let value = ExactDecimal(raw) {
            let flags = unit == .tenThousandYuan && !unitInHeader ? ["unit_inferred"] : []
            return CellValue(value: value, raw: raw, status: .reported, flags: flags)
        }
        let text = compact(raw)
        if text.isEmpty { return CellValue(raw: raw, status: .blank) }
        if notApplicableMarks.contains(text) { return CellValue(raw: raw, status: .notApplicable) }

        var number = Substring(text)
        var flags: [String] = []
        var shift = 0
        if unit == .tenThousandYuan {
            if number.hasSuffix("万元") {
                number = number.dropLast(2)
            } else if number.hasSuffix("元") {
                number = number.dropLast()
                shift = 4
                flags.append("converted_from_yuan")
            } else if !unitInHeader {
                flags.append("unit_inferred")
            }
        } else if let suffix = countSuffixes.first(where: { number.hasSuffix($0) }) {
            number = number.dropLast(suffix.count)
        }
        guard let parsed = ExactDecimal(withoutSeparators(String(number))) else {
            return CellValue(raw: raw, status: .invalid)
        }
        let value = parsed.shifted(by: shift)
        if !unit.allowsFraction && value.scale > 0 { return CellValue(raw: raw, status: .invalid) }
        return CellValue(value: value, raw: raw, status: .reported, flags: flags)
    }

    /// Whether `raw` reads as a value cell at all (a number, blank or a
    /// not-applicable mark), which is how rows tell values from labels.
    public static func isValueLike(_ raw: String) -> Bool {
        // Most cells are plain ASCII digits, or labels with a CJK character no value has.
        if raw.isPlainDigits { return true }
        if raw.unicodeScalars.contains(where: { (0x4E00...0x9FFF).contains($0.value) && !valueCharacters.contains($0) }) {
            return false
        }
        let text = compact(raw)
        if text.isEmpty || notApplicableMarks.contains(text) { return true }
        var number = Substring(text)
        for suffix in unitSuffixes where number.hasSuffix(suffix) {
            number = number.dropLast(suffix.count)
            break
        }
        return ExactDecimal(withoutSeparators(String(number))) != nil
    }

    /// The CJK characters a value-like cell can hold (units and 无).
    static let valueCharacters = Set((unitSuffixes + Array(notApplicableMarks)).flatMap(\.unicodeScalars))

    /// Unit words any value may carry, 万元 before 元.
    static let unitSuffixes = ["万元", "元"] + countSuffixes

    /// Whether `raw` is empty once whitespace is removed.
    public static func isBlank(_ raw: String) -> Bool {
        // A printable ASCII character survives compaction: not blank, without normalising.
        if raw.utf8.contains(where: { $0 > 0x20 && $0 < 0x7F }) { return false }
        return compact(raw).isEmpty
    }

    /// NFKC (full-width digits, signs and commas become ASCII) without any whitespace.
    static func compact(_ raw: String) -> String { raw.compactNFKC }

    /// "1,347" → "1347"; commas elsewhere are left for the parser to reject.
    static func withoutSeparators(_ text: String) -> String {
        guard text.includes(",") else { return text }
        let unsigned = text.hasPrefix("+") || text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        let integerPart = unsigned.split(separator: ".", maxSplits: 1).first ?? ""
        let groups = integerPart.split(separator: ",", omittingEmptySubsequences: false)
        guard let first = groups.first, (1...3).contains(first.count),
            groups.dropFirst().allSatisfy({ $0.count == 3 })
        else { return text }
        return text.replacingOccurrences(of: ",", with: "")
    }
}
