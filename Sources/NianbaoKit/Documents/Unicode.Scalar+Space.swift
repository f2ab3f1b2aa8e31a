extension Unicode.Scalar {
    /// `properties.isWhitespace`, answered without the property tables for
    /// ASCII and CJK ideographs, which are nearly all of a report's text.
    var isSpace: Bool {
        switch value {
        case 0x09...0x0D, 0x20: return true
        case 0x21...0x7E, 0x4E00...0x9FFF: return false
        default: return properties.isWhitespace
        }
    }
}
