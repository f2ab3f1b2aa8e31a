@testable import NianbaoKit
/// Builds the full grid of an HTML table: every `rowspan` and `colspan`
/// resolved, so cells are aligned by grid position, never by cell index
/// (the V2019 section 二 of Shanghai shifts its colspans between header and
/// data rows). Spans are bounded, and every cell comes out of the document's
/// ``CellBudget``, so a hostile page cannot blow up the grid.
enum TreeTableBuilder {
    static let maximumSpan = 64
    static let maximumColumns = 256

    static func table(_ element: TreeNode, number: Int, budget: inout CellBudget) -> Table {
        let rows = rowElements(element)
        var grid: [[TableCell?]] = Array(repeating: [], count: rows.count)
        for (r, row) in rows.enumerated() where !budget.isExhausted {
            var column = 0
            for cell in row.elements where cell.elementName == "td" || cell.elementName == "th" {
                while column < grid[r].count, grid[r][column] != nil { column += 1 }
                guard column < maximumColumns else { break }
                let rowSpan = min(cell.span("rowspan", limit: maximumSpan), rows.count - r)
                let columnSpan = min(cell.span("colspan", limit: maximumSpan), maximumColumns - column)
                let text = TreeText.lines(cell)
                for dr in 0..<rowSpan {
                    for dc in 0..<columnSpan {
                        let target = (r + dr, column + dc)
                        if grid[target.0].count <= target.1 {
                            // Every grid position is a cell in the end (blank where nothing covers it).
                            let added = target.1 - grid[target.0].count + 1
                            guard budget.take(added) else { continue }
                            grid[target.0] += Array(repeating: nil, count: added)
                        }
                        guard grid[target.0][target.1] == nil else { continue }
                        grid[target.0][target.1] = TableCell(
                            text, columnSpan: dc == 0 ? columnSpan - dc : 1,
                            isColumnContinuation: dc > 0, isRowContinuation: dr > 0)
                    }
                }
                column += columnSpan
            }
        }
        return Table(
            number: number,
            rows: grid.filter { !$0.isEmpty }.map { TableRow(cells: $0.map { $0 ?? TableCell("") }) })
    }

    /// The table's own rows (direct, or in thead / tbody / tfoot), not those of nested tables.
    static func rowElements(_ table: TreeNode) -> [TreeNode] {
        var rows: [TreeNode] = []
        for child in table.elements {
            switch child.elementName {
            case "tr": rows.append(child)
            case "thead", "tbody", "tfoot": rows += child.elements.filter { $0.elementName == "tr" }
            default: break
            }
        }
        return rows
    }
}
