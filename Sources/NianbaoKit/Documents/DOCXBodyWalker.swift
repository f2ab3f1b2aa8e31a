/// Walks a WordprocessingML body (`w:body`) in a ``DOCXTree``: paragraphs
/// (`w:p`, text split across `w:r` runs joined), and tables (`w:tbl`) as full
/// grids with `w:gridSpan` and `w:vMerge` resolved, like ``HTMLTableBuilder``
/// does for HTML. A table holding tables is layout and is walked as flow.
///
/// The tree is at most ``DOCXTreeBuilder/maximumDepth`` deep, which bounds
/// the recursion here.
struct DOCXBodyWalker {
    private let tree: DOCXTree
    private var blocks: [Block] = []
    private var tableCount = 0
    private var paragraphCount = 0
    private var budget = CellBudget()

    init(tree: DOCXTree) { self.tree = tree }

    /// The document: the root element's `w:body` children walked as flow.
    static func document(_ tree: DOCXTree) -> Document {
        var walker = DOCXBodyWalker(tree: tree)
        for child in tree.elements(0) where tree[child].name == .body { walker.walk(child) }
        var document = Document(blocks: walker.blocks)
        if walker.budget.isExhausted { document.unreadRest = CellBudget.reason }
        return document
    }

    private mutating func walk(_ node: Int32) {
        for child in tree.elements(node) where !budget.isExhausted {
            switch tree[child].name {
            case .p:
                paragraphCount += 1
                // Line breaks are whitespace to collapse like any other.
                let text = HTMLText.collapse(text(of: child))
                if !text.isEmpty { blocks.append(.paragraph(Paragraph(text: text, line: paragraphCount))) }
            case .tbl where !tree[child].holdsTable:
                tableCount += 1
                blocks.append(.table(table(child, number: tableCount)))
            case .tbl, .tr, .tc, .sdt, .sdtContent, .customXML, .smartTag:
                walk(child)
            default:
                continue
            }
        }
    }

    /// The text of a paragraph or cell: `w:t` runs joined, `w:tab` as a space,
    /// `w:br` as a line break, paragraphs on lines of their own. Deleted text,
    /// field codes and formatting never reach the tree.
    func text(of node: Int32) -> String {
        var text = ""
        for child in tree.elements(node) {
            switch tree[child].name {
            case .t: text += tree.text(child)
            case .tab: text += " "
            case .br, .cr: text += "\n"
            case .p:
                if !text.isEmpty && !text.hasSuffix("\n") { text += "\n" }
                text += self.text(of: child)
            case .tcPr, .trPr: continue
            default: text += self.text(of: child)
            }
        }
        return text
    }

    /// A `w:tbl` as a grid: `w:gridBefore` skipped columns, `w:gridSpan`
    /// column spans, `w:vMerge` continuations copied from the cell above.
    private mutating func table(_ element: Int32, number: Int) -> Table {
        var grid: [[TableCell]] = []
        for row in children(element, named: .tr) where !budget.isExhausted {
            var cells: [TableCell] = []
            if let before = tree.first(.trPr, in: row).flatMap({ tree.first(.gridBefore, in: $0) }) {
                for _ in 0..<min(tree.span(before, limit: HTMLTableBuilder.maximumSpan), 64) where budget.take() {
                    cells.append(TableCell(""))
                }
            }
            for cell in children(row, named: .tc) {
                let properties = tree.first(.tcPr, in: cell)
                let span = properties.flatMap { tree.first(.gridSpan, in: $0) }
                    .map { tree.span($0, limit: HTMLTableBuilder.maximumSpan) } ?? 1
                let merge = properties.flatMap { tree.first(.vMerge, in: $0) }
                let continues = merge.map { tree.string($0) != "restart" } ?? false
                let column = cells.count
                let above = continues && !grid.isEmpty && grid[grid.count - 1].indices.contains(column)
                    ? grid[grid.count - 1][column] : nil
                let text = above?.text ?? HTMLText.lines(text: text(of: cell))
                for offset in 0..<span where cells.count < HTMLTableBuilder.maximumColumns && budget.take() {
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
    private func children(_ node: Int32, named name: DOCXTree.Name, depth: Int = 0) -> [Int32] {
        guard depth < 8 else { return [] }
        return tree.elements(node).flatMap { child -> [Int32] in
            switch tree[child].name {
            case name: [child]
            case .sdt, .sdtContent, .customXML, .smartTag: children(child, named: name, depth: depth + 1)
            default: []
            }
        }
    }
}
