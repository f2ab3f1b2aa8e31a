import Foundation

extension StringProtocol {
    /// Unicode NFKC, as `precomposedStringWithCompatibilityMapping`, without
    /// Foundation for the text reports are made of.
    ///
    /// Every cell, label and metadata line is NFKC-normalised, and Foundation's
    /// normaliser (through NSString) was among the largest costs of extraction.
    /// Text made only of scalars that are their own NFKC form and never
    /// combine (ASCII, CJK unified ideographs, common CJK punctuation) plus the
    /// full-width ASCII forms (whose NFKC is exactly the ASCII character, and
    /// the ideographic space, whose NFKC is a space) is mapped scalar by
    /// scalar; anything else goes to Foundation whole, so the result is always
    /// exactly NFKC.
    var nfkc: String {
        var mapped: [UInt8] = []
        mapped.reserveCapacity(utf8.count)
        var changed = false
        for scalar in unicodeScalars {
            guard let normal = scalar.standaloneNFKC else { return String(self).precomposedStringWithCompatibilityMapping }
            UTF8.encode(normal) { mapped.append($0) }
            changed = changed || normal != scalar
        }
        return changed ? String(decoding: mapped, as: UTF8.self) : String(self)
    }
}

extension Unicode.Scalar {
    /// This scalar's NFKC when it is one by itself, whatever its neighbours:
    /// ASCII, CJK unified ideographs and common CJK punctuation (their own
    /// NFKC, and they never combine), the full-width ASCII forms (exactly the
    /// ASCII character) and the ideographic space (a space). Nil for any other
    /// scalar: its text needs Foundation's normaliser whole. The one table
    /// ``StringProtocol/nfkc``, ``StringProtocol/compactNFKC`` and
    /// ``LabelNormalizer`` map by.
    var standaloneNFKC: Unicode.Scalar? {
        switch value {
        case 0x20...0x7E, 0x09...0x0D, 0x4E00...0x9FFF, 0x3001...0x3002, 0x3008...0x3011, 0x2018...0x201D, 0x2014: self
        case 0xFF01...0xFF5E: Unicode.Scalar(value - 0xFEE0)
        case 0x3000: " "
        default: nil
        }
    }
}

extension StringProtocol {
    /// NFKC without any whitespace, zero-width space or byte-order mark: the
    /// form cells and titles are compared and parsed in.
    var compactNFKC: String {
        // Printable ASCII (most cells) is already compact.
        if utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) { return String(self) }
        // One pass for the scalars ``nfkc`` maps by themselves (spaces dropped as met).
        var compact: [UInt8] = []
        compact.reserveCapacity(utf8.count)
        for scalar in unicodeScalars {
            guard let normal = scalar.standaloneNFKC else {
                var result = String.UnicodeScalarView()
                for scalar in nfkc.unicodeScalars where !scalar.isSpace && scalar != "\u{200B}" && scalar != "\u{FEFF}" {
                    result.append(scalar)
                }
                return String(result)
            }
            if !normal.isSpace { UTF8.encode(normal) { compact.append($0) } }
        }
        return String(decoding: compact, as: UTF8.self)
    }
}
