import NianbaoKit

/// Prints a ``SyntheticReport`` as a site crawler saves the page (the layout
/// of ../shared/corpus/pingtan-gwh-2023.crawler.txt): `标题:` and `发布时间:`
/// lines, then the page text on one long line where every table cell runs
/// into the next with no separator — `规章000行政规范性文件77132470`,
/// `申请数量801000081`. A blank cell leaves nothing at all.
public enum RunTogetherTextRenderer {
    public static func render(_ report: SyntheticReport) -> String {
        var lines = [
            "标题: " + report.title,
            "发布时间: \(report.publishedOn) 09:30",
            "发布机构: " + report.bureau,
            "==================== 正文 ====================",
        ]
        var body = PrintedTemplate.preamble(report)
        let layouts = PrintedTemplate.tables(report.version)
        for (index, heading) in PrintedTemplate.headings.enumerated() {
            body += heading
            if let prose = PrintedTemplate.prose(index, report) { body += prose }
            guard let layout = layouts.first(where: { PrintedTemplate.heading($0.section) == heading }) else { continue }
            // Every cell once, in reading order (a merged cell where it starts).
            for row in layout.rows {
                for cell in row { body += cell.role == .value ? report.value(cell.text)?.description ?? "" : cell.text }
            }
        }
        lines.append(body)
        return lines.joined(separator: "\n") + "\n"
    }
}
