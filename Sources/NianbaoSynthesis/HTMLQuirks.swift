import NianbaoKit
/// Ways real report pages deviate from a clean table layout (report-format.md
/// §2.3, §11), each one switchable so a renderer can reproduce it alone or
/// combined and a test can tell which one the importer fails on.
public struct HTMLQuirks: OptionSet, Sendable, Hashable {
    public let rawValue: Int

    public init(rawValue: Int) { self.rawValue = rawValue }

    /// The whole page sits in nested layout `<table>`s with empty filler cells,
    /// as old CMS templates print it (§11.1, "||||…" runs in the text).
    public static let layoutWrapper = HTMLQuirks(rawValue: 1 << 0)
    /// Statistics tables flattened into one `<p>` per cell, blank cells as
    /// `<p>&nbsp;</p>` (§11.1 "HTML with one cell per paragraph").
    public static let flattenedParagraphs = HTMLQuirks(rawValue: 1 << 1)
    /// Labels and headings in traditional characters, some with a pinyin gloss
    /// ("鎮(zhèn)"), as mirror sites print them (§11.3). Numbers untouched.
    public static let traditionalLabels = HTMLQuirks(rawValue: 1 << 2)
    /// Numbers in full-width digits "１３４７" (§8.2).
    public static let fullWidthDigits = HTMLQuirks(rawValue: 1 << 3)
    /// Labels broken by `<br>` or spaces: "本年新<br>制作数量", "商业 企业" (§2.3, §11.2).
    public static let splitLabels = HTMLQuirks(rawValue: 1 << 4)
    /// No 第二十条第（X）项 caption rows in section 二 (§11.2, [R-BP22]).
    public static let missingCaptions = HTMLQuirks(rawValue: 1 << 5)
    /// A sentence between a section heading and its table (§11.2, [R-JS22]).
    public static let proseBetweenHeadingAndTable = HTMLQuirks(rawValue: 1 << 6)
    /// Word-export markup around every cell's text: `<span style>`, `<font>`, `<o:p></o:p>`.
    public static let spanSoup = HTMLQuirks(rawValue: 1 << 7)

    /// Every quirk.
    public static let all: HTMLQuirks = [
        .layoutWrapper, .flattenedParagraphs, .traditionalLabels, .fullWidthDigits, .splitLabels, .missingCaptions,
        .proseBetweenHeadingAndTable, .spanSoup,
    ]

    /// Each quirk with its name, for test arguments and corpus manifests.
    public static let named: [(name: String, quirk: HTMLQuirks)] = [
        ("layoutWrapper", .layoutWrapper), ("flattenedParagraphs", .flattenedParagraphs),
        ("traditionalLabels", .traditionalLabels), ("fullWidthDigits", .fullWidthDigits),
        ("splitLabels", .splitLabels), ("missingCaptions", .missingCaptions),
        ("proseBetweenHeadingAndTable", .proseBetweenHeadingAndTable), ("spanSoup", .spanSoup),
    ]

    /// The names of the quirks set, joined by "+" ("none" when empty).
    public var name: String {
        let names = Self.named.filter { contains($0.quirk) }.map(\.name)
        return names.isEmpty ? "none" : names.joined(separator: "+")
    }
}
