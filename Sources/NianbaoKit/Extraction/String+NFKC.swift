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
            switch scalar.value {
            case 0x20...0x7E, 0x09...0x0D, 0x4E00...0x9FFF, 0x3001...0x3002, 0x3008...0x3011, 0x2018...0x201D, 0x2014:
                UTF8.encode(scalar) { mapped.append($0) }
            case 0xFF01...0xFF5E:
                mapped.append(UInt8(scalar.value - 0xFEE0))
                changed = true
            case 0x3000:
                mapped.append(0x20)
                changed = true
            default:
                return String(self).precomposedStringWithCompatibilityMapping
            }
        }
        return changed ? String(decoding: mapped, as: UTF8.self) : String(self)
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
            switch scalar.value {
            case 0x09...0x0D, 0x20, 0x3000:
                continue
            case 0x21...0x7E, 0x4E00...0x9FFF, 0x3001...0x3002, 0x3008...0x3011, 0x2018...0x201D, 0x2014:
                UTF8.encode(scalar) { compact.append($0) }
            case 0xFF01...0xFF5E:
                compact.append(UInt8(scalar.value - 0xFEE0))
            default:
                var result = String.UnicodeScalarView()
                for scalar in nfkc.unicodeScalars where !scalar.isSpace && scalar != "\u{200B}" && scalar != "\u{FEFF}" {
                    result.append(scalar)
                }
                return String(result)
            }
        }
        return String(decoding: compact, as: UTF8.self)
    }
}
