/// Walks a WordprocessingML body (`w:body`): paragraphs (`w:p`, text split
/// across `w:r` runs joined), and tables (`w:tbl`) as full grids with
/// `w:gridSpan` and `w:vMerge` resolved, like ``HTMLTableBuilder`` does for HTML.
/// A table holding tables is layout and is walked as flow.
struct DOCXBodyWalker {
    private var blocks: [Block] = []
    private var tableCount = 0
    private var paragraphCount = 0

    mutating func walk(_ node: MarkupNode, depth: Int) {
        guard depth < HTMLReader.maximumDepth else { return }
        for child in node.elements {
            switch child.elementName {
            case "p":
                paragraphCount += 1
                let text = HTMLText.collapse(Self.text(of: child).replacingOccurrences(of: "\n", with: " "))
                if !text.isEmpty { blocks.append(.paragraph(Paragraph(text: text, line: paragraphCount))) }
            case "tbl" where !child.contains("tbl"):
                tableCount += 1
                blocks.append(.table(table(child, number: tableCount)))
            case "tbl", "tr", "tc", "sdt", "sdtcontent", "customxml", "smarttag":
                walk(child, depth: depth + 1)
            default:
                continue
            }
        }
    }

    mutating func finish() -> Document { Document(blocks: blocks) }

    /// The text of a paragraph or cell: `w:t` runs joined, `w:tab` as a space,
    /// `w:br` as a line break; deleted text and field codes left out.
    static func text(of node: MarkupNode, depth: Int = 0) -> String {
        guard depth < HTMLReader.maximumDepth else { return "" }
        var text = ""
        for child in node.elements {
            switch child.elementName {
            case "t": text += child.children.compactMap(\.text).joined()
            case "tab": text += " "
            case "br", "cr": text += "\n"
            case "p":
                if !text.isEmpty && !text.hasSuffix("\n") { text += "\n" }
                text += Self.text(of: child, depth: depth + 1)
            // Word writes a text box twice (mc:Choice and mc:Fallback): read the choice only.
            case "deltext", "instrtext", "delinstrtext", "rpr", "ppr", "tcpr", "trpr", "tblpr", "fallback": continue
            default: text += Self.text(of: child, depth: depth + 1)
            }
        }
        return text
    }

    /// A `w:tbl` as a grid: `w:gridBefore` skipped columns, `w:gridSpan`
    /// column spans, `w:vMerge` continuations copied from the cell above.
    private func table(_ element: MarkupNode, number: Int) -> Table {
        var grid: [[TableCell]] = []
        for row in Self.children(element, named: "tr") {
            var cells: [TableCell] = []
            if let before = row.elements.first(where: { $0.elementName == "trpr" })?.elements
                .first(where: { $0.elementName == "gridbefore" })
            {
                cells += Array(repeating: TableCell(""), count: min(before.span("val", limit: HTMLTableBuilder.maximumSpan), 64))
            }
            for cell in Self.children(row, named: "tc") {
                let properties = cell.elements.first { $0.elementName == "tcpr" }
                let span = properties?.elements.first { $0.elementName == "gridspan" }?
                    .span("val", limit: HTMLTableBuilder.maximumSpan) ?? 1
                let merge = properties?.elements.first { $0.elementName == "vmerge" }
                let continues = merge != nil && merge?.attribute("val") != "restart"
                let column = cells.count
                let above = continues && !grid.isEmpty && grid[grid.count - 1].indices.contains(column)
                    ? grid[grid.count - 1][column] : nil
                let text = above?.text ?? HTMLText.lines(text: Self.text(of: cell))
                for offset in 0..<span where cells.count < HTMLTableBuilder.maximumColumns {
                    cells.append(TableCell(
                        text, columnSpan: offset == 0 ? span : 1, isColumnContinuation: offset > 0,
                        isRowContinuation: above != nil))
                }
            }
            grid.append(cells)
        }
        return Table(number: number, rows: grid.filter { !$0.isEmpty }.map { TableRow(cells: $0) })
    }

    /// The `name` children of `node`, also those wrapped in content controls
    /// (`w:sdt`/`w:sdtContent`) or custom XML, which Word puts around rows and cells.
    static func children(_ node: MarkupNode, named name: String, depth: Int = 0) -> [MarkupNode] {
        guard depth < 8 else { return [] }
        return node.elements.flatMap { child -> [MarkupNode] in
            switch child.elementName {
            case name: [child]
            case "sdt", "sdtcontent", "customxml", "smarttag": children(child, named: name, depth: depth + 1)
            default: []
            }
        }
    }
}
