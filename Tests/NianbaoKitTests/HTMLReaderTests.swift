import Foundation
import Testing
@testable import NianbaoKit
@testable import NianbaoSynthesis

/// The HTML reader: full grids with spans resolved, text as a reader sees it,
/// and no crash on whatever a web server hands over.
@Suite struct HTMLReaderTests {
    // MARK: - Grids

    @Test func rowAndColumnSpansLandOnTheirGridPositions() throws {
        let html = """
            <html><body><table>
            <tr><td rowspan="2">A</td><td colspan="2">B</td><td>C</td></tr>
            <tr><td>D</td><td>E</td><td>F</td></tr>
            <tr><td colspan="3" rowspan="2">G</td><td>H</td></tr>
            <tr><td>I</td></tr>
            </table></body></html>
            """
        let table = try #require(HTMLReader.read(html).tables.first)
        let texts = table.rows.map { $0.cells.map(\.text) }
        #expect(texts == [["A", "B", "B", "C"], ["A", "D", "E", "F"], ["G", "G", "G", "H"], ["G", "G", "G", "I"]])
        let cells = table.rows.map(\.cells)
        // Origins carry no continuation flag; B's origin knows its width.
        #expect(!cells[0][0].isRowContinuation && !cells[0][0].isColumnContinuation)
        #expect(cells[0][1].columnSpan == 2 && !cells[0][1].isColumnContinuation)
        #expect(cells[0][2].isColumnContinuation && !cells[0][2].isRowContinuation)
        #expect(cells[1][0].isRowContinuation && !cells[1][0].isColumnContinuation)
        #expect(!cells[1][1].isRowContinuation && !cells[1][1].isColumnContinuation)
        #expect(cells[2][0].columnSpan == 3)
        #expect(cells[2][1].isColumnContinuation && cells[2][2].isColumnContinuation && !cells[2][1].isRowContinuation)
        #expect(cells[3][0].isRowContinuation && !cells[3][0].isColumnContinuation)
        #expect(cells[3][1].isRowContinuation && cells[3][1].isColumnContinuation)
        #expect(!cells[3][3].isRowContinuation && !cells[3][3].isColumnContinuation)
    }

    /// The rendered section-三 header: 10 grid columns on every row, the note
    /// and the group cell repeated as row continuations.
    @Test func renderedRequestsTableIsTenColumnsWide() throws {
        var synthesizer = ReportSynthesizer(seed: 2)
        let report = synthesizer.make(bureau: "上海市人民政府办公厅", year: 2019, version: .v2019)
        let document = HTMLReader.read(HTMLReportRenderer.page(report))
        #expect(document.tables.count == 3)
        let requests = try #require(document.tables.dropFirst().first)
        #expect(requests.rows.count == 3 + 2 + 20 + 1)
        #expect(requests.rows.allSatisfy { $0.cells.count == 10 })
        #expect(requests.rows[2].cells[0].isRowContinuation && requests.rows[2].cells[2].isColumnContinuation)
        #expect(requests.rows[2].cells[3].isRowContinuation && requests.rows[2].cells[3].text == "自然人")
        #expect(requests.rows[2].cells[4].text == "商业企业")
        // Row （二）部分公开 under the rowspan-20 group cell.
        #expect(requests.rows[6].cells[0].text == "三、本年度办理结果" && requests.rows[6].cells[0].isRowContinuation)
        let appeals = try #require(document.tables.last)
        #expect(appeals.rows.map(\.cells.count) == [15, 15, 15, 15])
        #expect(appeals.rows[2].cells[4].isRowContinuation && appeals.rows[2].cells[4].text == "总计")
    }

    // MARK: - Text

    @Test func scriptAndStyleTextIsIgnored() throws {
        let html = """
            <html><head><title>标题</title><style>p { color: red } .x:after { content: "三、收到和处理" }</style>
            <script>var heading = "二、主动公开政府信息情况";</script></head>
            <body><p>正文一</p><script type="text/javascript">if (a < b) { document.title = '脚本文字'; }</script>
            <p>正文二</p><style>td { border: 0 }</style><noscript>请开启脚本</noscript>
            <table><tr><td>规章</td><td>5<script>var n = 7;</script></td></tr></table></body></html>
            """
        let document = HTMLReader.read(html)
        #expect(document.paragraphs.map(\.text) == ["正文一", "正文二"])
        #expect(document.title == "标题")
        let cells = try #require(document.tables.first?.rows.first?.cells.map(\.text))
        #expect(cells == ["规章", "5"])
    }

    @Test func breakInsideACellBecomesANewline() throws {
        let html = """
            <table><tr><td>本年新<br>制作数量</td><td>商业<br />企业</td><td><p>（三）</p><p>不予公开</p></td>
            <td>  12 &nbsp;</td><td>&nbsp;</td></tr></table>
            """
        let cells = try #require(HTMLReader.read(html).tables.first?.rows.first?.cells.map(\.text))
        #expect(cells == ["本年新\n制作数量", "商业\n企业", "（三）\n不予公开", "12", ""])
    }

