import Foundation
import NianbaoKit
import NianbaoSynthesis

/// Seed corpora and the libFuzzer dictionary for the fuzz targets: the
/// project's `Data/` reports in each target's format, and synthesized
/// reports of both templates in every layout the Synthesis module renders.
public enum FuzzSeeds {
    /// Seed files for `target`: name and bytes.
    public static func seeds(for target: FuzzTarget, data: URL) throws -> [(name: String, bytes: [UInt8])] {
        var seeds: [(String, [UInt8])] = []
        for (index, version) in [TemplateVersion.v2019, .v2021].enumerated() {
            for blank in [false, true] {
                var synthesizer = ReportSynthesizer(seed: UInt64(17 + index * 2 + (blank ? 1 : 0)))
                let report = synthesizer.make(bureau: "样例县应急管理局", year: version == .v2019 ? 2020 : 2023, version: version, blankZeros: blank)
                let name = "synthetic-\(version.rawValue)-\(blank ? "blank" : "zeros")"
                switch target {
                case .text: seeds.append((name + ".txt", Array(TextReportRenderer.render(report).utf8)))
                case .html: seeds.append((name + ".html", HTMLReportRenderer.render(report, quirks: blank ? .all : [])))
                case .layout: seeds.append((name + ".layout.txt", Array(LayoutTextRenderer.render(report, quirks: blank ? .all : []).utf8)))
                case .docx: seeds.append((name + ".docx", [UInt8](try DOCXReportRenderer.render(report, splitRuns: blank))))
                case .crawled: seeds.append((name + ".crawled.txt", Array(RunTogetherTextRenderer.render(report).utf8)))
                case .markdown, .pdf: break
                case .parse:
                    seeds.append((name + ".html", HTMLReportRenderer.render(report, quirks: [.layoutWrapper, .spanSoup])))
                    seeds.append((name + ".txt", Array(TextReportRenderer.render(report).utf8)))
                    seeds.append((name + ".layout.txt", Array(LayoutTextRenderer.render(report).utf8)))
                    seeds.append((name + ".crawled.txt", Array(RunTogetherTextRenderer.render(report).utf8)))
                    seeds.append((name + ".docx", [UInt8](try DOCXReportRenderer.render(report))))
                }
            }
        }
        if target == .pdf { seeds.append(("table.xhtml", Array(Self.wordBoxes.utf8))) }
        let files = (try? FileManager.default.contentsOfDirectory(at: data, includingPropertiesForKeys: nil)) ?? []
        for file in files.sorted(by: { $0.path < $1.path }) {
            let bytes = [UInt8](try Data(contentsOf: file))
            let format = DocumentFormat.detect(bytes)
            if format == .pdf {
                // The word boxes poppler writes for the project's sample PDFs (when it is installed).
                if target == .pdf, let boxes = try? PDFTextExtractor.wordBoxes(of: bytes, path: file.path) {
                    seeds.append((file.lastPathComponent + ".xhtml", [UInt8](boxes)))
                }
                continue
            }
            guard !file.lastPathComponent.hasSuffix(".csv"), file.pathExtension != "md" || !file.lastPathComponent.hasPrefix("README") else { continue }
            switch target {
            case .parse: seeds.append((file.lastPathComponent, bytes))
            case .docx where format == .docx: seeds.append((file.lastPathComponent, bytes))
            case .text, .markdown, .layout, .html:
                guard format == .text || format == .html, let text = try? TextDecoder.decode(bytes).text else { continue }
                let wanted: Bool =
                    switch target {
                    case .html: format == .html
                    case .text: format == .text && TextLayout.detect(text) == .tabbed
                    case .markdown: format == .text && TextLayout.detect(text) == .markdown
                    default: format == .text && TextLayout.detect(text) == .columns
                    }
                if wanted { seeds.append((file.lastPathComponent, Array(text.utf8))) }
            default: continue
            }
        }
        return seeds
    }

