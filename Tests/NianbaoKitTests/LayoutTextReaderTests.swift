import Foundation
import Testing
@testable import NianbaoKit
@testable import NianbaoSynthesis

/// `pdftotext -layout` text: cells are runs separated by two or more spaces;
/// wrapped labels, group labels, stacked headers and page footers as the
/// Hongze 2024 PDF and LibreOffice's PDF export print them.
@Suite struct LayoutTextReaderTests {
    private func texts(_ table: Table) -> [[String]] { table.rows.map { $0.cells.map(\.text) } }

    /// Every table row of `document`, in order, as cell texts.
    private func rows(_ document: Document) -> [[String]] { document.tables.flatMap(texts) }

    // MARK: - Cells

    @Test func cellsAreSplitOnTwoOrMoreSpaces() {
        #expect(LayoutTextReader.cells("规章               0          0       0") == ["规章", "0", "0", "0"])
        #expect(LayoutTextReader.cells("  行政许可  9487  ") == ["行政许可", "9487"])
        // One space stays inside a cell: justified CJK text, "2024 年".
        #expect(LayoutTextReader.cells("商业 企业  科研 机构   3") == ["商业 企业", "科研 机构", "3"])
        // A tab and the ideographic space count as spaces.
        #expect(LayoutTextReader.cells("规章\t0\u{3000}\u{3000}5") == ["规章", "0", "5"])
        #expect(LayoutTextReader.cells("   ").isEmpty)
    }

    @Test func aTableLineIsOneRowWithItsLineNumber() throws {
        let document = LayoutTextReader.read("标题\n\n规章               0          0       0\n行政规范性文件          3          0       8\n")
        #expect(rows(document) == [["规章", "0", "0", "0"], ["行政规范性文件", "3", "0", "8"]])
        let table = try #require(document.tables.first)
        #expect(table.rows.map(\.line) == [3, 4])
        #expect(table.rows[1].cells.map(\.line) == [4, 4, 4, 4])
    }

    /// LibreOffice's PDF export puts narrow columns one space apart:
    /// "… 0   1339 3279" are two numbers, 1339 and 3279, not 13393279.
    @Test func numbersOneSpaceApartAreTwoCells() {
        let line = "一、本年新收政府信息公开申请数量                        1940     0       0    0        0   1339 3279"
        let cells = LayoutTextReader.read(line + "\n").tables.first?.rows.first?.cells.map(\.text) ?? []
        #expect(cells == ["一、本年新收政府信息公开申请数量", "1940", "0", "0", "0", "0", "1339", "3279"])
    }

    @Test func crlfAndFormFeedsSeparateLines() {
        let document = LayoutTextReader.read("标题\r\n\r\n规章   0   0   0\r\n\u{0C}行政规范性文件   3   0   8\r\n")
        #expect(document.paragraphs.map(\.text) == ["标题"])
        #expect(rows(document) == [["规章", "0", "0", "0"], ["行政规范性文件", "3", "0", "8"]])
    }

    // MARK: - Wrapped labels

    @Test func labelWrappedAboveItsNumbersIsJoinedToThem() throws {
        let text = """
                              （二）部分公开（区分处理的，只计这一情 形，不
                              计其他情形）
                                                          9    0         0     0   0   0     9
            """
        let document = LayoutTextReader.read(text)
        #expect(rows(document) == [["（二）部分公开（区分处理的，只计这一情 形，不计其他情形）", "9", "0", "0", "0", "0", "0", "9"]])
        #expect(document.paragraphs.isEmpty)
        // The row starts where its label starts.
        #expect(document.tables.first?.rows.first?.cells.first?.line == 1)
        let label = try #require(document.tables.first?.rows.first?.cells.first?.text)
        #expect(LabelNormalizer.normalize(label) == LabelNormalizer.normalize("（二）部分公开（区分处理的，只计这一情形，不计其他情形）"))
    }

    @Test func lastLabelFragmentBesideTheNumbersIsJoined() {
        let text = """
                             5.要求行政机关确认或重
                             新出具已获取信息          0    0   0   0    0    0   0
            """
        #expect(rows(LayoutTextReader.read(text)) == [["5.要求行政机关确认或重新出具已获取信息", "0", "0", "0", "0", "0", "0", "0"]])
    }

    // MARK: - Group labels

