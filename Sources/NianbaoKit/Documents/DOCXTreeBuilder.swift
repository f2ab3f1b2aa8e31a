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
    private var parser: SAXPushParser?
    /// The kept elements that are open, innermost last, each with the
    /// sibling before it (to take back an empty element).
    private var open: [(index: Int32, previous: Int32)] = []
    /// Open elements inside a dropped subtree (0: keeping).
    private var skipping = 0
    private var depth = 0
    /// UTF-8 bytes of `w:t` text kept so far.
    private var textSize = 0
    /// ``classify(_:)``'s answers by name pointer, with the name's bytes (NUL-terminated).
    private var names: [UnsafeRawPointer: (bytes: [CChar], kind: DOCXTree.Name, dropped: Bool)] = [:]

    init() {
        var handler = xmlSAXHandler()
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
        parser = SAXPushParser(handler: &handler, user: Unmanaged.passUnretained(self).toOpaque(), name: "document.xml")
    }

    private static func from(_ context: UnsafeMutableRawPointer) -> DOCXTreeBuilder {
        Unmanaged<DOCXTreeBuilder>.fromOpaque(context).takeUnretainedValue()
    }

    /// Parses the next chunk of XML; false once parsing has stopped.
    @discardableResult
    func feed(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let parser, failure == nil else { return false }
        if !parser.feed(bytes) { failure = failure ?? .invalidXML }
        return failure == nil
    }

    /// Ends the document and returns the tree, or why it cannot be read.
    func finish() -> Result<DOCXTree, Failure> {
        if failure == nil, parser?.finish() != true { failure = .invalidXML }
        if let failure { return .failure(failure) }
        guard tree.count > 0 else { return .failure(.invalidXML) }
        return .success(tree)
    }

    private func stop(_ reason: Failure) {
        failure = failure ?? reason
        parser?.stop()
    }

    // MARK: - SAX events

    private func start(_ localName: UnsafePointer<xmlChar>, attributeCount: Int, attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        depth += 1
        if depth > Self.maximumDepth { return stop(.tooDeep) }
        if skipping > 0 {
            skipping += 1
            return
        }
        let (kind, dropped) = classify(localName)
        let parent = open.last?.index ?? -1
        let parentName = parent >= 0 ? tree[parent].name : nil
        // Of cell and row properties only the grid matters.
        let keep =
            switch parentName {
            case .tcPr: kind == .gridSpan || kind == .vMerge
            case .trPr: kind == .gridBefore
            default: !dropped
            }
        guard keep else {
            skipping = 1
            return
        }
        guard tree.count < Self.maximumElements else { return stop(.tooManyElements) }
        let value = kind == .gridSpan || kind == .vMerge || kind == .gridBefore
            ? SAXNames.attribute("val", count: attributeCount, attributes) : nil
        let previous = parent >= 0 ? tree.lastChild(parent) : -1
        open.append((tree.append(kind, under: parent, string: value), previous))
    }

    /// What an element name is to the tree, remembered per name: libxml2
    /// hands each distinct name over as the same interned pointer, so a
    /// document's thousands of elements cost a String and two lookups per
    /// distinct name, not per element. (The bytes are compared too, so a
    /// name that is not interned is never taken for another.)
    private func classify(_ localName: UnsafePointer<xmlChar>) -> (DOCXTree.Name, dropped: Bool) {
        let key = UnsafeRawPointer(localName)
        if let known = names[key], strcmp(known.bytes, UnsafeRawPointer(localName).assumingMemoryBound(to: CChar.self)) == 0 {
            return (known.kind, known.dropped)
        }
        let name = SAXNames.lowercased(localName)
        let kind = DOCXTree.Name.known[name] ?? .other
        let dropped = DOCXTree.Name.dropped.contains(name)
        let bytes = Array(UnsafeBufferPointer(start: UnsafeRawPointer(localName).assumingMemoryBound(to: CChar.self),
                                              count: strlen(UnsafeRawPointer(localName).assumingMemoryBound(to: CChar.self)) + 1))
        names[key] = (bytes, kind, dropped)
        return (kind, dropped)
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
}