    /// A small page of word boxes as poppler writes them: a heading, a
    /// header row and two rows of a section-三 table, one of them wrapped.
    static let wordBoxes = """
        <?xml version="1.0" encoding="UTF-8"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title></title></head><body><doc>
        <page width="595.3" height="841.9"><flow><block xMin="57" yMin="60" xMax="261" yMax="76"><line xMin="57" yMin="60" xMax="261" yMax="76">
        <word xMin="57" yMin="60" xMax="261" yMax="76">三、收到和处理政府信息公开申请情况</word></line></block>
        <block xMin="60" yMin="90" xMax="565" yMax="106"><line xMin="60" yMin="90" xMax="565" yMax="106">
        <word xMin="60" yMin="90" xMax="288" yMax="106">（本列数据的勾稽关系为：第一项加第二项</word>
        <word xMin="294" yMin="90" xMax="330" yMax="106">自然人</word><word xMin="541" yMin="90" xMax="565" yMax="106">总计</word></line></block>
        <block xMin="58" yMin="120" xMax="564" yMax="136"><line xMin="58" yMin="120" xMax="564" yMax="136">
        <word xMin="58" yMin="120" xMax="250" yMax="136">一、本年新收政府信息公开申请数量</word>
        <word xMin="300" yMin="120" xMax="323" yMax="136">109</word><word xMin="541" yMin="120" xMax="564" yMax="136">109</word></line>
        <line xMin="154" yMin="150" xMax="564" yMax="166"><word xMin="154" yMin="150" xMax="285" yMax="166">2.其他法律行政法规禁止</word>
        <word xMin="300" yMin="157" xMax="323" yMax="173">300</word><word xMin="541" yMin="157" xMax="564" yMax="173">300</word></line>
        <line xMin="154" yMin="164" xMax="564" yMax="180"><word xMin="154" yMin="164" xMax="178" yMax="180">公开</word>
        <word xMin="305" yMin="171" xMax="312" yMax="187">1</word><word xMin="546" yMin="171" xMax="553" yMax="187">1</word></line></block>
        </flow></page></doc></body></html>
        """

    /// A libFuzzer dictionary: every label of the catalog, the section
    /// headings, and the markup and archive tokens the readers look for.
    public static func dictionary() -> String {
        var tokens = Set<String>()
        for metric in MetricCatalog.standard.metrics {
            tokens.insert(metric.rowLabel)
            tokens.insert(metric.columnLabel)
            if let group = metric.group { tokens.insert(group) }
        }
        tokens.formUnion([
            "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况",
            "五、存在的主要问题及改进情况", "六、其他需要报告的事项", "一、总体情况", "政府信息公开工作年度报告",
            "统计期限自", "年1月1日起至", "发布机构", "发布日期", "万元", "总计", "自然人", "法人或其他组织",
            "<table>", "</table>", "<tr>", "</tr>", "<td>", "</td>", "<th>", " rowspan=\"2\"", " colspan=\"3\"", "<br>", "&nbsp;",
            "<p>", "</p>", "<div>", "</div>", "<title>", "<meta charset=\"gb2312\">", "<span>", "<script>",
            "<w:tbl>", "</w:tbl>", "<w:tr>", "</w:tr>", "<w:tc>", "</w:tc>", "<w:p>", "</w:p>", "<w:r>", "<w:t>", "</w:t>",
            "<w:tcPr>", "<w:gridSpan w:val=\"2\"/>", "<w:vMerge/>", "<w:vMerge w:val=\"restart\"/>", "<w:gridBefore w:val=\"1\"/>",
            "<w:sdt>", "<w:sdtContent>", "<w:tab/>", "<w:br/>", "word/document.xml",
            "| ", " |", "|---|", "\t", "\n\n", "  ", "%PDF", "\u{FEFF}",
        ])
        var lines = ["# nianbao: labels of the statistics tables, section headings, markup tokens"]
        for token in tokens.sorted() where !token.isEmpty {
            lines.append("\"" + token.utf8.map { byte in
                (0x20...0x7E).contains(byte) && byte != 0x22 && byte != 0x5C
                    ? String(UnicodeScalar(byte)) : String(format: "\\x%02X", byte)
            }.joined() + "\"")
        }
        for signature in ["PK\\x03\\x04", "PK\\x01\\x02", "PK\\x05\\x06"] { lines.append("\"\(signature)\"") }
        return lines.joined(separator: "\n") + "\n"
    }
}
