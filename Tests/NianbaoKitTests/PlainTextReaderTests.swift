import Foundation
import Testing
@testable import NianbaoKit
import NianbaoSynthesis

/// The DOCX-to-text layout: one cell per tab-prefixed line, blank lines between
/// rows, wrapped cell text, converter markers.
@Suite struct PlainTextReaderTests {
    private func texts(_ table: Table) -> [[String]] { table.rows.map { $0.cells.map(\.text) } }

    private func onlyTable(_ document: Document, sourceLocation: SourceLocation = #_sourceLocation) throws -> Table {
        #expect(document.tables.count == 1, "\(document.blocks)", sourceLocation: sourceLocation)
        return try #require(document.tables.first, sourceLocation: sourceLocation)
    }

    @Test func tabLinesAreCellsAndBlankLinesSeparateRows() throws {
        let document = PlainTextReader.read("\t规章\n\t0\n\t1\n\t5\n\n\t行政规范性文件\n\t2\n\t0\n\t10\n")
        let table = try onlyTable(document)
        #expect(texts(table) == [["规章", "0", "1", "5"], ["行政规范性文件", "2", "0", "10"]])
        #expect(table.number == 1)
        #expect(document.paragraphs.isEmpty)
    }

    @Test func severalTabsOnOneLineAreSeveralCells() throws {
        let table = try onlyTable(PlainTextReader.read("\t行政处罚\t78\n\n\t行政强制\t0\t\n"))
        #expect(texts(table) == [["行政处罚", "78"], ["行政强制", "0", ""]])
    }

    @Test func emptyCellsAreKept() throws {
        let table = try onlyTable(PlainTextReader.read("\t\n\t自然人\n\t\n\t总计\n"))
        #expect(texts(table) == [["", "自然人", "", "总计"]])
    }

    @Test func rowAndCellLineNumbers() throws {
        let table = try onlyTable(PlainTextReader.read("标题\n\n\t规章\n\t0\n\n\t行政许可\n\t3\n"))
        #expect(table.rows.map(\.line) == [3, 6])
        #expect(table.rows[0].cells.map(\.line) == [3, 4])
        #expect(table.rows[1].cells.map(\.line) == [6, 7])
    }

    @Test func continuationLinesJoinTheirCell() throws {
        let table = try onlyTable(PlainTextReader.read("\t信息内容\n\t本年新\n制作数量\n\t本年新\n公开数量\n"))
        #expect(texts(table) == [["信息内容", "本年新\n制作数量", "本年新\n公开数量"]])
        #expect(LabelNormalizer.normalize(table.rows[0].cells[1].text) == "本年新制作数量")
    }

    @Test func continuationLineIsTrimmed() throws {
        let table = try onlyTable(PlainTextReader.read("\t（三）\n   不予公开  \n\t1\n"))
        #expect(texts(table) == [["（三）\n不予公开", "1"]])
    }

    @Test func bookmarkAndImageMarkersAreRemoved() throws {
        let document = PlainTextReader.read(
            "[bookmark: _GoBack]2021年山亭区应急局政府信息公开工作年度报告\n\n\t[bookmark: _Hlk66973412]一、本年新收政府信息公开申请数量\n\t0\n\n[image: ]（二）依申请公开办理情况\n")
        #expect(document.paragraphs.map(\.text) == ["2021年山亭区应急局政府信息公开工作年度报告", "（二）依申请公开办理情况"])
        #expect(texts(try onlyTable(document)) == [["一、本年新收政府信息公开申请数量", "0"]])
    }

    @Test func otherBracketsAreKept() {
        let document = PlainTextReader.read("国办公开办函[2021]30号 [注]\n")
        #expect(document.paragraphs.map(\.text) == ["国办公开办函[2021]30号 [注]"])
    }

    @Test func spacesBeforeTheTabStartANewRow() throws {
        // 山亭区 2021: an unlabeled row glued to its predecessor without a blank line.
        let text = "\t3.危及“三安全一稳定”\n\t0\n\t0\n \t4\n\t5\n\n\t5.属于三类内部事务信息\n\t6\n"
        let table = try onlyTable(PlainTextReader.read(text))
        #expect(texts(table) == [["3.危及“三安全一稳定”", "0", "0"], ["4", "5"], ["5.属于三类内部事务信息", "6"]])
        #expect(table.rows[1].line == 4)
    }

