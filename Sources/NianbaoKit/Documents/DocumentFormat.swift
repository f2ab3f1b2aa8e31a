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
        let head = String(decoding: bytes.prefix(2048), as: UTF8.self).lowercased()
        let markers = ["<!doctype html", "<html", "<head", "<body", "<table", "<meta", "<div", "<p>", "<p "]
        let firstMarkup = head.drop { $0.isWhitespace || $0 == "\u{FEFF}" }
        if firstMarkup.hasPrefix("<"), markers.contains(where: head.contains) { return .html }
        return .text
    }
}
