@testable import NianbaoKit
internal import CLibXML2

/// The children of a ``TreeNode``, followed through libxml2's sibling pointers.
struct TreeChildren: Sequence, IteratorProtocol {
    var upcoming: xmlNodePtr?

    mutating func next() -> TreeNode? {
        guard let node = upcoming else { return nil }
        upcoming = node.pointee.next
        return TreeNode(pointer: node)
    }
}
