internal import CLibXML2

/// The children of a ``MarkupNode``, followed through libxml2's sibling pointers.
struct MarkupChildren: Sequence, IteratorProtocol {
    var upcoming: xmlNodePtr?

    mutating func next() -> MarkupNode? {
        guard let node = upcoming else { return nil }
        upcoming = node.pointee.next
        return MarkupNode(pointer: node)
    }
}
