/// A report as a reader sees it, independent of its file format: paragraphs
/// and tables in reading order (architecture.md, "read").
///
/// Readers know formats and nothing of reports; the extractor knows reports
/// and nothing of formats. Everything between them is this type.
public struct Document: Sendable, Equatable {
    /// Paragraphs and tables in reading order.
    public var blocks: [Block]
    /// Metadata a format states outside the body (an HTML `<title>`), if any.
    public var title: String?
    /// Named metadata outside the body (HTML `<meta name content>`), names lower-cased.
    public var properties: [String: String]
    /// Why the reader stopped before the end of the file, if it did (markup
    /// nested past the parser's limit): the extractor names it instead of
    /// calling the tables missing.
    public var unreadRest: String?

    public init(blocks: [Block], title: String? = nil, properties: [String: String] = [:]) {
        self.blocks = blocks
        self.title = title
        self.properties = properties
    }

    /// The paragraphs only, in order.
    public var paragraphs: [Paragraph] {
        blocks.compactMap { if case .paragraph(let p) = $0 { p } else { nil } }
    }

    /// The tables only, in order.
    public var tables: [Table] {
        blocks.compactMap { if case .table(let t) = $0 { t } else { nil } }
    }
}
