import Foundation
import Testing
@testable import NianbaoKit
@testable import NianbaoSynthesis

/// Section 二 of layout text with blank cells, as `pdftotext -layout` prints
/// V2019's sub-tables: numbers right-aligned off their headers, a value cell
/// merged across two header columns, rows left wholly blank.
@Suite struct LayoutSectionTwoTests {
    private func rows(_ text: String) -> [[String]] {
        LayoutTextReader.read(text).tables.flatMap { $0.rows.map { $0.cells.map(\.text) } }
    }

    /// (五) shows two numbers between 上一年项目数量 and 本年增/减; (六), under
    /// the same header at the same columns, shows a full row: together they
    /// show one stack of numbers per column, so (五)'s numbers are placed.
    @Test func subTablesUnderTheSameHeaderShareTheirColumns() {
        let text = """
            第二十条第（五）项

                   信息内容                    上一年项目数量                           本年增/减          处理决定数量

            行政许可                                              78                               5

                          第二十条第（六）项

                   信息内容                    上一年项目数量                           本年增/减          处理决定数量

            行政处罚                                               6              -3              47
            """
        #expect(rows(text) == [
            ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"], ["行政许可", "78", "", "5"],
            ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"], ["行政处罚", "6", "-3", "47"],
        ])
        // Alone, (五) cannot tell which column 78 stands in: its row is left as printed.
        let alone = String(text[..<text.range(of: "              第二十条第（六）项")!.lowerBound])
        #expect(rows(alone) == [["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"], ["行政许可", "78", "5"]])
    }

    /// A row label alone between blank lines is a row of blanks, inside the
    /// table (规章) and when a whole sub-table is blank (行政事业性收费, before the next heading).
    @Test func labelsAloneBetweenBlankLinesAreRowsOfBlanks() throws {
        let text = """
                          第二十条第（一）项

                   信息内容                    本年制发件数      本年废止件数      现行有效件数

            规章

            行政规范性文件                                                   255

                          第二十条第（八）项

                   信息内容                              本年收费金额（单位：万元）

            行政事业性收费

                 三、收到和处理政府信息公开申请情况
            """
        let read = rows(text)
        #expect(read.contains(["规章", "", "", ""]), "\(read)")
        #expect(read.contains(["行政规范性文件", "", "", "255"]), "\(read)")
        #expect(read.contains { $0.first == "行政事业性收费" && $0.dropFirst().allSatisfy(\.isEmpty) && $0.count >= 2 }, "\(read)")
    }

    /// A group label in the left margin between blank lines is not a row.
    @Test func aLabelIndentedApartFromTheRowLabelsIsNoRow() {
        let text = """
                                      自然人   商业企业   科研机构   社会公益组织   法律服务机构   其他   总计

                        4.保护第三方合法权益             5                        4              9

                （三）

                        5.属于三类内部事务信息           7                                       7
            """
        #expect(!rows(text).contains { $0.first == "（三）" })
    }
}
