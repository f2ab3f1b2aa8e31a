/// The layout of a plain-text report, told from its lines: each layout has
/// its own reader, all producing the same ``Document``.
public enum TextLayout: String, Sendable, CaseIterable {
    /// One table cell per line after a tab (DOCX converted to text).
    case tabbed
    /// `| a | b |` pipe tables (markdown from PDF converters and OCR).
    case markdown
    /// Columns separated by runs of spaces (`pdftotext -layout`), and prose.
    case columns
    /// A crawler's text of the page: table cells run together with no
    /// separator (`申请数量801000081`).
    case runTogether

    /// The layout most lines of `text` follow.
    public static func detect(_ text: String) -> TextLayout {
        var (tabbed, piped) = (0, 0)
        for line in text.lineSlices.lazy.filter({ !$0.isEmpty }).prefix(4000) {
            let trimmed = line.drop { $0 == " " }
            if trimmed.hasPrefix("\t") { tabbed += 1 }
            // A pipe row has a "|": most lines have none, and need no String of their own.
            if trimmed.utf8.contains(0x7C), MarkdownReader.isPipeRow(String(trimmed)) { piped += 1 }
        }
        if piped >= 3 && piped >= tabbed { return .markdown }
        if tabbed >= 3 { return .tabbed }
        if runTogetherAnchors(text) >= 3 { return .runTogether }
        return .columns
    }

    /// Row labels every statistics table prints, each counted once when a
    /// digit follows it directly (`申请数量801000081`): three or more and the
    /// cells ran together. (Prose may say `总计12件` once; a table with
    /// separators never glues a label to its number.)
    static func runTogetherAnchors(_ text: String) -> Int {
        ["申请数量", "予以公开", "总计", "规章", "行政许可", "行政处罚", "继续办理"].filter { anchor in
            var rest = text[...]
            while let range = rest.range(of: anchor) {
                if range.upperBound < rest.endIndex, rest[range.upperBound].isASCIIDigit { return true }
                rest = rest[range.upperBound...]
            }
            return false
        }.count
    }

    /// Reads `text` in this layout.
    /// - Parameter labels: the row labels tables may print, for layouts that
    ///   must find where a label starts in run-together text.
    public func read(_ text: String, labels: [String] = []) -> Document {
        switch self {
        case .tabbed: PlainTextReader.read(text)
        case .markdown: MarkdownReader.read(text)
        case .columns: LayoutTextReader.read(text)
        case .runTogether: RunTogetherTextReader.read(text, labels: labels)
        }
    }
}
