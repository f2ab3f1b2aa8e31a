/// A file format, told by content first and by extension second.
public enum DocumentFormat: String, Sendable, Codable, CaseIterable {
    case text
    case html
    case pdf
    case docx
    /// A legacy Word (.doc) or WPS file: an OLE compound binary.
    case ole

    /// Detects the format of `bytes` from their first bytes (`%PDF`, a ZIP
    /// holding a Word document, OLE's signature, HTML markup); anything else is text.
    public static func detect(_ bytes: [UInt8]) -> DocumentFormat {
        if bytes.starts(with: Array("%PDF".utf8)) { return .pdf }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .docx }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .ole }
        // A UTF-16 page: its markup is every other byte.
        let isUTF16 = bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
        let ascii = isUTF16 ? bytes.prefix(4096).filter { $0 != 0 && $0 < 0x80 } : Array(bytes.prefix(2048))
        // The markers are ASCII: lower-casing the ASCII letters is enough.
        let head = String(decoding: ascii.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }, as: UTF8.self)
        let markers = ["<!doctype html", "<html", "<head", "<body", "<table", "<meta", "<div", "<p>", "<p "]
        let firstMarkup = head.drop { $0.isWhitespace || $0 == "\u{FEFF}" || (isUTF16 && !$0.isASCII) }
        if firstMarkup.hasPrefix("<"), markers.contains(where: head.includes) { return .html }
        return .text
    }
}
