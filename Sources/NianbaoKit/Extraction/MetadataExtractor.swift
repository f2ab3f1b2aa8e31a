import Foundation

/// Finds the title, bureau, year, statistics period and publication date of a
/// report (report-format.md §10).
///
/// The title is searched in the format's own title (an HTML `<title>`, whose
/// site suffix "-沭阳县发改局" is cut off) and in the first paragraphs, joining
/// up to three consecutive lines because titles wrap ("…政府信息公开工作" /
/// "年度报告"). A bare title without bureau takes the bureau from the next
/// line or the "发布机构" line.
public enum MetadataExtractor {
    /// How many leading paragraphs may hold the title.
    static let titleSearchDepth = 12
    /// Separators between a page title and its site name.
    static let titleSeparators: Set<Character> = ["-", "_", "|", "—", "–", "－"]

    nonisolated(unsafe) static let periodPattern = try! Regex(
        #"统计(?:期限|时限|期间|时间|区间|周期|期)?[^。；;]{0,16}?(?<year>(?:19|20)\d{2})年0?1月0?1日"#)
    nonisolated(unsafe) static let datePattern = try! Regex(
        #"(?:发布日期|公开日期|发布时间|成文日期|印发日期|发文日期)[:：]?(?<y>(?:19|20)\d{2})[-年/.](?<m>\d{1,2})[-月/.](?<d>\d{1,2})"#)
    nonisolated(unsafe) static let publisherPattern = try! Regex(#"(?:发布机构|发布单位)[:：]?(?<name>[^:：\s]{2,40}?)(?:发布日期|公开日期|发布时间|成文日期|$)"#)

    public static func extract(_ document: Document) -> ReportMetadata {
        var metadata = ReportMetadata()
        let paragraphs = document.paragraphs.map(\.text)
        // Lines that may state metadata: paragraphs and table rows outside the statistics.
        // Only lines that can hold a period, publisher or date are compacted (most hold none);
        // a row is joined into a line only when one of its cells can.
        let rows = document.tables.flatMap { $0.rows.filter { $0.cells.contains { mayStateMetadata($0.text) } } }
        let lines = paragraphs.filter(mayStateMetadata) + rows.map { $0.cells.map(\.text).joined(separator: " ") }
        let compactLines = lines.map(TitleParser.compact)

        // Title candidates in order of preference: the format's title (whole,
        // then without its site suffix), then windows of wrapped lines. For
        // each last line the shortest window wins, so a line above the title
        // ("正文") is not taken for the bureau, unless only a longer window
        // names one (the bureau on the line above a bare title).
        var groups: [[(title: String, next: String?)]] = []
        if let title = document.title {
            groups.append([(title, nil)] + title.split(whereSeparator: titleSeparators.contains).map { (String($0), nil) })
        }
        let head = Array(paragraphs.prefix(titleSearchDepth))
        for end in head.indices {
            let next = head.indices.contains(end + 1) ? head[end + 1] : nil
            groups.append((1...3).filter { end + 1 >= $0 }.map { (head[(end + 1 - $0)...end].joined(), next) })
        }
        for group in groups {
            // The regex only runs on text that can end like a report title.
            let parsed = group.filter { $0.title.includes("报告") || $0.title.includes("年报") || $0.title.includes("報告") }
                .compactMap { candidate in TitleParser.parse(candidate.title).map { (candidate, $0) } }
            guard let (candidate, title) = parsed.first(where: { $0.1.bureau != nil }) ?? parsed.first else { continue }
            metadata.title = TitleParser.compact(candidate.title)
            metadata.year = title.year
            metadata.bureau = title.bureau ?? candidate.next.flatMap(bureauLine) ?? publisher(compactLines)
            break
        }
        for text in compactLines where text.includes("统计") {
            if MetadataScanner.isSimple(text) {
                guard let year = MetadataScanner.periodYear(text) else { continue }
                metadata.periodYear = year
                break
            }
            if let match = try? periodPattern.firstMatch(in: text), let year = match["year"]?.substring {
                metadata.periodYear = Int(year)
                break
            }
        }
        metadata.publishedOn = publicationDate(compactLines, document.properties)
        return metadata
    }

    /// The "发布机构" line's bureau.
    static func publisher(_ lines: [String]) -> String? {
        for line in lines where line.includes("发布机构") || line.includes("发布单位") {
            if let match = try? publisherPattern.firstMatch(in: line), let name = match["name"]?.substring {
                return String(name)
            }
        }
        return nil
    }

    /// The publication date (YYYY-MM-DD) from a "发布日期" line or a page's date metadata.
    static func publicationDate(_ lines: [String], _ properties: [String: String]) -> String? {
        var texts = lines.compactMap { line -> String? in
            guard line.includes("日期") || line.includes("时间") else { return nil }
            if MetadataScanner.isSimple(line) { return MetadataScanner.date(line) }
            guard let match = try? datePattern.firstMatch(in: line) else { return nil }
            return [match["y"], match["m"], match["d"]].compactMap { $0?.substring.map(String.init) }.joined(separator: "-")
        }
        for key in ["pubdate", "publishdate", "firstpublishedtime", "article:published_time"] {
            if let value = properties[key] { texts.append(String(value.prefix(10))) }
        }
        for text in texts {
            let parts = text.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
            guard parts.count >= 3, (1990...2100).contains(parts[0]), (1...12).contains(parts[1]), (1...31).contains(parts[2])
            else { continue }
            return String(format: "%04d-%02d-%02d", parts[0], parts[1], parts[2])
        }
        return nil
    }

    /// Characters of 统计, 发布机构/单位, 日期 and 时间 in both scripts: a line
    /// holding none of them cannot match a metadata pattern.
    static let metadataCharacters: Set<Unicode.Scalar> = Set("统統计計发發期间間".unicodeScalars)
    private static let metadataValues = metadataCharacters.map(\.value)

    /// Whether `line` may state the period, publisher or a date once compacted:
    /// it holds one of their characters, or a scalar NFKC turns into an
    /// ideograph (Kangxi radicals and compatibility ideographs of PDF text).
    static func mayStateMetadata(_ line: String) -> Bool {
        let metadataValues = Self.metadataValues
        return line.unicodeScalars.contains { scalar in
            switch scalar.value {
            case 0x2E80...0x2FDF, 0xF900...0xFAFF, 0x2F800...0x2FA1F: true
            // Nine values compared, not a hash per scalar of every line.
            case 0x4E00...0x9FFF: metadataValues.contains(scalar.value)
            default: false
            }
        }
    }

    /// A line that can only be a bureau name: short, no digits, no sentence punctuation.
    static func bureauLine(_ text: String) -> String? {
        let line = TitleParser.compact(text)
        guard (2...40).contains(line.count), !line.contains(where: { $0.isNumber || "。，；：:".contains($0) }) else { return nil }
        return line
    }
}
