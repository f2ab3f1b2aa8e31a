/// The statistics-period and publication-date patterns of
/// ``MetadataExtractor`` scanned by hand, for text where a scalar is a
/// character and a digit is ASCII (``isSimple(_:)``): compacted report lines
/// nearly always are. There the scan finds exactly what the `Regex` finds —
/// the leftmost match, alternatives and optional parts tried in the
/// pattern's order — without the regex engine's cost on every report; other
/// text goes to the `Regex`, which stays the definition (the tests compare
/// the two on random lines).
enum MetadataScanner {
    /// ASCII (no control characters), CJK ideographs, CJK punctuation and
    /// full-width forms other than digits only: no scalar combines with its
    /// neighbour into one character, and the only decimal digits are ASCII.
    static func isSimple(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            switch scalar.value {
            case 0x20...0x7E, 0x3000...0x303F, 0x4E00...0x9FFF, 0xFF01...0xFF0F, 0xFF1A...0xFF5E: true
            default: false
            }
        }
    }

    /// `统计(?:期限|时限|期间|时间|区间|周期|期)?[^。；;]{0,16}?(?<year>(?:19|20)\d{2})年0?1月0?1日`: the year.
    static func periodYear(_ text: String) -> Int? {
        let chars = Array(text.unicodeScalars)
        for start in chars.indices.dropLast() where chars[start] == "统" && chars[start + 1] == "计" {
            for word in periodWords where starts(chars, at: start + 2, with: word) {
                let from = start + 2 + word.count
                var skipped = 0
                while true {
                    if let year = januaryFirst(chars, at: from + skipped) { return year }
                    guard skipped < 16, from + skipped < chars.count, !"。；;".unicodeScalars.contains(chars[from + skipped]) else { break }
                    skipped += 1
                }
            }
        }
        return nil
    }

    /// `(?:发布日期|…)[:：]?(?<y>(?:19|20)\d{2})[-年/.](?<m>\d{1,2})[-月/.](?<d>\d{1,2})`: "y-m-d".
    static func date(_ text: String) -> String? {
        let chars = Array(text.unicodeScalars)
        for start in chars.indices {
            guard let word = dateWords.first(where: { starts(chars, at: start, with: $0) }) else { continue }
            var index = start + word.count
            if index < chars.count, chars[index] == ":" || chars[index] == "：" { index += 1 }
            guard let year = year(chars, at: index), index + 4 < chars.count, "-年/.".unicodeScalars.contains(chars[index + 4])
            else { continue }
            index += 5
            // The month takes two digits when a separator follows them, else one.
            var monthDigits = 0
            if digit(chars, index), digit(chars, index + 1), index + 2 < chars.count, "-月/.".unicodeScalars.contains(chars[index + 2]) {
                monthDigits = 2
            } else if digit(chars, index), index + 1 < chars.count, "-月/.".unicodeScalars.contains(chars[index + 1]) {
                monthDigits = 1
            } else {
                continue
            }
            let dayStart = index + monthDigits + 1
            guard digit(chars, dayStart) else { continue }
            let dayDigits = digit(chars, dayStart + 1) ? 2 : 1
            return "\(year)-" + String(String.UnicodeScalarView(chars[index..<(index + monthDigits)])) + "-"
                + String(String.UnicodeScalarView(chars[dayStart..<(dayStart + dayDigits)]))
        }
        return nil
    }

    /// The pattern's alternatives in its order, the empty one last (`?`).
    private static let periodWords: [[Unicode.Scalar]] = ["期限", "时限", "期间", "时间", "区间", "周期", "期", ""].map { Array($0.unicodeScalars) }
    private static let dateWords: [[Unicode.Scalar]] = ["发布日期", "公开日期", "发布时间", "成文日期", "印发日期", "发文日期"].map { Array($0.unicodeScalars) }

    private static func starts(_ chars: [Unicode.Scalar], at index: Int, with word: [Unicode.Scalar]) -> Bool {
        index + word.count <= chars.count && chars[index..<(index + word.count)].elementsEqual(word)
    }

    private static func digit(_ chars: [Unicode.Scalar], _ index: Int) -> Bool {
        index < chars.count && ("0"..."9").contains(chars[index])
    }

    /// `(?:19|20)\d{2}` at `index`.
    private static func year(_ chars: [Unicode.Scalar], at index: Int) -> Int? {
        guard (0..<4).allSatisfy({ digit(chars, index + $0) }),
            (chars[index] == "1" && chars[index + 1] == "9") || (chars[index] == "2" && chars[index + 1] == "0")
        else { return nil }
        return Int(String(String.UnicodeScalarView(chars[index..<(index + 4)])))
    }

    /// `(?:19|20)\d{2}年0?1月0?1日` at `index`: the year.
    private static func januaryFirst(_ chars: [Unicode.Scalar], at index: Int) -> Int? {
        guard let year = year(chars, at: index), index + 4 < chars.count, chars[index + 4] == "年" else { return nil }
        var next = index + 5
        for unit: Unicode.Scalar in ["月", "日"] {
            if starts(chars, at: next, with: ["0", "1"]) {
                next += 2
            } else if starts(chars, at: next, with: ["1"]) {
                next += 1
            } else {
                return nil
            }
            guard next < chars.count, chars[next] == unit else { return nil }
            next += 1
        }
        return year
    }
}
