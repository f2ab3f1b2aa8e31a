import Foundation
import Testing
@testable import NianbaoKit
@testable import NianbaoSynthesis

/// Markdown as PDF converters and OCR tools write it: pipe tables, `#` headings, plain lines.
@Suite struct MarkdownReaderTests {
    private func texts(_ table: Table) -> [[String]] { table.rows.map { $0.cells.map(\.text) } }

    @Test func pipeRowsAreTableRows() throws {
        let document = MarkdownReader.read("| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n| 规章 | 0 | 0 | 0 |\n| 行政规范性文件 | 6 | 1 | 32 |\n")
        #expect(document.tables.count == 1)
        let table = try #require(document.tables.first)
        #expect(texts(table) == [
            ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"], ["规章", "0", "0", "0"], ["行政规范性文件", "6", "1", "32"],
        ])
        #expect(table.rows.map(\.line) == [1, 2, 3])
        #expect(table.rows[2].cells.map(\.line) == [3, 3, 3, 3])
        #expect(document.paragraphs.isEmpty)
    }

    @Test func cellsAreTrimmedAndEmptyCellsKept() throws {
        let table = try #require(MarkdownReader.read("|  行政许可   |   |  517645 |\n").tables.first)
        #expect(texts(table) == [["行政许可", "", "517645"]])
    }

    @Test func separatorRowsAreSkipped() throws {
        let text = "| 信息内容 | 本年处理决定数量 |\n|---|---|\n| 行政处罚 | 693957 |\n|:---|---:|\n| :-: | --- |\n| 行政强制 | 2154 |\n"
        let table = try #require(MarkdownReader.read(text).tables.first)
        #expect(texts(table) == [["信息内容", "本年处理决定数量"], ["行政处罚", "693957"], ["行政强制", "2154"]])
        #expect(table.rows.map(\.line) == [1, 3, 6])
    }

    @Test func aDashValueIsNotASeparatorRow() throws {
        // "—" (not applicable) and "-" in a data row next to a label are cells, not alignment marks.
        let table = try #require(MarkdownReader.read("| 规章 | - | — | 0 |\n").tables.first)
        #expect(texts(table) == [["规章", "-", "—", "0"]])
    }

    @Test func escapedPipesStayInTheCell() throws {
        let table = try #require(MarkdownReader.read(#"| 甲\|乙 | 3 | a \| b \| c |"# + "\n").tables.first)
        #expect(texts(table) == [["甲|乙", "3", "a | b | c"]])
    }

    @Test func headingsAreParagraphsWithoutTheirHashes() {
        let document = MarkdownReader.read("# 沐阳县人民政府 2025 年 政府信息公开工作年度报告\n\n## 二、主动公开政府信息情况\n\n### 第二十条第（一）项\n####   （二）规范化办理\n正文一行。\n")
        #expect(document.paragraphs.map(\.text) == [
            "沐阳县人民政府 2025 年 政府信息公开工作年度报告", "二、主动公开政府信息情况", "第二十条第（一）项", "（二）规范化办理", "正文一行。",
        ])
        #expect(document.paragraphs.map(\.line) == [1, 3, 5, 6, 7])
        #expect(document.tables.isEmpty)
    }

    @Test func aRowWithATrailingEmptyCellKeepsIt() throws {
        // 上海市科委 2024: the extractor writes one more pipe cell than the table has.
        let table = try #require(MarkdownReader.read("| 一、本年新收政府信息公开申请数量 | 32 | 2 | 0 | 0 | 0 | 0 | 34 |  |\n").tables.first)
        #expect(texts(table) == [["一、本年新收政府信息公开申请数量", "32", "2", "0", "0", "0", "0", "34", ""]])
    }

    @Test func aRowWithoutItsClosingPipeEndsAtItsLastCell() throws {
        let table = try #require(MarkdownReader.read("| 行政许可 | 97\n").tables.first)
        #expect(texts(table) == [["行政许可", "97"]])
    }

    @Test func aParagraphEndsTheTableAndTablesAreNumbered() {
        let text = "## 表二\n| 规章 | 0 |\n| 行政许可 | 3 |\n说明文字\n| 行政处罚 | 5 |\n\n| 行政强制 | 1 |\n"
        let document = MarkdownReader.read(text)
        #expect(document.tables.map(\.number) == [1, 2, 3])
        #expect(document.tables.map { texts($0) } == [[["规章", "0"], ["行政许可", "3"]], [["行政处罚", "5"]], [["行政强制", "1"]]])
        #expect(document.blocks.count == 5)
        if case .paragraph(let paragraph) = document.blocks[2] { #expect(paragraph.text == "说明文字") } else {
            Issue.record("the paragraph sits between the first two tables: \(document.blocks)")
        }
    }

    @Test func indentedPipeRowsAndCRLF() throws {
        let table = try #require(MarkdownReader.read("   | 规章 | 0 |\r\n\t| 行政许可 | 3 |\r\n").tables.first)
        #expect(texts(table) == [["规章", "0"], ["行政许可", "3"]])
    }

    /// A whole report as OCR markdown with generic column headers (数据1…数据6)
    /// imports through the markdown reader: every cell exact.
    @Test(arguments: TemplateVersion.allCases)
    func aMarkdownReportImportsExactly(_ version: TemplateVersion) throws {
        let synthetic = RoundTrip.report(seed: 9, version: version, blankZeros: false)
        let text = Self.markdown(synthetic)
        #expect(TextLayout.detect(text) == .markdown)
        let parsed = try ReportParser().parse(Array(text.utf8), path: "ocr.md")
        #expect(parsed.source.layout == .markdown)
        let problems = RoundTrip.mismatches(parsed, synthetic)
        #expect(problems.isEmpty, "\(RoundTrip.summary(problems))")
    }

    /// `report` as an OCR tool writes it: headings with `#`, each statistics
    /// table a pipe table whose header row is generic, the grid flattened row by row.
    static func markdown(_ report: SyntheticReport) -> String {
        var lines = ["# " + report.title, "", "发布日期：" + report.publishedOn, "", PrintedTemplate.preamble(report), ""]
        let layouts = PrintedTemplate.tables(report.version)
        for (index, heading) in PrintedTemplate.headings.enumerated() {
            lines += ["## " + heading, ""]
            if let prose = PrintedTemplate.prose(index, report) { lines += [prose, ""] }
            guard let layout = layouts.first(where: { PrintedTemplate.heading($0.section) == heading }) else { continue }
            if layout.section == .requests { lines += [PrintedTemplate.reconciliationNote, ""] }
            var first = true
            for row in layout.rows {
                if row.first?.role == .caption {
                    lines += ["", "### " + row[0].text]
                    first = true
                    continue
                }
                if row.allSatisfy({ $0.role == .header || $0.role == .group }) && layout.section == .requests { continue }
                let cells = row.map { cell -> String in
                    switch cell.role {
                    case .value: return report.value(cell.text)?.description ?? ""
                    default: return cell.text.replacingOccurrences(of: "|", with: #"\|"#)
                    }
                }
                if first && layout.section != .proactive {
                    let generic = ["项目"] + (1..<max(cells.count, 2)).map { "数据\($0)" }
                    lines += ["| " + generic.joined(separator: " | ") + " |", "|" + String(repeating: "---|", count: generic.count)]
                }
                lines.append("| " + cells.joined(separator: " | ") + " |")
                if first && layout.section == .proactive {
                    lines.append("|" + String(repeating: "---|", count: cells.count))
                }
                first = false
            }
            lines.append("")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
