import Foundation
internal import CLibXML2

/// Receives libxml2's SAX callbacks for one page and hands
/// ``HTMLFlowBuilder`` the events of the tree libxml2 would have built —
/// without building it.
///
/// The rules of libxml2's own tree builder that a SAX parse skips are
/// applied here, so a page reads exactly as it did when nianbao walked that
/// tree (HTMLStreamingTests compare the two on thousands of pages):
/// - An element is named by its local part (`o:p` is a `p`).
/// - An element opening below ``HTMLReader/maximumDepth`` + 1 levels ends
///   the page ("Excessive depth"), as the tree builder's limit does.
/// - Only the first root element is read (`xmlDocGetRootElement`), and
///   elements that start after it ended (content after `</html>`) are read
///   as its children when the document's first node is that root — libxml2
///   then adds them to it — and not at all when a doctype, comment or
///   processing instruction comes first (they become other roots).
final class HTMLStreamReader {
    /// Reached only from libxml2's callbacks, one at a time on one thread: no access overlaps.
    @exclusivity(unchecked) private var builder = HTMLFlowBuilder()
    /// The open elements' tags, innermost last.
    private var open: [HTMLTag] = []
    /// Whether the root element has started.
    private var rootSeen = false
    /// Whether a comment or processing instruction came before the root, or a doctype anywhere:
    /// then the root is not the document's first node.
    private var nodeBeforeRoot = false
    private var doctypeSeen = false
    /// Whether the element at the bottom of `open` is the document's root (not one added to it later).
    private var isFirstRootOpen = true
    /// Whether the elements open are read (inside the root, or added to it).
    private var inRoot = false
    /// Set once the page nests too deeply: everything after is ignored.
    private(set) var tooDeep = false
    private let context: htmlParserCtxtPtr

    init(context: htmlParserCtxtPtr) { self.context = context }

    /// The SAX handler whose callbacks reach the reader passed as user data.
    static func handler() -> xmlSAXHandler {
        var handler = xmlSAXHandler()
        handler.startElement = { user, name, attributes in
            guard let user, let name else { return }
            HTMLStreamReader.from(user).start(name, attributes)
        }
        handler.endElement = { user, _ in
            guard let user else { return }
            HTMLStreamReader.from(user).end()
        }
        handler.characters = { user, bytes, count in
            guard let user, let bytes, count > 0 else { return }
            HTMLStreamReader.from(user).characters(UnsafeBufferPointer(start: bytes, count: Int(count)))
        }
        handler.processingInstruction = { user, _, _ in
            guard let user else { return }
            HTMLStreamReader.from(user).documentNode()
        }
        handler.comment = { user, _ in
            guard let user else { return }
            HTMLStreamReader.from(user).documentNode()
        }
        handler.internalSubset = { user, _, _, _ in
            guard let user else { return }
            HTMLStreamReader.from(user).doctypeSeen = true
        }
        return handler
    }

    private static func from(_ user: UnsafeMutableRawPointer) -> HTMLStreamReader {
        Unmanaged<HTMLStreamReader>.fromOpaque(user).takeUnretainedValue()
    }

    /// Whether events go to the builder: inside the root, before the budget ran out.
    private var reading: Bool { inRoot && !builder.isExhausted }

    private func start(_ name: UnsafePointer<xmlChar>, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        guard !tooDeep else { return }
        if open.count > HTMLReader.maximumDepth {
            tooDeep = true
            xmlStopParser(context)
            closeAll()
            return
        }
        let tag = HTMLTag(element: name)
        open.append(tag)
        if open.count == 1 {
            if !rootSeen {
                // The root: its content is read; the root itself stays open to the end.
                rootSeen = true
                inRoot = true
                builder.startRoot()
                return
            }
            // A later top-level element: a child of the root when the root is the document's first node.
            inRoot = !nodeBeforeRoot && !doctypeSeen
        }
        guard reading else { return }
        switch tag {
        case .meta: builder.start(tag, meta: Self.meta(attributes))
        case .td, .th:
            builder.start(tag, spans: (Self.span("rowspan", attributes), Self.span("colspan", attributes)))
        default: builder.start(tag)
        }
    }

    private func end() {
        guard !tooDeep, let element = open.popLast() else { return }
        endRead(element, isRoot: open.isEmpty && isFirstRootOpen)
    }

    /// Hands `element`'s end to the builder when it is read (the root's is not: the root stays open).
    private func endRead(_ element: HTMLTag, isRoot: Bool) {
        if reading && !isRoot { builder.end(element) }
        if open.isEmpty {
            inRoot = false
            isFirstRootOpen = false
        }
    }

    private func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        // Text outside any element has no place in libxml2's tree.
        if !tooDeep && !open.isEmpty && reading { builder.characters(bytes) }
    }

    /// A comment or processing instruction: outside any element, a node of the document itself.
    private func documentNode() {
        if !tooDeep && open.isEmpty && !rootSeen { nodeBeforeRoot = true }
    }

    /// Ends every open element, innermost first (a page cut short reads as
    /// the tree libxml2 had built up to that point).
    private func closeAll() {
        while let element = open.popLast() { endRead(element, isRoot: open.isEmpty && isFirstRootOpen) }
    }

    /// The document read so far, every open element ended.
    func finish() -> Document {
        closeAll()
        return builder.finish()
    }

    // MARK: Attributes

    /// The value of attribute `name` ("" when written without one), the first if repeated.
    private static func attribute(_ name: StaticString, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) -> String? {
        guard var pair = attributes else { return nil }
        while let key = pair.pointee {
            let value = pair.advanced(by: 1).pointee
            if strcmp(UnsafeRawPointer(key).assumingMemoryBound(to: CChar.self), UnsafeRawPointer(name.utf8Start).assumingMemoryBound(to: CChar.self)) == 0 {
                return value.map { String(cString: $0) } ?? ""
            }
            pair = pair.advanced(by: 2)
        }
        return nil
    }

    private static func span(_ name: StaticString, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) -> Int {
        SpanAttribute.count(attribute(name, attributes), limit: HTMLTableBuilder.maximumSpan)
    }

    private static func meta(_ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) -> HTMLMeta {
        HTMLMeta(name: attribute("name", attributes), property: attribute("property", attributes), content: attribute("content", attributes))
    }
}
