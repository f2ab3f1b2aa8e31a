internal import CLibXML2

/// The children of a ``MarkupNode``, followed through libxml2's sibling pointers.
struct MarkupChildren: Sequence, IteratorProtocol {
    var next: xmlNodePtr?

    mutating func next() -> MarkupNode? {
        guard let node = next else { return nil }
        next = node.pointee.next
        return MarkupNode(pointer: node)
    }
}
