import Foundation

/// Puts labels into one comparable form before any matching (report-format.md §2.3).
///
/// Only labels go through here: numbers and the stored raw text are never
/// rewritten. The steps: Unicode NFKC (full-width brackets and digits become
/// ASCII), removal of every whitespace and line break ("规 章", "本年新\n制作数量"),
/// one quote style, and one list separator, since "1.", "1．", "1、" and the
/// "，"/"、" of the （六） sub-rows all occur for the same label.
public enum LabelNormalizer {
    public static func normalize(_ label: String) -> String {
        let compatible = label.precomposedStringWithCompatibilityMapping
        var result = String.UnicodeScalarView()
        for scalar in compatible.unicodeScalars {
            if scalar.properties.isWhitespace || scalar == "\u{200B}" || scalar == "\u{FEFF}" { continue }
            switch scalar {
            case "“", "”", "„", "‟", "\"", "'", "‘", "’", "「", "」", "『", "』": result.append("\"")
            case "、", ",", ".", "。", "，", "．", "､": result.append("、")
            case "〔", "【", "[": result.append("(")
            case "〕", "】", "]": result.append(")")
            default: result.append(scalar)
            }
        }
        return String(result)
    }
}
