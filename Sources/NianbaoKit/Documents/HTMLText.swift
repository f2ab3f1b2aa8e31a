/// Text of HTML content as a reader sees it: whitespace runs (including
/// `&nbsp;` and the newlines of the source) collapsed to one space, `<br>` and
/// block elements inside a cell kept as line breaks.
enum HTMLText {
    /// `text` with each line collapsed and empty lines dropped.
    static func lines(text: String) -> String {
        var text = text
        return text.withUTF8 { lines(bytes: $0) }
    }

    /// UTF-8 `bytes` with each line collapsed and empty lines dropped.
    static func lines(bytes: some Collection<UInt8>) -> String {
        if let text = bytes.withContiguousStorageIfAvailable({ lines(bytes: $0) }) { return text }
        return Array(bytes).withUnsafeBufferPointer { lines(bytes: $0) }
    }

    private static func lines(bytes: UnsafeBufferPointer<UInt8>) -> String {
        // Most cells hold one line: no split and join for them.
        guard bytes.contains(0x0A) else { return collapse(bytes: bytes) }
        var lines: [String] = []
        var start = 0
        for index in bytes.indices where bytes[index] == 0x0A {
            // "\r\n" is one character, not a line break: it collapses to a space within the line.
            if index > 0 && bytes[index - 1] == 0x0D { continue }
            lines.append(collapse(bytes: UnsafeBufferPointer(rebasing: bytes[start..<index])))
            start = index + 1
        }
        lines.append(collapse(bytes: UnsafeBufferPointer(rebasing: bytes[start...])))
        return lines.filter { !$0.isEmpty }.joined(separator: "\n")
    }

    /// Runs of whitespace (ASCII, no-break space, ideographic space kept apart)
    /// become one space; ends are trimmed.
    static func collapse(_ text: String) -> String {
        var text = text
        return text.withUTF8 { collapse(bytes: $0) }
    }

    /// ``collapse(_:)`` of UTF-8 `bytes`, scalar by scalar on the bytes: a
    /// page's text is collapsed once per paragraph and cell, without
    /// iterating characters (grapheme breaking was a visible cost).
    static func collapse(bytes: UnsafeBufferPointer<UInt8>) -> String {
        // Collapsing never lengthens the text: written straight into the string's storage.
        String(unsafeUninitializedCapacity: bytes.count) { result in
            var count = 0
            var pendingSpace = false
            var index = 0
            while index < bytes.count {
                let lead = bytes[index]
                let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
                let end = min(index + length, bytes.count)
                let isSpace: Bool
                if lead < 0x80 {
                    isSpace = (0x09...0x0D).contains(lead) || lead == 0x20
                } else {
                    var scalar = UInt32(lead) & (0xFF >> (length + 1))
                    for byte in bytes[(index + 1)..<end] { scalar = scalar << 6 | UInt32(byte & 0x3F) }
                    isSpace = scalar != 0x3000 && (Unicode.Scalar(scalar)?.isSpace ?? false)
                }
                if isSpace {
                    pendingSpace = count > 0
                } else {
                    if pendingSpace {
                        result[count] = 0x20
                        count += 1
                    }
                    pendingSpace = false
                    for byte in bytes[index..<end] {
                        result[count] = byte
                        count += 1
                    }
                }
                index = end
            }
            return count
        }
    }
}
