import Foundation
import Testing
@testable import NianbaoKit
@testable import NianbaoSynthesis

/// PDFs printed by LibreOffice from the Word renderer's output, in print
/// styles that wrap labels and four- to six-digit numbers in narrow columns,
/// break tables over pages and leave cells blank (`nianbao-bench
/// --pdf-round-trip` made them; each `.json` holds the report's facts).
@Suite(.enabled(if: FormatFixtures.hasPDFToText, "pdftotext (poppler-utils) is not installed: PDF tests skipped"))
struct LibreOfficePDFTests {
    static let folder = "libreoffice-pdf/"
    /// Read back with every cell exact.
    /// (1000-001 and 1000-007 print V2019 section 二's value cell across two
    /// headers with blanks beside it: placed by the sibling sub-table's stacks.)
    static let exact = ["000", "001", "002", "006", "009", "020", "023", "029", "042", "1000-001", "1000-007", "1000-033", "1000-043"]
    /// Six-digit numbers wrapped over three lines in 30-point columns: a few
    /// cells NULL or wrong, and every wrong one flagged by a failed identity.
    static let hard = ["007", "019"]
    static func parse(_ name: String) throws -> (parsed: ParsedReport, truth: SyntheticReport) {
        let truth = try FormatFixtures.expected(folder + "report-\(name).json")
        return (try TestSupport.parse(FormatFixtures.url(folder + "report-\(name).pdf")), truth)
    }

    @Test(arguments: exact)
    func everyCellIsExact(_ name: String) throws {
        let (parsed, truth) = try Self.parse(name)
        #expect(parsed.source.format == .pdf)
        let problems = RoundTrip.mismatches(parsed, truth)
        #expect(problems.isEmpty, "report-\(name).pdf: \(RoundTrip.summary(problems, limit: 12))")
    }

    @Test(arguments: hard)
    func aWrongNumberIsAlwaysFlagged(_ name: String) throws {
        let (parsed, truth) = try Self.parse(name)
        var tally = CellTally()
        tally.add(parsed.report, truth: truth, name: name)
        #expect(tally.wrongUnflagged == 0, "\(tally.wrongCells)")
        #expect(tally.exact >= 180, "\(tally.summary)")
        for (key, cell) in parsed.report.cells where cell.value != nil && cell.value != truth.value(key) {
            #expect(cell.flags.contains("identity_violation"), "\(key): \(cell.value?.description ?? "") not flagged")
        }
    }

    /// The same PDFs saved as layout text: centred cells put labels and numbers
    /// on different lines, so many rows stay NULL, but no number is wrong unflagged.
    @Test(arguments: exact + hard)
    func layoutTextNeverStoresAnUnflaggedWrongNumber(_ name: String) throws {
        let truth = try FormatFixtures.expected(Self.folder + "report-\(name).json")
        let text = try PDFTextExtractor.text(of: FormatFixtures.bytes(Self.folder + "report-\(name).pdf"), path: "report.pdf")
        guard let parsed = try? ReportParser().parse(Array(text.utf8), path: "report-\(name).layout.txt") else { return }
        var tally = CellTally()
        tally.add(parsed.report, truth: truth, name: name)
        #expect(tally.wrongUnflagged == 0, "\(tally.wrongCells)")
    }

    /// A row that starts a page, its numbers centred on a label spanning the
    /// group column ("（七）总计": "1" / "26" / "5"), is its own row: the pieces
    /// above the label are neither a page number nor the rest of the last
    /// page's row; and a row starting the next page ("四、结转…") is not
    /// wrapped into the row at the foot of the last.
    @Test func aRowStartingAPageKeepsItsNumbers() throws {
        for name in ["1000-033", "1000-007"] {
            let (parsed, truth) = try Self.parse(name)
            for key in truth.cells.keys where key.hasPrefix("outcome.total.") || key.hasPrefix("carried_out.") || key.hasPrefix("outcome.other.") {
                #expect(parsed.report.cells[key]?.value == truth.value(key), "report-\(name) \(key)")
            }
        }
    }

    /// A number wrapped in its cell is joined ("300" over "1" is 3001), never
    /// stored as its first line: the fixtures hold numbers of four to six digits.
    @Test func wrappedNumbersAreJoined() throws {
        let (parsed, truth) = try Self.parse("002")
        let large = truth.cells.compactMap { key, value in (value ?? nil).map { (key, $0) } }.filter { $0.1.description.count >= 5 }
        #expect(large.count >= 5, "the fixture has numbers of five digits and more")
        for (key, value) in large { #expect(parsed.report.cells[key]?.value == value, "\(key)") }
    }
}
