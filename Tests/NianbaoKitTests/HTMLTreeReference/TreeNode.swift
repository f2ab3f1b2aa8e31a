@testable import NianbaoKit
import Foundation
internal import CLibXML2

/// A thin, read-only view of a libxml2 node (HTML or XML), so the walkers
/// read like the tree they walk. Element names are local names, lower-cased
/// (`w:tbl` → `tbl`); attributes are found by local name (`w:val` → `val`).
struct TreeNode {
    let pointer: xmlNodePtr

    /// Lower-case element name, nil for non-elements.
    var elementName: String? {
        guard pointer.pointee.type == XML_ELEMENT_NODE, let name = pointer.pointee.name else { return nil }
        let text = String(cString: name)
        // libxml2's HTML parser already lower-cases; only XML names (`vMerge`) need it.
        return text.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) ? text.lowercased() : text
    }

    /// Text content of a text or CDATA node.
    var text: String? {
        let type = pointer.pointee.type
        guard type == XML_TEXT_NODE || type == XML_CDATA_SECTION_NODE, let content = pointer.pointee.content else {
            return nil
        }
        return String(cString: content)
    }

    /// The child nodes in order, walked through the pointers (no array per node).
    var children: TreeChildren { TreeChildren(upcoming: pointer.pointee.children) }

    /// The element children only.
    var elements: [TreeNode] { children.filter { $0.elementName != nil } }

    func attribute(_ name: String) -> String? {
        guard let value = xmlGetProp(pointer, name) else { return nil }
        defer { nianbao_xml_free(value) }
        return String(cString: value)
    }

    /// A span attribute (`rowspan`, `colspan`) as a count from 1 to `limit`.
    func span(_ name: String, limit: Int) -> Int { Self.span(attribute(name), limit: limit) }

    /// A span attribute's text (`rowspan`, `w:gridSpan`) as a count from 1 to
    /// `limit`: leading digits only ("2px" is 2), 1 when absent or unreadable.
    static func span(_ text: String?, limit: Int) -> Int {
        guard let text else { return 1 }
        let digits = text.trimmingCharacters(in: .whitespaces).prefix { $0.isASCIIDigit }
        return min(max(Int(digits) ?? 1, 1), limit)
    }

    /// Whether any descendant is an element named `name` (`table`, `tbl`).
    func contains(_ name: String, depth: Int = 0) -> Bool {
        guard depth < TreeHTMLReader.maximumDepth else { return false }
        return children.contains { child in
            guard let element = child.elementName else { return false }
            return element == name || child.contains(name, depth: depth + 1)
        }
    }

    /// Elements whose content is never report text.
    static let ignored: Set<String> = ["script", "style", "noscript", "template", "iframe", "object", "svg", "select", "button", "head"]

    /// Elements that start a new line of text.
    static let blocks: Set<String> = [
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "tr", "td", "th", "table", "tbody", "thead",
        "tfoot", "section", "article", "header", "footer", "nav", "aside", "blockquote", "pre", "dd", "dt", "dl",
        "center", "form", "hr", "caption", "main", "figure", "figcaption", "address",
    ]
}
