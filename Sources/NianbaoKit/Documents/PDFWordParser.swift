import Foundation
internal import CLibXML2

/// Reads the words of `pdftotext -bbox-layout` output (XHTML: `<page>`, then
/// `<word xMin yMin xMax yMax>text</word>`) through libxml2's SAX2 callbacks,
/// keeping only the words and the page sizes.
///
/// Bounded: at most ``maximumWords`` words; past it parsing stops and says so.
final class PDFWordParser {
    /// More words than any report holds (a 40-page report has about 20 000).
    static let maximumWords = 400_000

    enum Failure: Error, Equatable {
        case tooManyWords
        case invalidOutput
    }

    private(set) var words: [PDFWord] = []
    /// Width and height of each page, in points.
    private(set) var pageSizes: [(width: Double, height: Double)] = []
    private var failure: Failure?
    private var parser: SAXPushParser?
    /// The box of the word being read, and its text so far.
    private var open: PDFWord?

    /// The words and page sizes of `output`, or why they cannot be read.
    static func parse(_ output: Data) -> Result<(words: [PDFWord], pageSizes: [(width: Double, height: Double)]), Failure> {
        let parser = PDFWordParser()
        output.withUnsafeBytes { parser.feed($0) }
        return parser.finish()
    }

    private init() {
        var handler = xmlSAXHandler()
        handler.startElementNs = { context, name, _, _, _, _, attributeCount, _, attributes in
            guard let context, let name else { return }
            PDFWordParser.from(context).start(SAXNames.lowercased(name), attributeCount: Int(attributeCount), attributes: attributes)
        }
        handler.endElementNs = { context, name, _, _ in
            guard let context, let name else { return }
            PDFWordParser.from(context).end(SAXNames.lowercased(name))
        }
        let characters: charactersSAXFunc = { context, bytes, count in
            guard let context, let bytes, count > 0 else { return }
            PDFWordParser.from(context).characters(UnsafeBufferPointer(start: bytes, count: Int(count)))
        }
        handler.characters = characters
        handler.cdataBlock = characters
        parser = SAXPushParser(handler: &handler, user: Unmanaged.passUnretained(self).toOpaque(), name: "words.xhtml")
    }

    private static func from(_ context: UnsafeMutableRawPointer) -> PDFWordParser {
        Unmanaged<PDFWordParser>.fromOpaque(context).takeUnretainedValue()
    }

    private func feed(_ bytes: UnsafeRawBufferPointer) {
        guard let parser, bytes.baseAddress != nil else { return }
        if !parser.feed(bytes) { failure = failure ?? .invalidOutput }
    }

    private func finish() -> Result<(words: [PDFWord], pageSizes: [(width: Double, height: Double)]), Failure> {
        if failure == nil, parser?.finish() != true { failure = .invalidOutput }
        if let failure { return .failure(failure) }
        return .success((words, pageSizes))
    }

    private func start(_ name: String, attributeCount: Int, attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        func number(_ attribute: String) -> Double? {
            SAXNames.attribute(attribute, count: attributeCount, attributes).flatMap(Double.init).flatMap { $0.isFinite ? $0 : nil }
        }
        switch name {
        case "page":
            pageSizes.append((number("width") ?? 0, number("height") ?? 0))
        case "word":
            guard words.count < Self.maximumWords else {
                failure = failure ?? .tooManyWords
                parser?.stop()
                return
            }
            guard let x0 = number("xmin"), let y0 = number("ymin"), let x1 = number("xmax"), let y1 = number("ymax"),
                x1 >= x0, y1 > y0
            else { return }
            open = PDFWord(text: "", page: max(pageSizes.count - 1, 0), x0: x0, y0: y0, x1: x1, y1: y1)
        default:
            break
        }
    }

    private func end(_ name: String) {
        guard name == "word", let word = open else { return }
        open = nil
        let text = word.text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { return }
        var kept = word
        kept.text = text
        words.append(kept)
    }

    private func characters(_ bytes: UnsafeBufferPointer<xmlChar>) {
        guard open != nil else { return }
        open!.text += String(decoding: bytes, as: UTF8.self)
    }
}
