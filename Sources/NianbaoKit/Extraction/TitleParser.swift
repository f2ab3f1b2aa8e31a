import Foundation

/// Reads the bureau and year from a report title, in every pattern of
/// report-format.md §10.1: the bureau before or after the year, 年 or 年度,
/// an optional 关于 … 的报告, and each of the title suffixes in use.
public enum TitleParser {
    /// Title endings, longest first so the bureau never swallows part of one.
    static let suffixes = [
        "政府信息公开工作年度报告", "政务信息公开工作年度报告", "政府信息公开情况的报告", "政府信息公开年度工作报告",
        "政府信息公开工作情况报告", "政府信息公开工作报告", "政府信息公开年度报告", "政务信息公开年度报告",
        "政务公开工作年度报告", "政府信息公开情况报告", "信息公开工作年度报告", "信息公开年度报告",
        "政府信息公开年报", "信息公开年报",
    ]

    nonisolated(unsafe) static let pattern: Regex<AnyRegexOutput> = {
        let suffix = suffixes.joined(separator: "|")
        return try! Regex(
            #"^(?:关于)?(?<pre>.*?)(?:关于)?(?<year>(?:19|20)\d{2})年度?(?:的)?(?<post>.*?)(?:\#(suffix))(?:\(.{0,20}\))?$"#)
    }()

    /// The bureau (nil for a bare "2019年度政府信息公开年度报告") and year of `title`,
    /// or nil when `title` is not a report title.
    public static func parse(_ title: String) -> (bureau: String?, year: Int)? {
        let text = compact(title)
        // The pattern needs a 年 and a suffix at the end (or before a closing "(…)"):
        // most candidate lines have not, and skip the regex.
        guard text.count <= 120, text.includes("年"), endsLikeATitle(text),
            let match = try? pattern.wholeMatch(in: text),
            let yearText = match["year"]?.substring, let year = Int(yearText)
        else { return nil }
        let pre = cleanBureau(match["pre"]?.substring.map(String.init) ?? "")
        let post = cleanBureau(match["post"]?.substring.map(String.init) ?? "")
        let bureau = !pre.isEmpty ? pre : post
        return (bureau.isEmpty ? nil : bureau, year)
    }

    /// Whether `text` ends with a suffix, or with a suffix and "(" + at most
    /// 20 characters + ")": a necessary condition of ``pattern``.
    static func endsLikeATitle(_ text: String) -> Bool {
        if suffixes.contains(where: text.hasSuffix) { return true }
        guard text.hasSuffix(")") else { return false }
        var index = text.index(before: text.endIndex)
        for _ in 0...20 {
            guard index > text.startIndex else { return false }
            index = text.index(before: index)
            if text[index] == "(", suffixes.contains(where: text[..<index].hasSuffix) { return true }
        }
        return false
    }

    /// NFKC, simplified characters, no whitespace: titles wrap and get padded
    /// anywhere, and mirror copies print them in traditional characters.
    static func compact(_ text: String) -> String {
        var compact = text.compactNFKC
        if compact.unicodeScalars.contains(where: LabelNormalizer.isTraditional) {
            compact = compact.applyingTransform(StringTransform("Hant-Hans"), reverse: false) ?? compact
        }
        return compact
    }

    private static func cleanBureau(_ text: String) -> String {
        var bureau = Substring(text)
        for affix in ["关于", "的"] where bureau.hasSuffix(affix) { bureau = bureau.dropLast(affix.count) }
        if bureau.hasPrefix("关于") { bureau = bureau.dropFirst(2) }
        return String(bureau)
    }
}
