extension String {
    /// The lines of the text exactly as splitting its Characters at "\n" and
    /// "\r\n" gives them (empty lines kept), found on the bytes: a "\n" is
    /// always a Character boundary except inside "\r\n" ("\r\n" is one
    /// Character in Swift, so Windows files read the same). Readers split
    /// every text file into lines; grapheme breaking the whole text for it
    /// was a visible cost.
    var lineSlices: [Substring] {
        var lines: [Substring] = []
        let utf8 = self.utf8
        var start = utf8.startIndex
        while true {
            let newline = utf8[start...].firstIndex(of: 0x0A)
            var end = newline ?? utf8.endIndex
            // The "\r" of a "\r\n" separator.
            if newline != nil, end > start, utf8[utf8.index(before: end)] == 0x0D { end = utf8.index(before: end) }
            lines.append(self[start..<end])
            guard let newline else { return lines }
            start = utf8.index(after: newline)
        }
    }
}
