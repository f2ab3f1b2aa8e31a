import Crypto
import Foundation

/// One file's way from bytes to a validated report: detect the format,
/// decode, read, extract, validate (architecture.md, the one-way pipeline).
///
/// Pure and independent per file, so files can be parsed concurrently; only
/// storing needs the database.
public struct ReportParser: Sendable {
    /// Files larger than this are refused before reading: no report is that big,
    /// and a hostile file must not exhaust memory.
    public static let maximumFileSize = 64 << 20
    /// The most text (UTF-8 bytes) a report's page, text file or PDF text
    /// layer may hold: the longest real report is a few hundred kilobytes,
    /// and a reader's working set grows with its text (libxml2's tree of a
    /// page is 10–20 times its size). Inline images (`data:` URIs) do not
    /// count. With ``DOCXTreeBuilder``'s caps and ``CellBudget`` this bounds
    /// what one file can cost.
    public static let maximumTextSize = 4 << 20

    public let extractor: ReportExtractor
    public let validator: Validator

    public init(catalog: MetricCatalog = .standard) {
        extractor = ReportExtractor(catalog: catalog)
        validator = Validator(catalog: catalog)
    }

    /// Lower-case hex SHA-256 of `bytes`.
    public static func sha256(_ bytes: [UInt8]) -> String {
        let digest = SHA256.hash(data: bytes)
        // Hex by table: String(format:) per byte cost more than hashing a page.
        let hex = Array("0123456789abcdef".utf8)
        return String(unsafeUninitializedCapacity: 64) { buffer in
            var count = 0
            for byte in digest {
                buffer[count] = hex[Int(byte >> 4)]
                buffer[count + 1] = hex[Int(byte & 0x0F)]
                count += 2
            }
            return count
        }
    }

    /// Reads a file from disk, refusing unreadable and oversized files.
    public static func readFile(at path: String) throws(ImportFailure) -> [UInt8] {
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: path)
        } catch {
            throw ImportFailure(path: path, reason: "cannot read: no such file or not accessible")
        }
        if let size = attributes[.size] as? Int, size > maximumFileSize {
            throw ImportFailure(
                path: path, reason: "file is \(size >> 20) MB, larger than the \(maximumFileSize >> 20) MB limit")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ImportFailure(path: path, reason: "cannot read: permission denied")
        }
        defer { try? handle.close() }
        do {
            let data = try handle.read(upToCount: maximumFileSize + 1) ?? Data()
            guard data.count <= maximumFileSize else {
                throw ImportFailure(path: path, reason: "file is larger than the \(maximumFileSize >> 20) MB limit")
            }
            return [UInt8](data)
        } catch let failure as ImportFailure {
            throw failure
        } catch {
            throw ImportFailure(path: path, reason: "cannot read: \(error.localizedDescription)")
        }
    }

    /// Refuses text longer than ``maximumTextSize``.
    static func checkTextSize(_ count: Int, path: String) throws(ImportFailure) {
        guard count > maximumTextSize else { return }
        throw ImportFailure(
            path: path,
            reason: "holds \((count + (1 << 19)) >> 20) MB of text, more than the \(maximumTextSize >> 20) MB a report ever needs (not a report?)")
    }

    /// Parses and validates the report in `bytes`.
    public func parse(
        _ bytes: [UInt8], path: String, sha256: String? = nil, options: ImportOptions = .init()
    ) throws(ImportFailure) -> ParsedReport {
        let format = DocumentFormat.detect(bytes)
        let (document, encoding, layout) = try read(bytes, format: format, path: path, options: options)
        var report: ExtractedReport
        do {
            report = try extractor.extract(document, options: options.extraction(for: path))
        } catch {
            throw ImportFailure(path: path, reason: error.description)
        }
        validator.validate(&report)
        let source = SourceFile(
            path: path, sha256: sha256 ?? Self.sha256(bytes), format: format, layout: layout, encoding: encoding)
        return ParsedReport(report: report, source: source)
    }

    /// Reads `bytes` into a ``Document`` with the reader for `format` (public
    /// for the benchmark's per-phase timing).
    public func read(
        _ bytes: [UInt8], format: DocumentFormat, path: String, options: ImportOptions
    ) throws(ImportFailure) -> (Document, TextEncoding?, TextLayout?) {
        switch format {
        case .text, .html:
            let declared = format == .html ? HTMLCharsetSniffer.declaredEncoding(bytes) : nil
            // Inline images are never read: a page that is large only through them is not large.
            let bytes = format == .html && bytes.count > Self.maximumTextSize ? InlineImages.removed(from: bytes) : bytes
            // Decoding makes UTF-8 at most 1.5 times the bytes (GB18030, UTF-16): refuse what cannot fit before it.
            if bytes.count * 2 / 3 > Self.maximumTextSize {
                throw ImportFailure(
                    path: path,
                    reason: "is \((bytes.count + (1 << 19)) >> 20) MB of text\(format == .html ? " and markup (inline images aside)" : ""), "
                        + "more than the \(Self.maximumTextSize >> 20) MB a report ever needs (not a report?)")
            }
            let decoded: DecodedText
            do {
                decoded = try TextDecoder.decode(bytes, forced: options.encoding, declared: declared)
            } catch {
                throw ImportFailure(path: path, reason: error.description)
            }
            try Self.checkTextSize(decoded.text.utf8.count, path: path)
            if format == .html { return (HTMLReader.read(decoded.text), decoded.encoding, nil) }
            let layout = TextLayout.detect(decoded.text)
            return (layout.read(decoded.text, labels: extractor.catalog.rowLabels), decoded.encoding, layout)
        case .pdf:
            let pages: PDFPages
            do {
                pages = try PDFTextExtractor.words(of: bytes, path: path)
            } catch {
                throw ImportFailure(path: path, reason: error.description)
            }
            return (PDFLayoutReader.read(pages), nil, nil)
        case .ole:
            throw ImportFailure(path: path, reason: "legacy .doc/.wps (OLE) file: convert to DOCX or PDF first")
        case .docx:
            do {
                return (try DOCXReader.read(bytes), nil, nil)
            } catch {
                throw ImportFailure(path: path, reason: error.description)
            }
        }
    }
}
