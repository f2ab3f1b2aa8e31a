/// Finds the rows of sections 二, 三 and 四 by their anchor labels, wherever
/// the tables sit: after prose, inside layout tables, without caption rows,
/// or all in one table (report-format.md §11.1).
///
/// It walks the document once with a current section: a section heading
/// paragraph or an anchor row switches it; rows of any table are assigned to
/// the section in force. Rows before the first anchor belong to no section.
///
/// Inside a section, paragraphs are read as cells too, for tables flattened
/// into one paragraph per cell (report-format.md §11.1): a label paragraph
/// after value paragraphs starts a new row. These rows have table number 0.
/// Prose paragraphs become rows without values, which the section readers skip.
public enum SectionLocator {
    /// The located rows per section, and the section whose table the document
    /// ends in (a sign of truncation when that table is incomplete).
    public struct Result: Sendable {
        public var rows: [ReportSection: [LocatedRow]] = [:]
        public var endsInside: ReportSection?
        /// Whether a prose heading (五、存在的主要问题 …) follows the last
        /// statistics table: the document goes on past its tables. A file
        /// that stops after section 三 without one was cut off.
        public var closesAfterTables = false

        /// Adds rows to a section; a section with no rows stays absent.
        mutating func append(_ more: [LocatedRow], to section: ReportSection) {
            guard !more.isEmpty else { return }
            rows[section, default: []] += more
        }
    }

    public static func locate(_ document: Document) -> Result {
        var result = Result()
        var current: ReportSection?
        var flattened = FlattenedRows()
        for block in document.blocks {
            switch block {
            case .paragraph(let paragraph):
                // Whole lines rarely repeat: normalised without the label cache.
                let text = LabelNormalizer.compute(paragraph.text)
                let heading = headingSection(text)
                if heading != nil, let section = current { result.append(flattened.finish(), to: section) }
                switch heading {
                case .opens(let section): current = section
                case .closes:
                    current = nil
                    result.closesAfterTables = true
                case nil:
                    if current != nil {
                        if let anchored = anchorSection(text), anchored != current {
                            result.append(flattened.finish(), to: current!)
                            current = anchored
                        }
                        flattened.add(paragraph)
                    }
                }
                result.endsInside = nil
            case .table(let table):
                if let section = current { result.append(flattened.finish(), to: section) }
                for (offset, row) in table.rows.enumerated() {
                    let located = LocatedRow(table: table.number, index: offset + 1, row: row, runTogether: table.runTogether)
                    if let anchored = anchorSection(located.normalizedText) { current = anchored }
                    guard let section = current else { continue }
                    result.append([located], to: section)
                }
                result.endsInside = current
                if current != nil { result.closesAfterTables = false }
            }
        }
        if let section = current { result.append(flattened.finish(), to: section) }
        return result
    }

    /// Paragraphs of a section grouped into rows: label paragraphs, then the value paragraphs after them.
    struct FlattenedRows {
        private var rows: [LocatedRow] = []
        private var cells: [TableCell] = []
        private var hasValues = false

        mutating func add(_ paragraph: Paragraph) {
            for text in Self.cells(paragraph.text) {
                let isValue = ValueParser.isValueLike(text)
                if !isValue && hasValues { endRow() }
                cells.append(TableCell(text, line: paragraph.line))
                hasValues = hasValues || isValue
            }
        }

        /// A paragraph as cells: a label with the numbers printed after it on
        /// the same line ("行政许可 97") gives the label and each number.
        static func cells(_ text: String) -> [String] {
            let tokens = text.split(whereSeparator: \.isWhitespace)
            var split = tokens.count
            while split > 1, ValueParser.isValueLike(String(tokens[split - 1])) { split -= 1 }
            guard split < tokens.count, split > 0 else { return [text] }
            return [tokens[..<split].joined(separator: " ")] + tokens[split...].map(String.init)
        }

        private mutating func endRow() {
            if !cells.isEmpty { rows.append(LocatedRow(table: 0, index: rows.count + 1, row: TableRow(cells: cells, line: cells[0].line))) }
            cells = []
            hasValues = false
        }

        /// The rows gathered since the last call.
        mutating func finish() -> [LocatedRow] {
            endRow()
            defer { rows = [] }
            return rows
        }
    }

    /// What a heading paragraph does to the current section.
    enum Heading: Equatable {
        case opens(ReportSection)
        /// 一, 五, 六: prose sections, outside every statistics table.
        case closes
    }

    static func headingSection(_ text: String) -> Heading? {
        // Headings are numbered ("二、"); reports renumber their own outline
        // (上海市科委: "一、主动公开政府信息情况"), so the words decide the section.
        let chars = Array(text.prefix(3))
        guard chars.count >= 2, "一二三四五六七八九十".contains(chars[0]),
            chars[1] == "、" || (chars.count == 3 && chars[2] == "、" && "一二三四五六七八九十".contains(chars[1]))
        else { return nil }
        if text.includes("主动公开政府信息") { return .opens(.proactive) }
        if text.includes("收到和处理政府信息公开申请") || text.includes("收到和处理政府信息公开") { return .opens(.requests) }
        if text.includes("行政复议") || (text.includes("复议") && text.includes("诉讼")) { return .opens(.appeals) }
        // Only the prose sections close; "三、本年度办理结果" is a group label inside section 三.
        let prose = ["总体情况", "存在的主要问题", "问题及改进", "改进情况", "其他需要报告", "其它需要报告"]
        return prose.contains(where: text.includes) ? .closes : nil
    }

    /// The section a table row announces by its anchor labels.
    static func anchorSection(_ text: String) -> ReportSection? {
        if text.includes("行政复议") && text.includes("行政诉讼") { return .appeals }
        if text.includes("勾稽关系") || text.includes("申请人情况") || text.includes("本年新收政府信息公开申请") {
            return .requests
        }
        if text.includes("第二十条") || text.hasPrefix("信息内容") { return .proactive }
        return nil
    }
}
