/// A prefix tree of names over Unicode scalars, for finding every name that
/// starts at a position of a bureau name in one walk (instead of building and
/// hashing a String for each candidate length).
struct NameTrie: Sendable {
    private var children: [[Unicode.Scalar: Int]] = [[:]]
    private var values: [[Int]] = [[]]

    mutating func insert(_ key: String, values newValues: [Int]) {
        var node = 0
        for scalar in key.unicodeScalars {
            if let next = children[node][scalar] {
                node = next
            } else {
                children.append([:])
                values.append([])
                children[node][scalar] = children.count - 1
                node = children.count - 1
            }
        }
        values[node] += newValues
    }

    /// The names starting at `start` of `scalars`, longest first: their
    /// length in scalars and the values stored under them.
    func prefixes(of scalars: [Unicode.Scalar], from start: Int) -> [(length: Int, values: [Int])] {
        var found: [(length: Int, values: [Int])] = []
        var node = 0
        var position = start
        while position < scalars.count, let next = children[node][scalars[position]] {
            node = next
            position += 1
            if !values[node].isEmpty { found.append((position - start, values[node])) }
        }
        return found.reversed()
    }
}
