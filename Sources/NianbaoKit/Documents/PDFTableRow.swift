/// A row of a PDF table part while it is built: the numbers that anchor it
/// (by column), numbers it cannot place, and the label words given to it.
struct PDFTableRow: Sendable {
    var values: [Int: [PDFWord]] = [:]
    /// Numbers between two columns, or beside another in one column: never placed.
    var strays: [PDFWord] = []
    var labels: [PDFWord] = []
    /// Group-column labels beside the row (（三）不予公开), each whole.
    var groups: [[PDFWord]] = []
    var page: Int
    /// The baseline band of the row's first numbers (or its label, for a row of blanks).
    var seedTop: Double
    var seedBottom: Double
    var top: Double
    var bottom: Double
    /// 1-based line of the document where the row starts.
    var line: Int

    init(page: Int, top: Double, bottom: Double, line: Int) {
        self.page = page
        seedTop = top
        seedBottom = bottom
        self.top = top
        self.bottom = bottom
        self.line = line
    }

    /// How far the row's band and `top...bottom` on `page` overlap vertically.
    func overlap(page: Int, top: Double, bottom: Double) -> Double {
        guard page == self.page else { return -.infinity }
        return min(bottom, self.bottom) - max(top, self.top)
    }

    mutating func extend(_ word: PDFWord) {
        top = min(top, word.y0)
        bottom = max(bottom, word.y1)
    }
}
