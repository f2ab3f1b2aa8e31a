import Foundation
import NianbaoKit
import NianbaoSynthesis

/// A folder of files built to cost memory, with ordinary reports among them:
/// the benchmark's `--hostile` run imports it and reports the peak resident
/// memory, which README promises stays under 300 MB whatever the files.
enum HostileCorpus {
    /// Writes the files under `directory` and returns how many there are.
    static func write(to directory: URL) throws -> Int {
        let manager = FileManager.default
        try? manager.removeItem(at: directory)
        try manager.createDirectory(at: directory, withIntermediateDirectories: true)
        var count = 0
        func save(_ name: String, _ bytes: [UInt8]) throws {
            try Data(bytes).write(to: directory.appendingPathComponent(name))
            count += 1
        }
        func report(_ index: Int) -> SyntheticReport {
            var synthesizer = ReportSynthesizer(seed: UInt64(900 + index))
            return synthesizer.make(bureau: "压力测试" + CorpusGenerator.bureau(index), year: 2023, version: .v2021)
        }
        func page(_ index: Int, padding: String) -> [UInt8] {
            let html = String(decoding: HTMLReportRenderer.render(report(index)), as: UTF8.self)
            let end = html.range(of: "</body>")!.lowerBound
            return Array((String(html[..<end]) + padding + String(html[end...])).utf8)
        }
        func repeated(_ unit: String, toBytes size: Int) -> String {
            String(repeating: unit, count: size / unit.utf8.count)
        }
        let textLimit = ReportParser.maximumTextSize - (256 << 10)
        // Word documents whose document part inflates to 60 MB of run formatting (once 1.1 GB each).
        let run = #"<w:r><w:rPr><w:rFonts w:ascii="宋体" w:hAnsi="宋体"/><w:b/><w:sz w:val="24"/></w:rPr></w:r>"#
        let formatting = repeated("<w:p><w:pPr><w:spacing w:line=\"360\"/></w:pPr>" + String(repeating: run, count: 40) + "</w:p>", toBytes: 60 << 20)
        for index in 0..<4 {
            let xml = DOCXReportRenderer.documentXML(report(index))
            let body = xml.range(of: "<w:body>")!.upperBound
            try save("heavy-formatting-\(index).docx", [UInt8](try DOCXReportRenderer.package(String(xml[..<body]) + formatting + String(xml[body...]))))
        }
        // Pages just under the text limit: table cells (the costliest tree), prose, spans.
        let cells = repeated("<tr>" + String(repeating: "<td>1</td>", count: 10) + "</tr>\n", toBytes: textLimit - 100_000)
        for index in 4..<8 { try save("table-heavy-\(index).html", page(index, padding: "<table>" + cells + "</table>")) }
        let prose = repeated("<p>政府信息公开工作持续推进，进一步提升透明度。</p>\n", toBytes: textLimit - 100_000)
        for index in 8..<10 { try save("prose-heavy-\(index).html", page(index, padding: prose)) }
        let spans = repeated("<tr>" + String(repeating: #"<td colspan="64" rowspan="64">x</td>"#, count: 4) + "</tr>", toBytes: 2 << 20)
        try save("span-bomb.html", page(10, padding: "<table>" + spans + "</table>"))
        // A page made large by an inline image only, and pages and text over the limits.
        let image = "<p><img src=\"data:image/png;base64," + String(repeating: "iVBORw0KGgoAAAANSUhEUgAA", count: (30 << 20) / 24) + "\"/></p>"
        try save("inline-image.html", page(11, padding: image))
        try save("oversized.html", page(12, padding: repeated(prose, toBytes: 60 << 20)))
        try save("oversized.txt", Array((TextReportRenderer.render(report(13)) + repeated("政府信息公开工作持续推进。\n", toBytes: 60 << 20)).utf8))
        try save("deep.html", page(14, padding: String(repeating: "<div>", count: 200_000)))
        // Ordinary reports around them.
        let ordinary = directory.appendingPathComponent("ordinary")
        count += try CorpusGenerator(seed: 77).write(count: 300, to: ordinary).files.count
        return count
    }
}
