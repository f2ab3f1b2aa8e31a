internal import CLibXML2

/// libxml2's push parser with SAX2 callbacks, owned in one place: created
/// with the handler and the object its callbacks reach, fed chunk by chunk,
/// freed once. libxml2 builds no tree of its own; the callbacks keep what
/// their reader needs.
final class SAXPushParser {
    private let context: xmlParserCtxtPtr?

    /// A parser calling `handler`'s callbacks with `user` as their context.
    init(handler: inout xmlSAXHandler, user: UnsafeMutableRawPointer, name: String) {
        handler.initialized = UInt32(XML_SAX2_MAGIC)
        context = xmlCreatePushParserCtxt(&handler, user, nil, 0, name)
        let options = XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
        if let context { xmlCtxtUseOptions(context, Int32(options)) }
    }

    deinit {
        if let context {
            if let document = context.pointee.myDoc { xmlFreeDoc(document) }
            xmlFreeParserCtxt(context)
        }
    }

    /// Parses the next chunk; false once the XML is not well-formed or parsing was stopped.
    func feed(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let context else { return false }
        var offset = 0
        // xmlParseChunk takes an Int32 count.
        while offset < bytes.count {
            let count = min(bytes.count - offset, 1 << 20)
            let start = bytes.baseAddress!.advanced(by: offset).assumingMemoryBound(to: CChar.self)
            if xmlParseChunk(context, start, Int32(count), 0) != 0 || context.pointee.wellFormed == 0 { return false }
            offset += count
        }
        return true
    }

    /// Ends the document; false when it is not well-formed.
    func finish() -> Bool {
        guard let context else { return false }
        return xmlParseChunk(context, nil, 0, 1) == 0 && context.pointee.wellFormed != 0
    }

    /// Stops parsing from inside a callback.
    func stop() {
        if let context { xmlStopParser(context) }
    }
}
