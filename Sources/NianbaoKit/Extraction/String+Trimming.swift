extension StringProtocol {
    /// `trimmingCharacters(in: .whitespaces)` without Foundation: the scalars
    /// of that set (``Unicode/Scalar/isSpaceSeparatorOrTab``) at both ends
    /// removed, scalar by scalar as Foundation does. Text readers trim every line; going through
    /// NSString for it was a visible cost of reading text files.
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isSpaceSeparatorOrTab }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.isSpaceSeparatorOrTab })!
        return String(decoding: utf8[first..<scalars.index(after: last)], as: UTF8.self)
    }
}

extension Unicode.Scalar {
    /// In `CharacterSet.whitespaces` as swift-corelibs-foundation has it: category Zs, a tab, and U+200B.
    var isSpaceSeparatorOrTab: Bool {
        switch value {
        case 0x09, 0x20, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }
}
