import Foundation
internal import CLibXML2
import ZIPFoundation

/// Reads Word documents (.docx): the ZIP is opened with ZIPFoundation,
/// `word/document.xml` parsed with libxml2's XML parser, and the body walked
/// by ``DOCXBodyWalker`` into paragraphs and grid tables.
///
/// A .docx is a ZIP archive, so it is bounded before anything is inflated:
/// too many entries or a document part that inflates past the limit (a zip
/// bomb) is refused with a clear error instead of exhausting memory.
public enum DOCXReader {
    /// Why a .docx cannot be read.
    public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
        case notAnArchive
        case tooManyEntries(Int)
        case noDocumentPart
        case tooLarge(limit: Int)
        case damaged(String)
        case invalidXML

        public var description: String {
            switch self {
            case .notAnArchive: "not a readable ZIP archive (damaged .docx?)"
            case .tooManyEntries(let count): "ZIP archive has \(count) entries, more than a Word document has (zip bomb?)"
            case .noDocumentPart: "ZIP archive without word/document.xml: not a Word document"
            case .tooLarge(let limit): "word/document.xml inflates past \(limit >> 20) MB (zip bomb?)"
            case .damaged(let reason): "damaged .docx: \(reason)"
            case .invalidXML: "word/document.xml is not well-formed XML"
            }
        }
    }

    /// More entries than any real Word document holds.
    static let maximumEntries = 2_000
    /// The most `word/document.xml` may inflate to.
    static let maximumDocumentSize = 64 << 20

    public static func read(_ bytes: [UInt8]) throws(Failure) -> Document {
        let xml = try documentXML(bytes)
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let document = xml.withUnsafeBytes { buffer in
            buffer.baseAddress.flatMap {
                xmlReadMemory($0.assumingMemoryBound(to: CChar.self), Int32(buffer.count), "document.xml", "UTF-8", options)
            }
        }
        guard let document else { throw .invalidXML }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else { throw .invalidXML }
        var walker = DOCXBodyWalker()
        for child in MarkupNode(pointer: root).elements where child.elementName == "body" {
            walker.walk(child, depth: 0)
        }
        return walker.finish()
    }

    /// The inflated bytes of `word/document.xml`, within the limits.
    static func documentXML(_ bytes: [UInt8]) throws(Failure) -> Data {
        let archive: Archive
        do {
            archive = try Archive(data: Data(bytes), accessMode: .read)
        } catch {
            throw .notAnArchive
        }
        var count = 0
        for _ in archive {
            count += 1
            if count > maximumEntries { throw .tooManyEntries(count) }
        }
        guard let entry = archive["word/document.xml"] else { throw .noDocumentPart }
        if entry.uncompressedSize > UInt64(maximumDocumentSize) { throw .tooLarge(limit: maximumDocumentSize) }
        var xml = Data()
        do {
            // The header's size can lie: count what actually inflates.
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                xml.append(chunk)
                if xml.count > maximumDocumentSize { throw Failure.tooLarge(limit: maximumDocumentSize) }
            }
        } catch let failure as Failure {
            throw failure
        } catch {
            throw .damaged("\(error)")
        }
        return xml
    }
}