    @Test func groupLabelLinesJoinTheRowBelow() {
        let text = """
                                    4.保护第三方合法权益      0     0         0     0   0   0     0
                      （三）
                      不予公开
                                    5.属于三类内部事务信息     0     0         0     0   0   0     0
            """
        let rows = rows(LayoutTextReader.read(text))
        #expect(rows.count == 2)
        #expect(rows.last?.first == "（三）不予公开5.属于三类内部事务信息")
        #expect(rows.last?.count == 8)
    }

    @Test func groupLabelBesideTheRowIsACellOfIt() {
        let line = "                  （四）无法提供   1.本机关不掌握相关政府信息   31    0         0     0   0   0     31"
        #expect(rows(LayoutTextReader.read(line)) == [["（四）无法提供", "1.本机关不掌握相关政府信息", "31", "0", "0", "0", "0", "0", "31"]])
    }

    @Test func groupLabelBetweenBlankLinesIsAParagraphNotALabel() {
        let text = """
                                    1.属于国家秘密         0     0         0     0   0   0     0

             三 、本 年 度办 理 结果

                                    2.其他法律行政法规禁止公开      0     0         0     0   0   0     0
            """
        let document = LayoutTextReader.read(text)
        #expect(document.paragraphs.map(\.text) == ["三 、本 年 度办 理 结果"])
        #expect(rows(document).map { $0[0] } == ["1.属于国家秘密", "2.其他法律行政法规禁止公开"])
    }

    // MARK: - Headers

    @Test func stackedHeaderLinesNeverReachTheNumbers() {
        let text = """
                      行政复议                              行政诉讼
                                          未经复议直接起诉                  复议后起诉
                 结     结     其     尚           结     结     其     尚           结     结     其     尚
                 果     果     他     未     总     果     果     他     未     总     果     果     他     未     总
                 维     纠     结     审     计     维     纠     结     审     计     维     纠     结     审     计
                 持     正     果     结           持     正     果     结           持     正     果     结


             1    1      0   0    2   1    0   0   0    1   2   0     1   0   3
            """
        let document = LayoutTextReader.read(text)
        let numbers = document.tables.last?.rows.last?.cells.map(\.text)
        #expect(numbers == ["1", "1", "0", "0", "2", "1", "0", "0", "0", "1", "2", "0", "1", "0", "3"])
        // The header lines are rows without a single value.
        let headerRows = rows(document).dropLast()
        #expect(headerRows.allSatisfy { $0.allSatisfy { !ValueParser.isValueLike($0) } }, "\(headerRows)")
    }

