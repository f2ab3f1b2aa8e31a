import Foundation
import NianbaoKit
#if canImport(Glibc)
import Glibc
#endif

/// The character set a rendered page declares and is written in.
///
/// `.gb2312` reproduces the old-CMS case of report-format.md §11.3: the page
/// declares `charset=gb2312` but its bytes are GB18030 (a superset, so
/// traditional characters and pinyin tone marks fit). The importer must decode
/// it as GB18030 and say so in `SourceFile.encoding`.
public enum HTMLCharset: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    case gb2312 = "gb2312"

    /// The `<meta>` element that declares the charset, in the style each kind of page uses.
    var metaElement: String {
        switch self {
        case .utf8: #"<meta charset="utf-8">"#
        case .gb2312: #"<meta http-equiv="Content-Type" content="text/html; charset=gb2312">"#
        }
    }

    /// `text` as bytes in this charset.
    func encode(_ text: String) -> [UInt8] {
        switch self {
        case .utf8: Array(text.utf8)
        case .gb2312: Self.gb18030(text)
        }
    }

    /// Strict UTF-8 → GB18030 through glibc iconv: no `//TRANSLIT`, no
    /// `//IGNORE`. GB18030 encodes every Unicode scalar, so a failure is a
    /// broken iconv and stops the program rather than writing a wrong page.
    static func gb18030(_ text: String) -> [UInt8] {
        let converter = iconv_open("GB18030", "UTF-8")
        precondition(converter != iconv_t(bitPattern: -1), "glibc iconv has no GB18030 converter")
        defer { iconv_close(converter) }
        var input = Array(text.utf8)
        // GB18030 needs at most 4 bytes per scalar, UTF-8 at least 1.
        var output = [UInt8](repeating: 0, count: input.count * 4 + 16)
        let produced: Int = input.withUnsafeMutableBytes { inRaw in
            output.withUnsafeMutableBytes { outRaw in
                var inPointer = inRaw.baseAddress?.assumingMemoryBound(to: CChar.self)
                var inLeft = inRaw.count
                var outPointer = outRaw.baseAddress?.assumingMemoryBound(to: CChar.self)
                var outLeft = outRaw.count
                let status = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                precondition(status != -1 && inLeft == 0, "iconv UTF-8 → GB18030 failed (errno \(errno))")
                return outRaw.count - outLeft
            }
        }
        return Array(output[..<produced])
    }
}
