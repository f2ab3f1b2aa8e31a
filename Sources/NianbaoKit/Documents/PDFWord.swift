/// One word of a PDF page as poppler places it (`pdftotext -bbox-layout`):
/// its text and its box in points, y growing down the page.
///
/// Tables are read from these positions, not from spaced text: a column is
/// where its words stand, whatever the spaces between them.
public struct PDFWord: Sendable, Equatable {
    public var text: String
    /// 0-based page.
    public var page: Int
    public var x0: Double
    public var y0: Double
    public var x1: Double
    public var y1: Double

    public init(text: String, page: Int, x0: Double, y0: Double, x1: Double, y1: Double) {
        self.text = text
        self.page = page
        self.x0 = x0
        self.y0 = y0
        self.x1 = x1
        self.y1 = y1
    }

    public var width: Double { x1 - x0 }
    public var height: Double { y1 - y0 }
    public var centerX: Double { (x0 + x1) / 2 }
    public var centerY: Double { (y0 + y1) / 2 }

    /// How far the horizontal extents of `self` and `other` overlap (negative: the gap between them).
    func horizontalOverlap(_ other: PDFWord) -> Double { min(x1, other.x1) - max(x0, other.x0) }
}