    @Test func fifteenNumbersOnOneLineAreSectionFour() throws {
        var synthesizer = ReportSynthesizer(seed: 8)
        let synthetic = synthesizer.make(bureau: "淮安市洪泽区人民政府", year: 2024, version: .v2021)
        let text = LayoutTextRenderer.render(synthetic, quirks: [.stackedHeaders])
        let keys = ["review", "litigation.direct", "litigation.after_review"].flatMap { block in
            ["upheld", "corrected", "other", "pending", "total"].map { block + "." + $0 }
        }
        let expected = keys.map { synthetic.value($0)!.description }
        let line = try #require(text.split(separator: "\n").first { LayoutTextReader.cells(String($0)) == expected })
        #expect(LayoutTextReader.cells(String(line)).count == 15)
        let report = try ReportParser().parse(Array(text.utf8), path: "appeals.txt").report
        for key in keys { #expect(report.cells[key]?.value == synthetic.value(key), "\(key)") }
    }

    // MARK: - Page furniture

    @Test func pageFootersAreDropped() {
        for footer in ["-3-", "- 3 -", "  -12-  ", "第 3 页", "第3页"] {
            let text = "规章               0          0       0\n\n                 \(footer)\n\u{0C}行政规范性文件          3          0       8\n"
            let document = LayoutTextReader.read(text)
            #expect(document.paragraphs.isEmpty, "\(footer): \(document.paragraphs)")
            #expect(rows(document) == [["规章", "0", "0", "0"], ["行政规范性文件", "3", "0", "8"]], "\(footer)")
        }
        // Not footers: a negative number, a dash mark, a label with a page word.
        #expect(!LayoutTextReader.isPageFooter(["-3"]))
        #expect(!LayoutTextReader.isPageFooter(["—"]))
        #expect(!LayoutTextReader.isPageFooter(["第三页"]))
        #expect(!LayoutTextReader.isPageFooter(["-3-", "5"]))
    }

    @Test func aFooterInsideSectionThreeDoesNotSplitItsRows() throws {
        var synthesizer = ReportSynthesizer(seed: 12)
        let synthetic = synthesizer.make(bureau: "淮安市洪泽区人民政府", year: 2024, version: .v2021)
        let text = LayoutTextRenderer.render(synthetic, quirks: [.pageFooters])
        #expect(text.contains("-3-") && text.contains("\u{0C}"))
        let document = LayoutTextReader.read(text)
        #expect(!document.paragraphs.contains { $0.text.contains("-") && $0.text.count <= 7 }, "\(document.paragraphs.map(\.text))")
        #expect(!rows(document).joined().contains { $0.hasPrefix("-") && $0.hasSuffix("-") })
        let parsed = try ReportParser().parse(Array(text.utf8), path: "footers.txt")
        #expect(RoundTrip.mismatches(parsed, synthetic).isEmpty)
    }

    // MARK: - Prose

    @Test func proseStaysParagraphs() {
        let text = """
                     淮安市洪泽区人民政府
                2024 年政府信息公开工作年度报告

              本报告由淮安市洪泽区人民政府办公室根据《中华人民共和
            国政府信息公开条例》（国令第 711 号）（以下简称《条例》）
            要求编制此报告。
              （一）主动公开情况。2024 年，我区在政府网站平台主动发布各类政府信息 2428 条，公开政府常务会议 7
            期，解读信息发布 7 条。

            """
        let document = LayoutTextReader.read(text)
        #expect(document.tables.isEmpty, "\(document.tables)")
        #expect(document.paragraphs.map(\.text) == [
            "淮安市洪泽区人民政府", "2024 年政府信息公开工作年度报告", "本报告由淮安市洪泽区人民政府办公室根据《中华人民共和",
            "国政府信息公开条例》（国令第 711 号）（以下简称《条例》）", "要求编制此报告。",
            "（一）主动公开情况。2024 年，我区在政府网站平台主动发布各类政府信息 2428 条，公开政府常务会议 7",
            "期，解读信息发布 7 条。",
        ])
        #expect(document.paragraphs.map(\.line) == [1, 2, 4, 5, 6, 7, 8])
    }

    @Test func headingsAndCaptionsBeforeAHeaderRowStayParagraphs() {
        let text = """
                 二、主动公开政府信息情况
                          第二十条第（一）项
                   信息内容   本年制发件数    本年废止件数    现行有效件数

            规章               0          0       0
            """
        let document = LayoutTextReader.read(text)
        #expect(document.paragraphs.map(\.text) == ["二、主动公开政府信息情况", "第二十条第（一）项"])
        #expect(rows(document) == [["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"], ["规章", "0", "0", "0"]])
    }

    // MARK: - Rendered pages

    /// Every section-三 label the renderer wraps or decorates reaches the reader whole.
    @Test(arguments: TemplateVersion.allCases)
    func everyRequestRowOfARenderedPageIsOneRow(_ version: TemplateVersion) {
        var synthesizer = ReportSynthesizer(seed: 31)
        let synthetic = synthesizer.make(bureau: "南京市栖霞区交通运输局", year: version == .v2021 ? 2023 : 2020, version: version)
        let document = LayoutTextReader.read(LayoutTextRenderer.render(synthetic, quirks: .all))
        let labelled = rows(document).filter { $0.count >= 8 && !ValueParser.isValueLike($0[0]) && $0.suffix(7).allSatisfy(ValueParser.isValueLike) }
        let rowCount = version == .v2021 ? 25 : 23
        #expect(labelled.count == rowCount, "\(labelled.map { $0.dropLast(7).joined(separator: "|") })")
        let normalized = labelled.map { LabelNormalizer.normalize($0.dropLast(7).joined()) }
        let n = LabelNormalizer.normalize
        #expect(normalized.contains { $0.hasSuffix(n("（二）部分公开（区分处理的，只计这一情形，不计其他情形）")) })
        #expect(normalized.contains { $0.hasPrefix(n("（三）不予公开")) })
        #expect(normalized.contains { $0.hasSuffix(n("5.要求行政机关确认或重新出具已获取信息")) })
    }
}
