@testable import NianbaoKit
internal import CLibXML2

/// The HTML reader nianbao had before it streamed pages (issue 15): libxml2
/// builds its tree, and the walkers in this folder walk it. Kept in the tests
/// only, as the reference ``HTMLReader`` must equal on every page
/// (HTMLStreamingTests) — libxml2's tree is the meaning of an HTML page here.
///
/// Reads HTML pages with libxml2's HTML parser, which recovers from the
/// malformed markup of old CMSes and Word exports (report-format.md §11).
///
/// Tables without nested tables become ``Table``s with row and column spans
/// resolved into a full grid; tables that hold other tables are page layout
/// and are read as flow, so the statistics tables inside them are found
/// wherever they sit. Scripts and styles are ignored; `<br>` and block
/// elements break paragraphs and cell lines.
enum TreeHTMLReader {
    /// Deeper markup than this is hostile or broken; its content is still read as text.
    static let maximumDepth = 256

    /// libxml2 must initialise its globals once, on one thread, before
    /// documents are parsed concurrently.
    private static let initialised: Void = { xmlInitParser() }()

    /// Call before parsing on several threads.
    static func prepareForThreads() { _ = initialised }

    /// Parses UTF-8 `text` (already decoded by ``TextDecoder``).
    static func read(_ text: String) -> Document {
        prepareForThreads()
        var bytes = Array(text.utf8)
        if bytes.isEmpty { bytes = [0x20] }
        let options = Int32(
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                | HTML_PARSE_NONET.rawValue | HTML_PARSE_IGNORE_ENC.rawValue | HTML_PARSE_COMPACT.rawValue)
        guard let context = htmlNewParserCtxt() else { return Document(blocks: []) }
        defer { htmlFreeParserCtxt(context) }
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                htmlCtxtReadMemory(context, $0, Int32(buffer.count), "report.html", "UTF-8", options)
            }
        }
        guard let document else { return Document(blocks: []) }
        defer { xmlFreeDoc(document) }
        var walker = TreeFlowWalker()
        if let root = xmlDocGetRootElement(document) { walker.walk(TreeNode(pointer: root), depth: 0) }
        var result = walker.finish()
        // libxml2 stops reading at 256 levels of nesting, and recovers by
        // dropping the rest of the page: say so, or the report's tables
        // would just seem to be missing.
        if let error = xmlCtxtGetLastError(context), error.pointee.code == XML_ERR_INTERNAL_ERROR.rawValue,
            let message = error.pointee.message, String(cString: message).contains("Excessive depth")
        {
            result.unreadRest = "markup nested deeper than \(maximumDepth) levels; the page is not read past that point (hostile or broken page?)"
        }
        return result
    }
}
