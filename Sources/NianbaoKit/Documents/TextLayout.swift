/// The layout of a plain-text report, told from its lines: each layout has
/// its own reader, all producing the same ``Document``.
public enum TextLayout: String, Sendable, CaseIterable {
    /// One table cell per line after a tab (DOCX converted to text).
    case tabbed
    /// `| a | b |` pipe tables (markdown from PDF converters and OCR).
    case markdown
    /// Columns separated by runs of spaces (`pdftotext -layout`), and prose.
    case columns

    /// The layout most lines of `text` follow.
    public static func detect(_ text: String) -> TextLayout {
        var (tabbed, piped) = (0, 0)
        for line in text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }).prefix(4000) {
            let trimmed = line.drop { $0 == " " }
            if trimmed.hasPrefix("\t") { tabbed += 1 }
            if trimmed.hasPrefix("|") && trimmed.dropFirst().includes("|") { piped += 1 }
        }
        if piped >= 3 && piped >= tabbed { return .markdown }
        if tabbed >= 3 { return .tabbed }
        return .columns
    }

    /// Reads `text` in this layout.
    public func read(_ text: String) -> Document {
        switch self {
        case .tabbed: PlainTextReader.read(text)
        case .markdown: MarkdownReader.read(text)
        case .columns: LayoutTextReader.read(text)
        }
    }
}
