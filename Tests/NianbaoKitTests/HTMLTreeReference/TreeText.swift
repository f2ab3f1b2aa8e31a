@testable import NianbaoKit
/// Text of HTML content as a reader sees it: whitespace runs (including
/// `&nbsp;` and the newlines of the source) collapsed to one space, `<br>` and
/// block elements inside a cell kept as line breaks.
enum TreeText {
    /// All text under `node` on one line.
    static func inline(_ node: TreeNode, depth: Int = 0) -> String {
        collapse(raw(node, depth: depth, breaks: false))
    }

    /// Text under `node` with `<br>` and block boundaries as "\n", each line collapsed.
    static func lines(_ node: TreeNode) -> String {
        lines(text: raw(node, depth: 0, breaks: true))
    }

    /// `text` with each line collapsed and empty lines dropped.
    static func lines(text: String) -> String {
        // Most cells hold one line: no split and join for them.
        guard text.utf8.contains(0x0A) else { return collapse(text) }
        return text.split(separator: "\n", omittingEmptySubsequences: true)
            .map { collapse(String($0)) }
            .filter { !$0.isEmpty }
            .joined(separator: "\n")
    }

    private static func raw(_ node: TreeNode, depth: Int, breaks: Bool) -> String {
        var text = ""
        for child in node.children {
            if let content = child.text {
                text += content
                continue
            }
            guard let name = child.elementName, !TreeNode.ignored.contains(name), depth < TreeHTMLReader.maximumDepth else {
                continue
            }
            if name == "br" {
                text += breaks ? "\n" : " "
                continue
            }
            let isBlock = TreeNode.blocks.contains(name)
            if isBlock && breaks { text += "\n" }
            text += raw(child, depth: depth + 1, breaks: breaks)
            if isBlock { text += breaks ? "\n" : " " }
        }
        return text
    }

    /// Runs of whitespace (ASCII, no-break space, ideographic space kept apart)
    /// become one space; ends are trimmed.
    static func collapse(_ text: String) -> String {
        // Scalar by scalar: iterating characters (grapheme breaking) was a
        // visible cost of reading HTML.
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.isSpace && scalar != "\u{3000}" {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.append(scalar)
            }
        }
        return String(result)
    }
}
