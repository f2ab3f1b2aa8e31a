import NianbaoKit
/// How a rendered Word document sits on the page: column width, font size
/// and prose before the tables. A word processor printing it to PDF then
/// wraps labels and numbers and breaks tables over pages in different
/// places, which is what the PDF reader must be proved against.
public struct DOCXPrintStyle: Sendable, Equatable {
    /// Width of one grid column in twips (1/20 pt): narrow columns wrap
    /// labels over many lines and four-digit numbers over two.
    public var columnTwips: Int
    /// Font size in half-points (21 is 10.5 pt, 五号).
    public var fontHalfPoints: Int
    /// Paragraphs of prose before section 三, moving where pages break.
    public var fillerParagraphs: Int

    public init(columnTwips: Int = 720, fontHalfPoints: Int = 21, fillerParagraphs: Int = 0) {
        self.columnTwips = columnTwips
        self.fontHalfPoints = fontHalfPoints
        self.fillerParagraphs = fillerParagraphs
    }

    /// The layout every renderer test used before styles existed.
    public static let standard = DOCXPrintStyle()

    /// A sentence of filler prose: no numbers, no heading pattern.
    static let filler = "本机关持续推进政府信息公开标准化规范化建设，完善工作机制，提升公开质量，方便群众获取和利用政府信息。"
}