    @Test func crlfLineEndings() throws {
        let table = try onlyTable(PlainTextReader.read("\t规章\r\n\t0\r\n\r\n\t行政许可\r\n\t3\r\n"))
        #expect(texts(table) == [["规章", "0"], ["行政许可", "3"]])
    }

    @Test func paragraphAfterABlankLineEndsTheTable() {
        let document = PlainTextReader.read("\t行政事业性收费\n\t0\n\n三、收到和处理政府信息公开申请情况\n\n\t申请人情况\n\t自然人\n")
        #expect(document.blocks.count == 3)
        guard document.blocks.count == 3,
            case .table(let first) = document.blocks[0],
            case .paragraph(let heading) = document.blocks[1],
            case .table(let second) = document.blocks[2]
        else {
            Issue.record("unexpected blocks \(document.blocks)")
            return
        }
        #expect(texts(first) == [["行政事业性收费", "0"]])
        #expect(heading.text == "三、收到和处理政府信息公开申请情况")
        #expect(heading.line == 4)
        #expect(texts(second) == [["申请人情况", "自然人"]])
        #expect([first.number, second.number] == [1, 2] as [Int])
    }

    @Test func plainParagraphAfterABlankLineEndsTheTable() {
        let document = PlainTextReader.read("\t行政强制\n\t0\n\n本年度我局未收取任何费用。\n")
        #expect(document.tables.count == 1)
        #expect(document.paragraphs.map(\.text) == ["本年度我局未收取任何费用。"])
        guard case .paragraph = document.blocks.last else {
            Issue.record("last block is not a paragraph: \(document.blocks)")
            return
        }
    }

    @Test func sectionHeadingRightAfterACellIsNotAContinuation() throws {
        let document = PlainTextReader.read("\t复议后起诉\n\t0\n五、存在的主要问题及改进情况\n本年度…\n")
        let table = try onlyTable(document)
        #expect(texts(table) == [["复议后起诉", "0"]])
        #expect(document.paragraphs.map(\.text) == ["五、存在的主要问题及改进情况", "本年度…"])
        guard document.blocks.count == 3, case .table = document.blocks[0], case .paragraph = document.blocks[1] else {
            Issue.record("unexpected blocks \(document.blocks)")
            return
        }
    }

    @Test func proseOnlyDocument() {
        let document = PlainTextReader.read("2021年某局政府信息公开工作年度报告\n\n一、总体情况\n  正文。  \n")
        #expect(document.tables.isEmpty)
        #expect(document.paragraphs.map(\.text) == ["2021年某局政府信息公开工作年度报告", "一、总体情况", "正文。"])
        #expect(document.paragraphs.map(\.line) == [1, 3, 4])
    }

    @Test func emptyText() {
        #expect(PlainTextReader.read("").blocks.isEmpty)
        #expect(PlainTextReader.read("\n\n\n").blocks.isEmpty)
    }

    /// Lines split on bytes equal the Character-based split they replaced
    /// ("\r\n" one Character, a lone "\r" dropped at a line's end), and
    /// trimming without Foundation equals Foundation's, on random text.
    @Test func bytewiseLinesAndTrimmingMatchTheCharacterRules() {
        for value in 0..<0x10000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(scalar.isSpaceSeparatorOrTab == CharacterSet.whitespaces.contains(scalar), "U+\(String(value, radix: 16))")
        }
        var random = SeededGenerator(seed: 33)
        let pieces = ["a", "规章", "\t", " ", "\n", "\r", "\r\n", "\u{3000}", "\u{00A0}", "\u{2003}", "\u{0301}", "\u{200B}", "\u{0085}", "1"]
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 0...10, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            let characterLines: [String] = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
                .map { String($0.hasSuffix("\r") ? $0.dropLast() : $0) }
            let byteLines: [String] = PlainTextReader.lines(text).map { String($0) }
            #expect(byteLines == characterLines, "\(text.debugDescription)")
            let foundation: String = text.trimmingCharacters(in: .whitespaces)
            #expect(text.trimmingSpaces == foundation, "\(text.debugDescription)")
        }
    }
}
