import NianbaoKit
/// Ways `pdftotext -layout` output of a real report deviates from one table
/// row per line (report-format.md §11.1; the Hongze 2024 PDF of the shared
/// corpus), each switchable so a test can tell which one a reader fails on.
public struct LayoutTextQuirks: OptionSet, Sendable, Hashable {
    public let rawValue: Int

    public init(rawValue: Int) { self.rawValue = rawValue }

    /// Long row labels broken over several lines, the numbers either alone on
    /// the line after the last fragment or beside it ("（二）部分公开（区分处理的，
    /// 只计这一情 形，不" / "计其他情形）" / "9  0  0 …").
    public static let wrappedLabels = LayoutTextQuirks(rawValue: 1 << 0)
    /// Group labels (三、本年度办理结果, （三）不予公开 …) on lines of their own down
    /// the left margin, at the middle of the rows they span, some broken in two
    /// ("（三）" / "不予公开"), 三、本年度办理结果 letter-spaced between blank lines.
    public static let groupLabelsInMargin = LayoutTextQuirks(rawValue: 1 << 1)
    /// Narrow header cells stacked vertically: short words over several lines
    /// in section 三 (商业 / 企业), single characters in section 四 (结 / 果 / 维 / 持).
    public static let stackedHeaders = LayoutTextQuirks(rawValue: 1 << 2)
    /// Page footers ("-3-", "- 4 -") and form feeds between pages, one of them
    /// inside the section-三 table.
    public static let pageFooters = LayoutTextQuirks(rawValue: 1 << 3)

    /// Every quirk.
    public static let all: LayoutTextQuirks = [.wrappedLabels, .groupLabelsInMargin, .stackedHeaders, .pageFooters]

    /// Each quirk with its name, for test arguments.
    public static let named: [(name: String, quirk: LayoutTextQuirks)] = [
        ("wrappedLabels", .wrappedLabels), ("groupLabelsInMargin", .groupLabelsInMargin),
        ("stackedHeaders", .stackedHeaders), ("pageFooters", .pageFooters),
    ]

    /// The names of the quirks set, joined by "+" ("none" when empty).
    public var name: String {
        let names = Self.named.filter { contains($0.quirk) }.map(\.name)
        return names.isEmpty ? "none" : names.joined(separator: "+")
    }
}
