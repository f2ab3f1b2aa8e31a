/// Places the numbers of a row that shows fewer numbers than columns —
/// flattened text and PDF layouts drop blank cells — only where the
/// identities decide it (issue: "ambiguity rule").
///
/// Every order-preserving placement of the row's numbers into its columns is
/// tried, the other columns blank; a placement survives when no identity that
/// can be evaluated fails. Exactly one survivor is the row; otherwise the row
/// stays ambiguous. Rows are retried while others get placed, since a placed
/// row can make a column identity of another row decidable.
struct ShortRowPlacer {
    /// A matched row whose numbers lost their columns.
    struct Pending {
        let keys: [String]
        let row: ObservedRow
    }

    let identities: [Identity]
    let catalog: MetricCatalog
    /// The keys each identity reads, as sets: every pending row asks which identities it touches.
    private let identityKeys: [Set<String>]

    init(identities: [Identity], catalog: MetricCatalog) {
        self.identities = identities
        self.catalog = catalog
        identityKeys = identities.map { Set($0.keys) }
    }

    /// Places what the identities decide into `cells`, marking the rest
    /// ambiguous; returns the rows placed and those left ambiguous.
    func place(_ pending: [Pending], into cells: inout [String: CellValue]) -> (placed: [Pending], ambiguous: [Pending]) {
        for item in pending {
            for (k, key) in item.keys.enumerated() {
                cells[key] = CellValue(
                    raw: item.row.values.map(\.text).joined(separator: " "), status: .ambiguous,
                    locator: item.row.locator(value: min(k, max(item.row.values.count - 1, 0))))
            }
        }
        var remaining = pending
        var placed: [Pending] = []
        var progress = true
        while progress {
            progress = false
            for (index, item) in remaining.enumerated().reversed() {
                guard let placement = uniquePlacement(item, cells) else { continue }
                for (key, cell) in placement { cells[key] = cell }
                placed.append(item)
                remaining.remove(at: index)
                progress = true
            }
        }
        return (placed, remaining)
    }

    /// The one placement of `item`'s numbers the identities allow, if exactly one.
    private func uniquePlacement(_ item: Pending, _ cells: [String: CellValue]) -> [String: CellValue]? {
        var numbers: [CellValue] = []
        for (k, value) in item.row.values.enumerated() {
            guard let metric = catalog.metric(item.keys[k]) else { return nil }
            var cell = ValueParser.parse(value.text, for: metric)
            guard cell.status == .reported || cell.status == .blank else { return nil }
            cell.locator = item.row.locator(value: k)
            cell.flags.append("placed_by_identities")
            numbers.append(cell)
        }
        guard !numbers.isEmpty, numbers.count < item.keys.count else { return nil }
        let relevant = zip(identities, identityKeys).filter { _, keys in item.keys.contains(where: keys.contains) }.map(\.0)
        var survivor: [String: CellValue]?
        // Every trial sets every key of the row, so one copy of the cells serves them all.
        var trial = cells
        for columns in Self.combinations(of: numbers.count, from: item.keys.count) {
            var placement: [String: CellValue] = [:]
            for (k, key) in item.keys.enumerated() {
                placement[key] = CellValue(raw: "", status: .blank, flags: ["placed_by_identities"])
                if let n = columns.firstIndex(of: k) { placement[key] = numbers[n] }
                trial[key] = placement[key]
            }
            let results = relevant.map { IdentityEvaluator.holds($0, trial) }
            guard !results.contains(false), results.contains(true) else { continue }
            if survivor != nil { return nil }
            survivor = placement
        }
        return survivor
    }

    /// Every increasing choice of `count` indices from `0..<total`.
    static func combinations(of count: Int, from total: Int) -> [[Int]] {
        guard count > 0 else { return [[]] }
        guard count <= total else { return [] }
        var result: [[Int]] = []
        func extend(_ prefix: [Int], next: Int) {
            if prefix.count == count {
                result.append(prefix)
                return
            }
            guard next < total else { return }
            for index in next..<total where total - index >= count - prefix.count {
                extend(prefix + [index], next: index + 1)
            }
        }
        extend([], next: 0)
        return result
    }
}
