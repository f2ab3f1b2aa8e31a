/// A cell's locator packed into one integer, so the common locators cost a
/// few bytes per fact instead of twenty characters of text.
///
/// `paragraph L` is `-(L + 1)`; `table T, row R, cell C[, line L]` is
/// `(L + 1) << 22 | T << 16 | R << 6 | C` (line part 0 when there is no line).
/// A locator that does not fit (a 64th table, a 1 024th row, other wording)
/// is not packed: ``pack(_:)`` returns nil and the text is kept as written.
/// The `report_facts` view renders the integer back in SQL with the same layout.
enum LocatorCode {
    /// The code of `text`, or nil when it does not pack. Scanned byte by byte
    /// (every stored cell passes here): only the exact wording ``render(_:)``
    /// writes is accepted — canonical numbers, no leading zeros or signs — so
    /// a packed locator always renders back to the same text.
    static func pack(_ text: String) -> Int64? {
        var text = text
        return text.withUTF8 { bytes in
            var scanner = Scanner(bytes: bytes)
            if scanner.skip("paragraph ") {
                guard let line = scanner.number(below: 1 << 40), scanner.atEnd else { return nil }
                return -(line + 1)
            }
            guard scanner.skip("table "), let table = scanner.number(below: 64), table >= 1,
                scanner.skip(", row "), let row = scanner.number(below: 1024),
                scanner.skip(", cell "), let cell = scanner.number(below: 64)
            else { return nil }
            var line: Int64 = 0
            if !scanner.atEnd {
                guard scanner.skip(", line "), let value = scanner.number(below: 1 << 40), scanner.atEnd else { return nil }
                line = value + 1
            }
            return line << 22 | table << 16 | row << 6 | cell
        }
    }

    /// Reads a locator's words and canonical decimal numbers from its UTF-8 bytes.
    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        var atEnd: Bool { index == bytes.count }

        /// Skips `word` (ASCII) when the text continues with it.
        mutating func skip(_ word: StaticString) -> Bool {
            let count = word.utf8CodeUnitCount
            guard bytes.count - index >= count else { return false }
            let start = word.utf8Start
            for offset in 0..<count where bytes[index + offset] != start[offset] { return false }
            index += count
            return true
        }

        /// A number as ``render(_:)`` writes it ("0", or digits without a leading zero) below `limit`.
        mutating func number(below limit: Int64) -> Int64? {
            let first = index
            var value: Int64 = 0
            while index < bytes.count, bytes[index] &- 0x30 < 10 {
                value = value * 10 + Int64(bytes[index] &- 0x30)
                guard value < limit else { return nil }
                index += 1
            }
            let digits = index - first
            guard digits > 0, digits == 1 || bytes[first] != 0x30 else { return nil }
            return value
        }
    }

    static func render(_ code: Int64) -> String {
        if code < 0 { return "paragraph \(-code - 1)" }
        var text = "table \((code >> 16) & 63), row \((code >> 6) & 1023), cell \(code & 63)"
        if code >> 22 > 0 { text += ", line \((code >> 22) - 1)" }
        return text
    }

    /// SQL rendering `column` as ``render(_:)`` does.
    static func sql(_ column: String) -> String {
        """
        CASE WHEN \(column) < 0 THEN 'paragraph ' || (-\(column) - 1)
             WHEN \(column) IS NOT NULL THEN 'table ' || ((\(column) >> 16) & 63) || ', row ' || ((\(column) >> 6) & 1023)
                  || ', cell ' || (\(column) & 63)
                  || CASE WHEN \(column) >> 22 > 0 THEN ', line ' || ((\(column) >> 22) - 1) ELSE '' END END
        """
    }
}
