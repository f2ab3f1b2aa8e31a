/// The parts of `word/document.xml` that ``DOCXBodyWalker`` reads, kept in
/// flat arrays while the XML streams past (``DOCXTreeBuilder``).
///
/// libxml2's own tree of a Word document costs about 18 bytes per byte of
/// XML (a 60 MB part peaked at 1.1 GB), most of it run formatting nianbao
/// never reads. This tree keeps only elements that can hold report text or
/// a table's grid, and the text of `w:t` runs: a few bytes per kept element,
/// with a hard cap on their number.
struct DOCXTree {
    /// The element names the walker tells apart (local names, case-insensitive).
    enum Name: UInt8 {
        case body, p, tbl, tr, tc, sdt, sdtContent, customXML, smartTag
        case t, tab, br, cr, tcPr, trPr, gridSpan, vMerge, gridBefore
        /// Any other element: walked for text, skipped as flow.
        case other
        /// A text node (inside `w:t` only).
        case text

        /// Elements whose whole subtree is never kept: run and paragraph
        /// formatting, deleted text, field codes, and the fallback copy of a
        /// text box (Word writes each text box twice).
        static let dropped: Set<String> = [
            "rpr", "ppr", "tblpr", "tblgrid", "sectpr", "deltext", "instrtext", "delinstrtext", "fallback",
            "tblprex", "bookmarkstart", "bookmarkend", "prooferr", "lastrenderedpagebreak",
        ]

        static let known: [String: Name] = [
            "body": .body, "p": .p, "tbl": .tbl, "tr": .tr, "tc": .tc, "sdt": .sdt, "sdtcontent": .sdtContent,
            "customxml": .customXML, "smarttag": .smartTag, "t": .t, "tab": .tab, "br": .br, "cr": .cr,
            "tcpr": .tcPr, "trpr": .trPr, "gridspan": .gridSpan, "vmerge": .vMerge, "gridbefore": .gridBefore,
        ]
    }

    struct Node {
        var name: Name
        var firstChild: Int32 = -1
        var lastChild: Int32 = -1
        var next: Int32 = -1
        /// Index in `strings`: a text node's text, or an element's `val` attribute.
        var string: Int32 = -1
        /// Whether a `w:tbl` lies anywhere below (such a table is page layout).
        var holdsTable = false
    }

    private(set) var nodes: [Node] = []
    private(set) var strings: [String] = []

    /// Appends a node as the last child of `parent` (-1 for the root) and returns its index.
    mutating func append(_ name: Name, under parent: Int32, string: String? = nil) -> Int32 {
        let index = Int32(nodes.count)
        var node = Node(name: name)
        if let string {
            node.string = Int32(strings.count)
            strings.append(string)
        }
        nodes.append(node)
        if parent >= 0 {
            let last = nodes[Int(parent)].lastChild
            if last >= 0 { nodes[Int(last)].next = index } else { nodes[Int(parent)].firstChild = index }
            nodes[Int(parent)].lastChild = index
        }
        return index
    }

    /// Adds `text` to a text node that is the last child of `parent`, or appends one.
    mutating func appendText(_ text: String, under parent: Int32) {
        let last = nodes[Int(parent)].lastChild
        if last >= 0, nodes[Int(last)].name == .text {
            strings[Int(nodes[Int(last)].string)] += text
        } else {
            _ = append(.text, under: parent, string: text)
        }
    }

    /// Removes `index`, the last node appended, when it is a childless
    /// element: Word's runs of formatting only (`<w:r><w:rPr>…</w:rPr></w:r>`)
    /// cost nothing then. `previous` is the sibling before it (-1 for none).
    mutating func removeLast(_ index: Int32, under parent: Int32, previous: Int32) {
        guard Int(index) == nodes.count - 1, nodes[Int(index)].firstChild < 0, parent >= 0 else { return }
        if nodes[Int(index)].string >= 0 { strings.removeLast() }
        nodes.removeLast()
        nodes[Int(parent)].lastChild = previous
        if previous >= 0 { nodes[Int(previous)].next = -1 } else { nodes[Int(parent)].firstChild = -1 }
    }

    /// The last child of `index` (-1 for none).
    func lastChild(_ index: Int32) -> Int32 { nodes[Int(index)].lastChild }

    mutating func markHoldsTable(_ index: Int32) { nodes[Int(index)].holdsTable = true }

    var count: Int { nodes.count }

    subscript(_ index: Int32) -> Node { nodes[Int(index)] }

    /// The string of a node (text, or `val`), if any.
    func string(_ index: Int32) -> String? {
        let position = nodes[Int(index)].string
        return position >= 0 ? strings[Int(position)] : nil
    }

    /// The element children of `index`, in order.
    func elements(_ index: Int32) -> [Int32] {
        var result: [Int32] = []
        var child = nodes[Int(index)].firstChild
        while child >= 0 {
            if nodes[Int(child)].name != .text { result.append(child) }
            child = nodes[Int(child)].next
        }
        return result
    }

    /// The text children of `index`, joined.
    func text(_ index: Int32) -> String {
        var result = ""
        var child = nodes[Int(index)].firstChild
        while child >= 0 {
            if nodes[Int(child)].name == .text, let text = string(child) { result += text }
            child = nodes[Int(child)].next
        }
        return result
    }

    /// The first element child of `index` named `name`.
    func first(_ name: Name, in index: Int32) -> Int32? {
        var child = nodes[Int(index)].firstChild
        while child >= 0 {
            if nodes[Int(child)].name == name { return child }
            child = nodes[Int(child)].next
        }
        return nil
    }

    /// A span attribute (`w:gridSpan`, `w:gridBefore`) as a count from 1 to `limit`.
    func span(_ index: Int32, limit: Int) -> Int { SpanAttribute.count(string(index), limit: limit) }
}
