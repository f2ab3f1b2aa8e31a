/// Running totals, `width` numbers per key, in one flat array: summing
/// hundreds of thousands of rows into a dictionary of arrays copied an array
/// on every write.
struct SlotTable<Key: Hashable> {
    let width: Int
    /// Where each key's numbers start in `values`.
    private(set) var slots: [Key: Int] = [:]
    var values: [Int64] = []

    init(width: Int) { self.width = width }

    /// The start of `key`'s numbers, zeros for a new key.
    mutating func slot(_ key: Key) -> Int {
        if let known = slots[key] { return known }
        let slot = values.count
        slots[key] = slot
        values += [Int64](repeating: 0, count: width)
        return slot
    }
}
