/// A table as rows of cells.
///
/// Grid formats (HTML, DOCX) resolve row and column spans before building it,
/// so cell `i` of every row sits in grid column `i`. Text formats cannot know
/// the grid and give each row the cells they saw, in order; the extractor
/// reads value cells from the right, where both agree.
public struct Table: Sendable, Equatable {
    /// 1-based position of the table among the document's tables.
    public var number: Int
    public var rows: [TableRow]

    public init(number: Int, rows: [TableRow]) {
        self.number = number
        self.rows = rows
    }
}