    // MARK: - Hostile input

    /// Pages cut anywhere: the reader returns a document, the parser a report
    /// or a failure, and a report never shifts numbers into other cells.
    @Test(arguments: [HTMLCharset.utf8, .gb2312])
    func truncatedPagesNeverCrashNorShiftValues(_ charset: HTMLCharset) {
        var random = SeededGenerator(seed: 2026)
        let quirkSets: [HTMLQuirks] = [[], [.spanSoup, .layoutWrapper], [.flattenedParagraphs], [.traditionalLabels, .splitLabels]]
        var imported = 0, failed = 0
        for (index, quirks) in quirkSets.enumerated() {
            for version in TemplateVersion.allCases {
                let synthetic = RoundTrip.report(seed: UInt64(index), version: version)
                let bytes = HTMLReportRenderer.render(synthetic, quirks: quirks, charset: charset)
                for _ in 0..<40 {
                    let cut = Int.random(in: 0..<bytes.count, using: &random)
                    let prefix = Array(bytes[..<cut])
                    _ = HTMLReader.read(String(decoding: prefix, as: UTF8.self))
                    do {
                        let parsed = try ReportParser().parse(prefix, path: "cut.html")
                        imported += 1
                        let wrong = parsed.report.cells.filter { key, cell in
                            cell.status == .reported && synthetic.cells[key].map { $0 != cell.value } ?? true
                        }
                        // At most the one number the cut fell into may be short.
                        #expect(wrong.count <= 1, "\(quirks.name) \(version.rawValue) cut at \(cut): \(wrong.keys.sorted())")
                    } catch {
                        failed += 1
                        #expect(!error.reason.isEmpty)
                    }
                }
            }
        }
        #expect(imported > 0 && failed > 0, "imported \(imported), failed \(failed)")
    }

    @Test func unclosedTagsAreRecovered() throws {
        let html = "<html><body><p>二、主动公开政府信息情况<table><tr><td>规章<td>1<td>2<tr><td>行政规范性文件<td>3<td>4"
        let document = HTMLReader.read(html)
        let table = try #require(document.tables.first)
        #expect(table.rows.map { $0.cells.map(\.text) } == [["规章", "1", "2"], ["行政规范性文件", "3", "4"]])
        #expect(document.paragraphs.first?.text == "二、主动公开政府信息情况")
    }

    @Test func degenerateMarkupGivesADocument() {
        let pages = [
            "", " ", "<", "<table>", "<table></table><table><tbody></tbody></table><p>之后</p>",
            "<tr><td>孤立的行</td></tr>", "<td rowspan=\"0\" colspan=\"-3\">x</td>", "<table><tr><td colspan=\"abc\">y</td></tr></table>",
            "<!-- 未结束的注释 <p>文字", "<p>&#0;&#xFFFFFF;&bogus;</p>", "<html><body><table><caption>表</caption></table>",
            String(repeating: "<p>", count: 5_000), String(repeating: "</td></tr></table>", count: 1_000),
        ]
        for page in pages {
            let document = HTMLReader.read(page)
            #expect(document.tables.allSatisfy { $0.rows.allSatisfy { $0.cells.count <= 1_000 } })
        }
        let empty = HTMLReader.read("<table></table><table><tbody></tbody></table><p>之后</p>")
        #expect(empty.paragraphs.map(\.text) == ["之后"])
        #expect(empty.tables.allSatisfy { $0.rows.isEmpty })
    }

    @Test func tenThousandNestedDivsDoNotOverflowTheStack() {
        let html = "<html><body>" + String(repeating: "<div>", count: 10_000) + "深处的文字"
            + String(repeating: "</div>", count: 10_000) + "<p>之后</p></body></html>"
        _ = HTMLReader.read(html)
        let tables = "<html><body>" + String(repeating: "<table><tr><td>", count: 3_000) + "格"
            + String(repeating: "</td></tr></table>", count: 3_000) + "</body></html>"
        _ = HTMLReader.read(tables)
        // And through the whole parser: a failure, not a crash.
        #expect(throws: ImportFailure.self) { try ReportParser().parse(Array(html.utf8), path: "deep.html") }
    }

    @Test func hugeSpansAreBounded() throws {
        let html = """
            <table><tr><td colspan="100000">宽</td><td>右</td></tr>
            <tr><td rowspan="100000">高</td><td>x</td></tr><tr><td>y</td></tr></table>
            """
        let table = try #require(HTMLReader.read(html).tables.first)
        #expect(table.rows.count == 3)
        #expect(table.rows.allSatisfy { $0.cells.count <= 1_000 })
        // The cell after the huge span is still read, right of it.
        #expect(table.rows[0].cells.last?.text == "右")
        #expect(table.rows[2].cells.first?.text == "高" && table.rows[2].cells.first?.isRowContinuation == true)
    }

    // MARK: - Missing tables

