import Foundation
import Synchronization

/// Puts labels into one comparable form before any matching (report-format.md §2.3, §11.3).
///
/// Only labels go through here: numbers and the stored raw text are never
/// rewritten. The steps: Unicode NFKC (full-width brackets and digits become
/// ASCII); pinyin glosses of mirror copies dropped ("鎮(zhèn)"); traditional
/// characters made simplified (ICU's Hant-Hans transform); every whitespace
/// and line break removed ("规 章", "本年新\n制作数量"); one quote style; and
/// one list separator, since "1.", "1．", "1、" and the "，"/"、" of the （六）
/// sub-rows all occur for the same label.
public enum LabelNormalizer {
    /// Results by input: labels repeat across rows and reports, and the
    /// traditional-to-simplified transform is the costly step.
    private static let cache = Mutex<[String: String]>([:])
    private static let cacheLimit = 20_000

    public static func normalize(_ label: String) -> String {
        if let cached = cache.withLock({ $0[label] }) { return cached }
        let result = compute(label)
        cache.withLock { cache in
            if cache.count >= cacheLimit { cache.removeAll(keepingCapacity: true) }
            cache[label] = result
        }
        return result
    }

    /// The CJK characters ICU's Hant-Hans transform changes, found once by
    /// transforming the whole unified-ideograph block: most labels hold none,
    /// and skipping the transform for them is most of the cost of normalising.
    /// One bit per scalar of the block, so the check costs a shift, not a hash.
    static let traditional: [Bool] = {
        let block = (0x4E00...0x9FFF).compactMap(Unicode.Scalar.init)
        let source = String(String.UnicodeScalarView(block))
        guard let simplified = source.applyingTransform(StringTransform("Hant-Hans"), reverse: false),
            simplified.unicodeScalars.count == block.count
        else { return Array(repeating: true, count: block.count) }  // cannot tell: transform everything, as before
        return zip(block, simplified.unicodeScalars).map { $0 != $1 }
    }()

    /// Whether ICU's Hant-Hans transform changes `scalar`.
    static func isTraditional(_ scalar: Unicode.Scalar) -> Bool {
        (0x4E00...0x9FFF).contains(scalar.value) && traditional[Int(scalar.value) - 0x4E00]
    }

    /// ``normalize(_:)`` without the cache, for whole lines and rows that rarely repeat.
    static func compute(_ label: String) -> String {
        computeSimple(label) ?? computeGeneral(label)
    }

    /// ``computeGeneral(_:)`` on UTF-8 for the labels and lines nearly all
    /// reports are made of: every scalar one that NFKC maps by itself
    /// (``Unicode/Scalar/standaloneNFKC``) and no traditional character after
    /// mapping. Nil for any other text, which takes the general steps; the
    /// result is the same, step for step.
    static func computeSimple(_ label: String) -> String? {
        var mapped: [Unicode.Scalar] = []
        mapped.reserveCapacity(label.utf8.count)
        let traditional = Self.traditional
        for original in label.unicodeScalars {
            guard let scalar = original.standaloneNFKC,
                !((0x4E00...0x9FFF).contains(scalar.value) && traditional[Int(scalar.value) - 0x4E00])
            else { return nil }
            mapped.append(scalar)
        }
        var result: [UInt8] = []
        result.reserveCapacity(label.utf8.count)
        for scalar in withoutPinyin(mapped) {
            if let canonical = canonical(scalar) { UTF8.encode(canonical) { result.append($0) } }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// The general steps: NFKC, pinyin glosses, traditional characters, spaces, quotes and separators.
    static func computeGeneral(_ label: String) -> String {
        var text = withoutPinyin(label.nfkc)
        if text.unicodeScalars.contains(where: isTraditional) {
            text = text.applyingTransform(StringTransform("Hant-Hans"), reverse: false) ?? text
        }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if let canonical = canonical(scalar) { result.append(canonical) }
        }
        return String(result)
    }

    /// A scalar of a normalised label: nil for whitespace and zero-width
    /// characters (dropped), one quote style, one list separator, one bracket style.
    static func canonical(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        if scalar.isSpace || scalar == "\u{200B}" || scalar == "\u{FEFF}" { return nil }
        switch scalar {
        case "“", "”", "„", "‟", "\"", "'", "‘", "’", "「", "」", "『", "』": return "\""
        case "、", ",", ".", "。", "，", "．", "､": return "、"
        case "〔", "【", "[": return "("
        case "〕", "】", "]": return ")"
        default: return scalar
        }
    }

    /// Removes pinyin glosses: "(" + 1–8 Latin letters (tone marks included) + ")".
    ///
    /// Works on scalars: NFKC has composed every tone mark with its letter, so
    /// a letter is one scalar, and a combining mark ends the run as before.
    static func withoutPinyin(_ text: String) -> String {
        guard text.includes("(") else { return text }
        return String(String.UnicodeScalarView(withoutPinyin(Array(text.unicodeScalars))))
    }

    /// ``withoutPinyin(_:)`` of scalars.
    static func withoutPinyin(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        guard scalars.contains("(") else { return scalars }
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(scalars.count)
        var index = 0
        while index < scalars.count {
            if scalars[index] == "(" {
                var end = index + 1
                while end < scalars.count, isPinyinLetter(scalars[end]) { end += 1 }
                let letters = end - index - 1
                if (1...8).contains(letters), end < scalars.count, scalars[end] == ")" {
                    index = end + 1
                    continue
                }
            }
            result.append(scalars[index])
            index += 1
        }
        return result
    }

    private static func isPinyinLetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || (0xC0...0x24F).contains(scalar.value)
    }
}
