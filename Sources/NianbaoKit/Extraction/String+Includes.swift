/// Substring search on UTF-8 bytes. Foundation's `contains` goes through
/// NSString with locale-aware folding, which profiling showed as the largest
/// single cost of extraction; UTF-8 is self-synchronising, so a byte match
/// is always a match of whole characters.
extension StringProtocol {
    func includes(_ needle: String) -> Bool { firstByteOffset(of: needle) != nil }

    /// Where `needle` first occurs, in UTF-8 bytes from the start (0 for an empty needle).
    func firstByteOffset(of needle: String) -> Int? {
        var needle = needle
        return needle.withUTF8 { needle in
            guard let first = needle.first else { return 0 }
            let found = utf8.withContiguousStorageIfAvailable { Self.search($0, first, needle) }
            return found ?? Self.search(Array(utf8), first, needle)
        }
    }

    private static func search<C: RandomAccessCollection<UInt8>>(
        _ haystack: C, _ first: UInt8, _ needle: UnsafeBufferPointer<UInt8>
    ) -> Int? where C.Index == Int {
        guard haystack.count >= needle.count else { return nil }
        let start = haystack.startIndex
        let last = start + haystack.count - needle.count
        var index = start
        while index <= last {
            if haystack[index] == first {
                var k = 1
                while k < needle.count && haystack[index + k] == needle[k] { k += 1 }
                if k == needle.count { return index - start }
            }
            index += 1
        }
        return nil
    }
}
