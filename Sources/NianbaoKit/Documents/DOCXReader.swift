import Foundation
import ZIPFoundation

/// Reads Word documents (.docx): the ZIP's structure is checked
/// (``ZIPLayout``), the archive opened with ZIPFoundation, `word/document.xml`
/// inflated and streamed through libxml2's SAX parser into a ``DOCXTree``, and
/// the body walked by ``DOCXBodyWalker`` into paragraphs and grid tables.
///
/// Any bytes give a document or a ``Failure``: offsets past the end of the
/// file, ZIP64 structures, too many entries, a document part that inflates
/// past the limit (a zip bomb), malformed or over-deep XML are refused before
/// they can trap or exhaust memory.
public enum DOCXReader {
    /// Why a .docx cannot be read.
    public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
        case notAnArchive
        case tooManyEntries(Int)
        case noDocumentPart
        case tooLarge(limit: Int)
        case damaged(String)
        case invalidXML
        case tooManyElements(Int)
        case tooDeep(Int)
        case tooMuchText(Int)

        public var description: String {
            switch self {
            case .notAnArchive: "not a readable ZIP archive (damaged .docx?)"
            case .tooManyEntries(let count): "ZIP archive has \(count) entries, more than a Word document has (zip bomb?)"
            case .noDocumentPart: "ZIP archive without word/document.xml: not a Word document"
            case .tooLarge(let limit): "word/document.xml inflates past \(limit >> 20) MB (zip bomb?)"
            case .damaged(let reason): "damaged .docx: \(reason)"
            case .invalidXML: "word/document.xml is not well-formed XML"
            case .tooManyElements(let limit): "word/document.xml has more than \(limit) text and table elements, more than a report has"
            case .tooMuchText(let limit): "word/document.xml holds more than \(limit >> 20) MB of text, more than a report ever needs"
            case .tooDeep(let limit): "word/document.xml nests elements deeper than \(limit) levels (damaged or hostile file?)"
            }
        }
    }

    /// More entries than any real Word document holds.
    static let maximumEntries = 2_000
    /// The most `word/document.xml` may inflate to: a bound on the time spent
    /// inflating and parsing. Memory is bounded by ``DOCXTreeBuilder`` instead,
    /// since the XML streams into it and is never held whole.
    static let maximumDocumentSize = 64 << 20

    public static func read(_ bytes: [UInt8]) throws(Failure) -> Document {
        let tree = bytes.withUnsafeBytes { buffer in Result { () throws(Failure) in try documentTree(buffer) } }
        return DOCXBodyWalker.document(try tree.get())
    }

    /// `word/document.xml`, inflated chunk by chunk straight into a ``DOCXTreeBuilder``.
    static func documentTree(_ bytes: UnsafeRawBufferPointer) throws(Failure) -> DOCXTree {
        do {
            _ = try ZIPLayout.check(bytes, maximumEntries: maximumEntries)
        } catch .tooManyEntries(let count) {
            throw .tooManyEntries(count)
        } catch .noEndRecord {
            throw .notAnArchive
        } catch {
            throw .damaged(error.description)
        }
        guard let base = bytes.baseAddress else { throw .notAnArchive }
        // The archive reads the caller's bytes in place: no copy of a large file.
        let data = Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: bytes.count, deallocator: .none)
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw .notAnArchive
        }
        guard let entry = archive["word/document.xml"] else { throw .noDocumentPart }
        if entry.uncompressedSize > UInt64(maximumDocumentSize) { throw .tooLarge(limit: maximumDocumentSize) }
        let builder = DOCXTreeBuilder()
        var inflated = 0
        do {
            // The header's size can lie: count what actually inflates.
            _ = try archive.extract(entry, bufferSize: 1 << 16, skipCRC32: false) { chunk in
                inflated += chunk.count
                if inflated > maximumDocumentSize { throw Failure.tooLarge(limit: maximumDocumentSize) }
                _ = chunk.withUnsafeBytes { builder.feed($0) }
                if builder.failure != nil { throw Failure.invalidXML }
            }
        } catch let failure as Failure {
            if builder.failure == nil { throw failure }
        } catch {
            throw .damaged("\(error)")
        }
        switch builder.finish() {
        case .success(let tree): return tree
        case .failure(.tooManyElements): throw .tooManyElements(DOCXTreeBuilder.maximumElements)
        case .failure(.tooDeep): throw .tooDeep(DOCXTreeBuilder.maximumDepth)
        case .failure(.tooMuchText): throw .tooMuchText(ReportParser.maximumTextSize)
        case .failure(.invalidXML): throw .invalidXML
        }
    }
}
