@testable import NianbaoKit
import Foundation

/// Walks an HTML tree in reading order, turning inline text into paragraphs
/// and data tables into grids; layout tables (tables holding tables) are
/// walked as flow so nothing inside them is lost.
struct TreeFlowWalker {
    private var blocks: [Block] = []
    private var line = ""
    private var tableCount = 0
    private var paragraphCount = 0
    private var title: String?
    private var properties: [String: String] = [:]
    private var budget = CellBudget()

    mutating func walk(_ node: TreeNode, depth: Int) {
        for child in node.children where !budget.isExhausted {
            if let text = child.text {
                line += text
                continue
            }
            guard let name = child.elementName else { continue }
            switch name {
            case "head":
                readHead(child)
            case "title":
                if title == nil { title = TreeText.inline(child) }
            case "meta":
                readMeta(child)
            case _ where TreeNode.ignored.contains(name):
                continue
            case "br":
                flush()
            case "table" where !child.contains("table"):
                flush()
                tableCount += 1
                blocks.append(.table(TreeTableBuilder.table(child, number: tableCount, budget: &budget)))
            case _ where depth >= TreeHTMLReader.maximumDepth:
                line += TreeText.inline(child)
            case _ where TreeNode.blocks.contains(name):
                flush()
                walk(child, depth: depth + 1)
                if line.includes("\u{00A0}") && line.allSatisfy(\.isWhitespace) {
                    // `<p>&nbsp;</p>`: an intentionally blank cell of a table flattened into paragraphs.
                    paragraphCount += 1
                    blocks.append(.paragraph(Paragraph(text: "", line: paragraphCount)))
                    line = ""
                }
                flush()
            default:
                walk(child, depth: depth + 1)
            }
        }
    }

    private mutating func readHead(_ head: TreeNode) {
        for element in head.elements {
            switch element.elementName {
            case "title": if title == nil { title = TreeText.inline(element) }
            case "meta": readMeta(element)
            default: break
            }
        }
    }

    private mutating func readMeta(_ meta: TreeNode) {
        guard let name = meta.attribute("name") ?? meta.attribute("property"), let content = meta.attribute("content") else {
            return
        }
        properties[name.lowercased()] = content
    }

    /// Ends the current paragraph.
    private mutating func flush() {
        let text = TreeText.collapse(line)
        line = ""
        guard !text.isEmpty else { return }
        paragraphCount += 1
        blocks.append(.paragraph(Paragraph(text: text, line: paragraphCount)))
    }

    mutating func finish() -> Document {
        flush()
        var document = Document(blocks: blocks, title: title.map(TreeText.collapse), properties: properties)
        if budget.isExhausted { document.unreadRest = CellBudget.reason }
        return document
    }
}
