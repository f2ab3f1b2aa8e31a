import Foundation

/// A span attribute's text (`rowspan`, `colspan`, `w:gridSpan`) as a count.
enum SpanAttribute {
    /// A count from 1 to `limit`: leading digits only ("2px" is 2), 1 when
    /// absent or unreadable.
    static func count(_ text: String?, limit: Int) -> Int {
        guard let text else { return 1 }
        let digits = text.trimmingSpaces.prefix { $0.isASCIIDigit }
        return min(max(Int(digits) ?? 1, 1), limit)
    }
}
