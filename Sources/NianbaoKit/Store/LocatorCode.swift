/// A cell's locator packed into one integer, so the common locators cost a
/// few bytes per fact instead of twenty characters of text.
///
/// `paragraph L` is `-(L + 1)`; `table T, row R, cell C[, line L]` is
/// `(L + 1) << 22 | T << 16 | R << 6 | C` (line part 0 when there is no line).
/// A locator that does not fit (a 64th table, a 1 024th row, other wording)
/// is not packed: ``pack(_:)`` returns nil and the text is kept as written.
/// The `report_facts` view renders the integer back in SQL with the same layout.
enum LocatorCode {
    static func pack(_ text: String) -> Int64? {
        let packed: Int64?
        if text.hasPrefix("paragraph ") {
            packed = Int64(text.dropFirst("paragraph ".count)).flatMap { $0 >= 0 ? -($0 + 1) : nil }
        } else if text.hasPrefix("table ") {
            let parts = text.dropFirst("table ".count).split(separator: ",", omittingEmptySubsequences: false)
            guard parts.count == 3 || parts.count == 4 else { return nil }
            func number(_ part: Substring, _ prefix: String) -> Int64? {
                part.hasPrefix(prefix) ? Int64(part.dropFirst(prefix.count)) : nil
            }
            guard let table = Int64(parts[0]), let row = number(parts[1], " row "), let cell = number(parts[2], " cell "),
                (1..<64).contains(table), (0..<1024).contains(row), (0..<64).contains(cell)
            else { return nil }
            var line: Int64 = 0
            if parts.count == 4 {
                guard let value = number(parts[3], " line "), (0..<(1 << 40)).contains(value) else { return nil }
                line = value + 1
            }
            packed = line << 22 | table << 16 | row << 6 | cell
        } else {
            packed = nil
        }
        // Only what renders back to the same text is packed ("row 07" is not).
        return packed.flatMap { render($0) == text ? $0 : nil }
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
