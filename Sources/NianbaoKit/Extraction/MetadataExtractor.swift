import Foundation

/// Finds the title, bureau, year and statistics period of a report (report-format.md §10).
///
/// The title is searched in the format's own title and in the first
/// paragraphs, joining up to three consecutive lines because titles wrap
/// ("…政府信息公开工作" / "年度报告").
public enum MetadataExtractor {
    /// How many leading paragraphs may hold the title.
    static let titleSearchDepth = 8

    nonisolated(unsafe) static let periodPattern = try! Regex(
        #"统计(?:期限|时限|期间|时间|区间|周期|期)?[^。；;]{0,16}?(?<year>(?:19|20)\d{2})年0?1月0?1日"#)

    public static func extract(_ document: Document) -> ReportMetadata {
        var metadata = ReportMetadata()
        let paragraphs = document.paragraphs.map(\.text)
        var candidates: [(title: String, next: String?)] = []
        if let title = document.title { candidates.append((title, nil)) }
        let head = Array(paragraphs.prefix(titleSearchDepth))
        for start in head.indices {
            for length in 1...3 where start + length <= head.count {
                candidates.append((head[start..<start + length].joined(), head.indices.contains(start + length) ? head[start + length] : nil))
            }
        }
        for (title, next) in candidates {
            guard let parsed = TitleParser.parse(title) else { continue }
            metadata.title = TitleParser.compact(title)
            metadata.year = parsed.year
            metadata.bureau = parsed.bureau ?? next.flatMap(bureauLine)
            break
        }
        for paragraph in paragraphs {
            let text = TitleParser.compact(paragraph)
            if let match = try? periodPattern.firstMatch(in: text), let year = match["year"]?.substring {
                metadata.periodYear = Int(year)
                break
            }
        }
        return metadata
    }

    /// A line that can only be a bureau name: short, no digits, no sentence punctuation.
    static func bureauLine(_ text: String) -> String? {
        let line = TitleParser.compact(text)
        guard (2...40).contains(line.count), !line.contains(where: { $0.isNumber || "。，；：:".contains($0) }) else { return nil }
        return line
    }
}
