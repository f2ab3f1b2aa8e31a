extension Unicode.Scalar {
    /// CJK ideographs and punctuation, full-width forms: text written without
    /// spaces, two columns wide in fixed-width text.
    var isCJK: Bool {
        (0x2E80...0x9FFF).contains(value) || (0xF900...0xFAFF).contains(value) || (0xFF00...0xFFEF).contains(value)
            || (0x20000...0x2FFFF).contains(value)
    }
}

extension Character {
    /// Columns the character takes in fixed-width text (`pdftotext -layout`).
    var displayWidth: Int {
        switch self {
        case "\t": 2
        default: unicodeScalars.first.map { $0.isCJK || $0 == "\u{3000}" ? 2 : 1 } ?? 1
        }
    }
}
