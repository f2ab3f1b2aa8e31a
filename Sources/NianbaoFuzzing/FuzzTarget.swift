import Foundation
import NianbaoKit

/// One fuzz target: a reader, or the whole parse, fed arbitrary bytes
/// (`.ci/fuzz` runs each under libFuzzer; the regression tests replay every
/// input a fuzzer ever found through the same code).
///
/// Any outcome is a pass except a trap, a hang or runaway memory: a reader
/// must turn every byte sequence into a document or an error. Each reader
/// target also extracts and validates what it read, so the extractor meets
/// every shape of document a reader can produce.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// Tab-prefixed cell lines (DOCX converted to text).
    case text
    case html
    case markdown
    /// Columns separated by spaces (`pdftotext -layout`).
    case layout
    case docx
    /// poppler's word boxes (`pdftotext -bbox-layout` XHTML) read into tables
    /// by position: the PDF reader without the separate process.
    case pdf
    /// A crawler's text whose table cells ran together: the reader, and the
    /// extractor's splitting of digit runs by the identities (bounded search).
    case crawled
    /// `ReportParser.parse`: format detection, decoding, reading, extraction
    /// and validation, as `import` runs them (PDF excepted: pdftotext is a
    /// separate process, isolated by design).
    case parse

    private static let extractor = ReportExtractor()
    private static let validator = Validator()
    private static let parser = ReportParser()

    /// Runs the target on `bytes`.
    public func run(_ bytes: UnsafeRawBufferPointer) {
        switch self {
        case .text: Self.extract(PlainTextReader.read(Self.text(bytes)))
        case .html: Self.extract(HTMLReader.read(Self.text(bytes)))
        case .markdown: Self.extract(MarkdownReader.read(Self.text(bytes)))
        case .layout: Self.extract(LayoutTextReader.read(Self.text(bytes)))
        case .crawled: Self.extract(RunTogetherTextReader.read(Self.text(bytes), labels: Self.extractor.catalog.rowLabels))
        case .docx:
            if let document = try? DOCXReader.read(Array(bytes)) { Self.extract(document) }
        case .pdf:
            if let pages = try? PDFTextExtractor.pages(fromWordBoxes: Data(bytes)) { Self.extract(PDFLayoutReader.read(pages)) }
        case .parse:
            let array = Array(bytes)
            guard DocumentFormat.detect(array) != .pdf else { return }
            _ = try? Self.parser.parse(array, path: "fuzz-input")
        }
    }

    /// Bytes as UTF-8 text, invalid sequences replaced: the readers get text
    /// the decoder has already checked; the decoder itself is fuzzed by `parse`.
    private static func text(_ bytes: UnsafeRawBufferPointer) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    private static func extract(_ document: Document) {
        guard var report = try? extractor.extract(document) else { return }
        validator.validate(&report)
    }
}
