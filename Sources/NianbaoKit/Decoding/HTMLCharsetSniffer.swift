/// Finds the encoding an HTML page declares (`<meta charset>` or
/// `http-equiv="Content-Type" content="…; charset=…"`) in its first bytes,
/// before any decoding: the declaration itself is always ASCII.
public enum HTMLCharsetSniffer {
    /// Bytes searched for a declaration.
    static let window = 4096

    /// The declared encoding label (`gb2312`, `utf-8`…), if any.
    public static func declaredLabel(_ bytes: [UInt8]) -> String? {
        let head = String(decoding: bytes.prefix(window).map { $0 < 0x80 ? $0 : 0x20 }, as: UTF8.self).lowercased()
        var searchStart = head.startIndex
        while let meta = head.range(of: "<meta", range: searchStart..<head.endIndex) {
            let end = head[meta.upperBound...].firstIndex(of: ">") ?? head.endIndex
            let tag = head[meta.upperBound..<end]
            if let charset = tag.range(of: "charset") {
                var rest = tag[charset.upperBound...].drop { $0 == " " }
                if rest.first == "=" {
                    rest = rest.dropFirst().drop { $0 == " " || $0 == "\"" || $0 == "'" }
                    let label = rest.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
                    if !label.isEmpty { return String(label) }
                }
            }
            searchStart = end
        }
        return nil
    }

    /// The declared encoding, when nianbao knows it (GB2312 and GBK read as GB18030).
    public static func declaredEncoding(_ bytes: [UInt8]) -> TextEncoding? {
        declaredLabel(bytes).flatMap(TextEncoding.init(label:))
    }
}