    /// Tables published as images: headings only. Nothing to import, and the reason says so.
    @Test(arguments: TemplateVersion.allCases)
    func headingsWithoutTablesFailWithNoStatisticsTables(_ version: TemplateVersion) {
        let synthetic = RoundTrip.report(seed: 4, version: version)
        let bytes = HTMLReportRenderer.render(synthetic, tables: [])
        #expect(String(decoding: bytes, as: UTF8.self).contains("<img"))
        do {
            let parsed = try ReportParser().parse(bytes, path: "images.html")
            Issue.record("imported \(parsed.report.cells.count) cells from a page without tables")
        } catch {
            #expect(error.reason.contains("no statistics tables found"), "\(error.reason)")
        }
    }

    /// The same with bare headings, nothing at all between them.
    @Test func bareHeadingsFailWithNoStatisticsTables() {
        let html = "<html><head><meta charset=\"utf-8\"><title>某某局2023年政府信息公开工作年度报告</title></head><body>"
            + PrintedTemplate.headings.map { "<p>\($0)</p>" }.joined() + "</body></html>"
        do {
            _ = try ReportParser().parse(Array(html.utf8), path: "headings.html")
            Issue.record("a page of headings imported")
        } catch {
            #expect(error.reason.contains("no statistics tables found"), "\(error.reason)")
        }
    }

    /// Section 四 printed as an image: sections 二 and 三 import exactly, 四 is missing with a finding.
    @Test(arguments: TemplateVersion.allCases)
    func pageWithoutAppealsTableImportsTheRest(_ version: TemplateVersion) throws {
        let synthetic = RoundTrip.report(seed: 6, version: version)
        let bytes = HTMLReportRenderer.render(synthetic, tables: [.proactive, .requests])
        let parsed = try ReportParser().parse(bytes, path: "no-appeals.html")
        try Self.expectOnlyAppealsMissing(parsed, synthetic)
    }

    /// Section 四 absent altogether, heading included.
    @Test(arguments: TemplateVersion.allCases)
    func pageWithoutAppealsSectionImportsTheRest(_ version: TemplateVersion) throws {
        let synthetic = RoundTrip.report(seed: 6, version: version)
        var page = HTMLReportRenderer.page(synthetic, tables: [.proactive, .requests])
        let heading = "<p>" + PrintedTemplate.headings[3] + "</p>\n"
        #expect(page.contains(heading))
        page = page.replacingOccurrences(of: heading, with: "")
        page = page.replacingOccurrences(of: #"<p style="text-align:center;"><img src="/images/nb\#(synthetic.year)_4.png" alt="" /></p>"#, with: "")
        #expect(!page.contains("四、政府信息公开行政复议") && !page.contains("<img"))
        let parsed = try ReportParser().parse(Array(page.utf8), path: "no-appeals.html")
        try Self.expectOnlyAppealsMissing(parsed, synthetic)
    }

    /// libxml2 stops at 256 levels of nesting and drops the rest of the page:
    /// a report wrapped in 200 000 `<div>`s names that cause, not "no tables";
    /// one wrapped in 250 still imports whole.
    @Test(arguments: [250, 300, 200_000])
    func overDeepMarkupNamesTheCause(_ depth: Int) throws {
        let synthetic = RoundTrip.report(seed: 4, version: .v2021)
        let page = String(decoding: HTMLReportRenderer.render(synthetic), as: UTF8.self)
        let body = try #require(page.range(of: "<body>"))
        let end = try #require(page.range(of: "</body>"))
        let deep = String(page[..<body.upperBound]) + String(repeating: "<div>", count: depth)
            + String(page[body.upperBound..<end.lowerBound]) + String(repeating: "</div>", count: depth) + String(page[end.lowerBound...])
        do {
            let parsed = try ReportParser().parse(Array(deep.utf8), path: "deep.html")
            #expect(depth < 256, "parsed at depth \(depth)")
            #expect(RoundTrip.mismatches(parsed, synthetic).isEmpty)
        } catch {
            #expect(depth > 256)
            #expect(error.reason.contains("nested deeper than 256 levels"), "\(error.reason)")
        }
    }

    static func expectOnlyAppealsMissing(_ parsed: ParsedReport, _ synthetic: SyntheticReport) throws {
        let report = parsed.report
        let appeals = Set(MetricCatalog.standard.appealKeys)
        #expect(appeals.count == 15)
        for key in appeals { #expect(report.cells[key]?.status == .missing, "\(key): \(String(describing: report.cells[key]?.status))") }
        let problems = RoundTrip.mismatches(parsed, synthetic).filter { line in !appeals.contains { line.hasPrefix($0 + ":") } }
        #expect(problems.isEmpty, "\(RoundTrip.summary(problems))")
        let missing = report.findings.filter { $0.rule == "missing_section" }
        #expect(missing.count == 1, "\(report.findings.map { "\($0.rule): \($0.message)" })")
        #expect(missing.first?.message.contains("四") == true)
        #expect(missing.first?.severity == .warning)
    }
}
