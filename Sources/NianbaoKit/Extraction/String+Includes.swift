/// Substring search on UTF-8 bytes. Foundation's `contains` goes through
/// NSString with locale-aware folding, which profiling showed as the largest
/// single cost of extraction; UTF-8 is self-synchronising, so a byte match
/// is always a match of whole characters.
extension StringProtocol {
    func includes(_ needle: String) -> Bool {
        let needle = Array(needle.utf8)
        guard let first = needle.first else { return true }
        let haystack = Array(utf8)
        guard haystack.count >= needle.count else { return false }
        var index = 0
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first, haystack[index..<index + needle.count].elementsEqual(needle) { return true }
            index += 1
        }
        return false
    }
}
