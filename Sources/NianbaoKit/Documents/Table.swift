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
    /// Whether each row's numbers ran together into one run of digits with
    /// no separator (a crawler's text of the page): only the template's cell
    /// counts and identities can split them (``RunTogetherTextReader``).
    public var runTogether: Bool

    public init(number: Int, rows: [TableRow], runTogether: Bool = false) {
        self.number = number
        self.rows = rows
        self.runTogether = runTogether
    }
}
