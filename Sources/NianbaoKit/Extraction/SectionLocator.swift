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
    }

    public static func locate(_ document: Document) -> Result {
        var result = Result()
        var current: ReportSection?
        var flattened = FlattenedRows()
        for block in document.blocks {
            switch block {
            case .paragraph(let paragraph):
                let heading = headingSection(LabelNormalizer.normalize(paragraph.text))
                if heading != nil, let section = current { result.rows[section, default: []] += flattened.finish() }
                switch heading {
                case .opens(let section): current = section
                case .closes: current = nil
                case nil:
                    if current != nil {
                        if let anchored = anchorSection(LabelNormalizer.normalize(paragraph.text)), anchored != current {
                            result.rows[current!, default: []] += flattened.finish()
                            current = anchored
                        }
                        flattened.add(paragraph)
                    }
                }
                result.endsInside = nil
            case .table(let table):
                if let section = current { result.rows[section, default: []] += flattened.finish() }
                for (offset, row) in table.rows.enumerated() {
                    if let anchored = anchorSection(LabelNormalizer.normalize(row.text)) { current = anchored }
                    guard let section = current else { continue }
                    result.rows[section, default: []].append(LocatedRow(table: table.number, index: offset + 1, row: row))
                }
                result.endsInside = current
            }
        }
        if let section = current { result.rows[section, default: []] += flattened.finish() }
        return result
    }

    /// Paragraphs of a section grouped into rows: label paragraphs, then the value paragraphs after them.
    struct FlattenedRows {
        private var rows: [LocatedRow] = []
        private var cells: [TableCell] = []
        private var hasValues = false

        mutating func add(_ paragraph: Paragraph) {
            let isValue = ValueParser.isValueLike(paragraph.text)
            if !isValue && hasValues { endRow() }
            cells.append(TableCell(paragraph.text, line: paragraph.line))
            hasValues = hasValues || isValue
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
        let chars = Array(text.prefix(2))
        guard chars.count == 2, chars[1] == "、" else { return nil }
        switch chars[0] {
        case "二" where text.contains("主动公开"): return .opens(.proactive)
        case "三" where text.contains("申请"): return .opens(.requests)
        case "四" where text.contains("复议") || text.contains("诉讼"): return .opens(.appeals)
        case "一", "五", "六", "七": return .closes
        default: return nil
        }
    }

    /// The section a table row announces by its anchor labels.
    static func anchorSection(_ text: String) -> ReportSection? {
        if text.contains("行政复议") && text.contains("行政诉讼") { return .appeals }
        if text.contains("勾稽关系") || text.contains("申请人情况") || text.contains("本年新收政府信息公开申请") {
            return .requests
        }
        if text.contains("第二十条") || text.hasPrefix("信息内容") { return .proactive }
        return nil
    }
}
