import Foundation
internal import CLibXML2

/// Builds a ``DOCXTree`` from `word/document.xml` as it inflates, through
/// libxml2's push parser and SAX2 callbacks: the XML is never held whole and
/// libxml2 builds no tree of its own, so a part that inflates to tens of
/// megabytes costs only what the report's text and grid need.
///
/// Bounded by design: at most ``maximumElements`` kept elements,
/// ``maximumDepth`` levels of nesting and ``ReportParser/maximumTextSize``
/// of text; past any, parsing stops with a failure that names the cause.
final class DOCXTreeBuilder {
    /// More kept elements than any report holds (a 40-page report keeps about 30 000).
    static let maximumElements = 500_000
    /// Deeper than any Word document nests (nested tables included); libxml2's own limit is 256.
    static let maximumDepth = 200

    enum Failure: Error, Equatable {
        case tooMuchText
        case tooManyElements
        case tooDeep
        case invalidXML
    }

    private(set) var tree = DOCXTree()
    private(set) var failure: Failure?
    private var context: xmlParserCtxtPtr?
    /// The kept elements that are open, innermost last, each with the
    /// sibling before it (to take back an empty element).
    private var open: [(index: Int32, previous: Int32)] = []
    /// Open elements inside a dropped subtree (0: keeping).
    private var skipping = 0
    private var depth = 0
    /// UTF-8 bytes of `w:t` text kept so far.
    private var textSize = 0

    init() {
        var handler = xmlSAXHandler()
        handler.initialized = UInt32(XML_SAX2_MAGIC)
        handler.startElementNs = { context, name, _, _, _, _, attributeCount, _, attributes in
            guard let context, let name else { return }
            DOCXTreeBuilder.from(context).start(name, attributeCount: Int(attributeCount), attributes: attributes)
        }
        handler.endElementNs = { context, _, _, _ in
            guard let context else { return }
            DOCXTreeBuilder.from(context).end()
        }
        let characters: charactersSAXFunc = { context, bytes, count in
            guard let context, let bytes, count > 0 else { return }
            DOCXTreeBuilder.from(context).characters(UnsafeBufferPointer(start: bytes, count: Int(count)))
        }
        handler.characters = characters
        handler.ignorableWhitespace = characters
        handler.cdataBlock = characters
        context = xmlCreatePushParserCtxt(&handler, Unmanaged.passUnretained(self).toOpaque(), nil, 0, "document.xml")
        let options = XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
        if let context { xmlCtxtUseOptions(context, Int32(options)) }
    }

    deinit {
        if let context {
            if let document = context.pointee.myDoc { xmlFreeDoc(document) }
            xmlFreeParserCtxt(context)
        }
    }

    private static func from(_ context: UnsafeMutableRawPointer) -> DOCXTreeBuilder {
        Unmanaged<DOCXTreeBuilder>.fromOpaque(context).takeUnretainedValue()
    }

    /// Parses the next chunk of XML; false once parsing has stopped.
    @discardableResult
    func feed(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let context, failure == nil else { return false }
        var offset = 0
        // xmlParseChunk takes an Int32 count.
        while offset < bytes.count && failure == nil {
            let count = min(bytes.count - offset, 1 << 20)
            let start = bytes.baseAddress!.advanced(by: offset).assumingMemoryBound(to: CChar.self)
            if xmlParseChunk(context, start, Int32(count), 0) != 0 || context.pointee.wellFormed == 0 {
                failure = failure ?? .invalidXML
            }
            offset += count
        }
        return failure == nil
    }

    /// Ends the document and returns the tree, or why it cannot be read.
    func finish() -> Result<DOCXTree, Failure> {
        if let context, failure == nil {
            if xmlParseChunk(context, nil, 0, 1) != 0 || context.pointee.wellFormed == 0 { failure = .invalidXML }
        }
        if context == nil { failure = .invalidXML }
        if let failure { return .failure(failure) }
        guard tree.count > 0 else { return .failure(.invalidXML) }
        return .success(tree)
    }

    private func stop(_ reason: Failure) {
        failure = failure ?? reason
        if let context { xmlStopParser(context) }
    }

    // MARK: - SAX events

    private func start(_ localName: UnsafePointer<xmlChar>, attributeCount: Int, attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        depth += 1
        if depth > Self.maximumDepth { return stop(.tooDeep) }
        if skipping > 0 {
            skipping += 1
            return
        }
        let name = Self.lowercased(localName)
        let parent = open.last?.index ?? -1
        let parentName = parent >= 0 ? tree[parent].name : nil
        let kind = DOCXTree.Name.known[name] ?? .other
        // Of cell and row properties only the grid matters.
        let keep =
            switch parentName {
            case .tcPr: kind == .gridSpan || kind == .vMerge
            case .trPr: kind == .gridBefore
            default: !DOCXTree.Name.dropped.contains(name)
            }
        guard keep else {
            skipping = 1
            return
        }
        guard tree.count < Self.maximumElements else { return stop(.tooManyElements) }
        let value = kind == .gridSpan || kind == .vMerge || kind == .gridBefore
            ? Self.attribute("val", count: attributeCount, attributes) : nil
        let previous = parent >= 0 ? tree.lastChild(parent) : -1
        open.append((tree.append(kind, under: parent, string: value), previous))
    }

    private func end() {
        depth -= 1
        if skipping > 0 {
            skipping -= 1
            return
        }
        guard let (index, previous) = open.popLast() else { return }
        guard let parent = open.last?.index else { return }
        if tree[index].name == .tbl || tree[index].holdsTable { tree.markHoldsTable(parent) }
        // An element of no interest that kept nothing (a run of formatting only) is taken back.
        if tree[index].name == .other && tree[index].firstChild < 0 {
            tree.removeLast(index, under: parent, previous: previous)
        }
    }

    private func characters(_ bytes: UnsafeBufferPointer<xmlChar>) {
        guard skipping == 0, let current = open.last?.index, tree[current].name == .t else { return }
        textSize += bytes.count
        guard textSize <= ReportParser.maximumTextSize else { return stop(.tooMuchText) }
        tree.appendText(String(decoding: bytes, as: UTF8.self), under: current)
    }

    /// The lower-cased text of a libxml2 name.
    private static func lowercased(_ name: UnsafePointer<xmlChar>) -> String {
        let bytes = UnsafeBufferPointer(start: name, count: Int(strlen(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self))))
        guard bytes.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return String(decoding: bytes, as: UTF8.self) }
        let lowered = bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        return String(decoding: lowered, as: UTF8.self)
    }

    /// The value of the attribute whose local name is `name` (SAX2 passes
    /// five pointers per attribute: local name, prefix, URI, value start, value end).
    private static func attribute(
        _ name: String, count: Int, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    ) -> String? {
        guard let attributes else { return nil }
        for index in 0..<count {
            guard let local = attributes[index * 5], lowercased(local) == name,
                let start = attributes[index * 5 + 3], let end = attributes[index * 5 + 4], end >= start
            else { continue }
            return String(decoding: UnsafeBufferPointer(start: start, count: end - start), as: UTF8.self)
        }
        return nil
    }
}
