/// Reads text whose table cells ran together with no separator, as a site
/// crawler saves a page (report-format.md §11.1): `标题:` / `发布时间:` lines,
/// then the page text on a few long lines, where a table prints
/// `规章000行政规范性文件77132470` and `申请数量801000081` (80|1|0|0|0|0|81).
///
/// The reader cuts the statistics sections (二 to 四) at their headings and
/// each section's text into rows: a run of digits is one row's numbers (never
/// split here: only the extractor, which knows the template's cells and
/// identities, can), the text before it the row's label. Where the label runs
/// on from header text (`…现行有效件数规章`), the longest of `labels` it ends
/// with is the row's label and the text before it a row of its own. An item
/// number glued to the numbers before it (`00000002.其他…`) goes with its label.
/// The tables are marked ``Table/runTogether``.
public enum RunTogetherTextReader {
    /// The headings that open sections 二, 三 and 四, and the one that ends them.
    static let headings = ["二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况"]
    static let end = "五、"

    /// - Parameter labels: the row labels a table may print (the catalog's), to find where a row's label starts.
    public static func read(_ text: String, labels: [String]) -> Document {
        var blocks: [Block] = []
        var tableCount = 0
        let vocabulary = labels.filter { $0.count >= 2 }.sorted { $0.count > $1.count }
        for (index, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).enumerated() {
            let line = index + 1
            var rest = Substring(raw).trimmingCharacters(in: .whitespaces)[...]
            if rest.isEmpty { continue }
            // Metadata lines: `标题: …` is the title.
            if let colon = rest.firstIndex(where: { $0 == ":" || $0 == "：" }), rest[..<colon] == "标题" {
                blocks.append(.paragraph(Paragraph(text: rest[rest.index(after: colon)...].trimmingCharacters(in: .whitespaces), line: line)))
                continue
            }
            guard let first = rest.range(of: headings[0]) ?? rest.range(of: headings[1]) else {
                blocks.append(.paragraph(Paragraph(text: String(rest), line: line)))
                continue
            }
            if first.lowerBound > rest.startIndex { blocks.append(.paragraph(Paragraph(text: String(rest[..<first.lowerBound]), line: line))) }
            rest = rest[first.lowerBound...]
            // Each section: its heading, then its rows, up to the next heading.
            while let heading = headings.first(where: { rest.hasPrefix($0) }) {
                blocks.append(.paragraph(Paragraph(text: heading, line: line)))
                rest = rest.dropFirst(heading.count)
                let next = headings.compactMap { rest.range(of: $0)?.lowerBound }.min()
                    ?? rest.range(of: end)?.lowerBound ?? rest.endIndex
                tableCount += 1
                blocks.append(.table(Table(number: tableCount, rows: rows(rest[..<next], line: line, labels: vocabulary), runTogether: true)))
                rest = rest[next...]
            }
            if !rest.isEmpty { blocks.append(.paragraph(Paragraph(text: String(rest), line: line))) }
        }
        return Document(blocks: blocks)
    }

    /// A section's text as rows: [label, digits] for every run of digits,
    /// header text before a known label as a row of its own.
    static func rows(_ text: Substring, line: Int, labels: [String]) -> [TableRow] {
        var rows: [TableRow] = []
        for (label, number) in runs(text) {
            if let number {
                // The longest known label the text ends with; what comes before it is header text.
                if let known = labels.first(where: { label.hasSuffix($0) }), known.count < label.count {
                    rows.append(TableRow(cells: [TableCell(String(label.dropLast(known.count)), line: line)], line: line))
                    rows.append(TableRow(cells: [TableCell(known, line: line), TableCell(number, line: line)], line: line))
                } else {
                    rows.append(TableRow(cells: [TableCell(label, line: line), TableCell(number, line: line)], line: line))
                }
            } else if !label.isEmpty {
                rows.append(TableRow(cells: [TableCell(label, line: line)], line: line))
            }
        }
        return rows
    }

    /// `text` as (label, digits) pairs: each run of digits (with decimal
    /// points and minus signs between digits, a minus sign before them) and the text before
    /// it; a last label without digits after it comes with nil. A digit
    /// followed by "." or "、" and no digit is an item number and stays in
    /// the label (`1.属于国家秘密`), taken off the end of a run it is glued to.
    static func runs(_ text: Substring) -> [(label: String, number: String?)] {
        let characters = Array(text)
        var result: [(String, String?)] = []
        var label = ""
        var index = 0
        func isMarkerEnd(_ at: Int) -> Bool {
            guard at < characters.count, ".．、".contains(characters[at]) else { return false }
            return !(at + 1 < characters.count && characters[at + 1].isASCIIDigit)
        }
        while index < characters.count {
            let character = characters[index]
            let signed = character == "-" && index + 1 < characters.count && characters[index + 1].isASCIIDigit
            guard character.isASCIIDigit || signed else {
                label.append(character)
                index += 1
                continue
            }
            var end = index + 1
            // A decimal point or a minus sign between digits stays in the run: "5949.088667",
            // "204-113642" (a negative cell after a positive one; the splitter places the sign).
            while end < characters.count,
                characters[end].isASCIIDigit
                    || (".-".contains(characters[end]) && end + 1 < characters.count && characters[end + 1].isASCIIDigit
                        && characters[end - 1].isASCIIDigit)
            {
                end += 1
            }
            var number = String(characters[index..<end])
            if isMarkerEnd(end) {
                // An item number: alone, part of the label; glued to numbers, the run's last digit.
                guard number.count > 1, let last = number.last, last.isASCIIDigit, !number.dropLast().hasSuffix(".") else {
                    label += number
                    index = end
                    continue
                }
                number.removeLast()
                result.append((label, number))
                label = String(last)
                index = end
                continue
            }
            result.append((label, number))
            label = ""
            index = end
        }
        if !label.isEmpty { result.append((label, nil)) }
        return result
    }
}
