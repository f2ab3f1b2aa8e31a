import Foundation

/// The form bureau names are compared in: Unicode NFKC (full-width brackets,
/// letters and digits become ASCII) with every whitespace removed.
///
/// Titles wrap and get padded ("山亭区 应急局"), and OCR and Word exports mix
/// full- and half-width brackets ("市场监管局（知识产权局）"), so the alias
/// table and the division lookup both match on this key. It is a key only:
/// the names a user sees are never rewritten.
enum BureauNameKey {
    static func make(_ name: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in name.nfkc.unicodeScalars
        where !scalar.properties.isWhitespace && scalar != "\u{200B}" && scalar != "\u{FEFF}" {
            result.append(scalar)
        }
        return String(result)
    }
}
