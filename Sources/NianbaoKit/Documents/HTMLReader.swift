internal import CLibXML2

/// Reads HTML pages with libxml2's HTML parser, which recovers from the
/// malformed markup of old CMSes and Word exports (report-format.md §11).
///
/// The parser's SAX callbacks feed ``HTMLStreamReader`` and through it
/// ``HTMLFlowBuilder``, which writes the document model as the page streams
/// by: libxml2 builds no tree, so a page costs its parse and the text and
/// grids it holds, not a node and a string per element and text run.
///
/// Tables without nested tables become ``Table``s with row and column spans
/// resolved into a full grid; tables that hold other tables are page layout
/// and are read as flow, so the statistics tables inside them are found
/// wherever they sit. Scripts and styles are ignored; `<br>` and block
/// elements break paragraphs and cell lines.
public enum HTMLReader {
    /// Deeper markup than this is hostile or broken: the page is read up to it.
    static let maximumDepth = 256

    /// libxml2 must initialise its globals once, on one thread, before
    /// documents are parsed concurrently.
    private static let initialised: Void = { xmlInitParser() }()

    /// Call before parsing on several threads.
    public static func prepareForThreads() { _ = initialised }

    /// Parses UTF-8 `text` (already decoded by ``TextDecoder``).
    public static func read(_ text: String) -> Document {
        prepareForThreads()
        guard let context = htmlNewParserCtxt() else { return Document(blocks: []) }
        defer { htmlFreeParserCtxt(context) }
        // The context frees its handler with xmlFree (free): allocate it with malloc.
        guard let handler = malloc(MemoryLayout<xmlSAXHandler>.size)?.bindMemory(to: xmlSAXHandler.self, capacity: 1) else {
            return Document(blocks: [])
        }
        handler.initialize(to: HTMLStreamReader.handler())
        nianbao_xml_free(context.pointee.sax)
        context.pointee.sax = handler
        let reader = HTMLStreamReader(context: context)
        context.pointee.userData = Unmanaged.passUnretained(reader).toOpaque()
        let options = Int32(
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                | HTML_PARSE_NONET.rawValue | HTML_PARSE_IGNORE_ENC.rawValue | HTML_PARSE_COMPACT.rawValue)
        // An empty page is parsed as one space: libxml2 refuses an empty buffer.
        var text = text.isEmpty ? " " : text
        let document = text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) {
                htmlCtxtReadMemory(context, $0.baseAddress, Int32($0.count), "report.html", "UTF-8", options)
            }
        }
        // No SAX callback builds a tree; free whatever the parser made.
        if let document { xmlFreeDoc(document) }
        withExtendedLifetime(reader) {}
        var result = reader.finish()
        if reader.tooDeep {
            result.unreadRest = "markup nested deeper than \(maximumDepth) levels; the page is not read past that point (hostile or broken page?)"
        }
        return result
    }
}
