/// Reads section 四: fifteen numbers in printed order (复议 ×5, 直接起诉 ×5,
/// 复议后起诉 ×5), on one row or wrapped over several (report-format.md §4.3).
public struct AppealsSectionReader: Sendable {
    let catalog: MetricCatalog

    public init(catalog: MetricCatalog) { self.catalog = catalog }

    public func read(_ rows: [LocatedRow]) -> SectionCells {
        let keys = catalog.appealKeys
        var observed = ObservedRow.rows(from: rows, width: keys.count, isKnownLabel: { _ in true })
        // A filler row of empty cells under the numbers (Word tables end with one) is no row of values.
        let filled = observed.filter { row in row.values.contains { !ValueParser.isBlank($0.text) } }
        if !filled.isEmpty && filled.count < observed.count && filled.map(\.values.count).reduce(0, +) == keys.count { observed = filled }
        let values = observed.flatMap { row in row.values.indices.map { (row, $0) } }
        var result = SectionCells()
        // One run of digits for the fifteen cells (a crawler's text): split by the block totals.
        if values.count == 1, let found = RunSplitter.run(of: values[0].0, keys: keys) {
            // (The row's "label" is the section's header run together: named by the section instead.)
            let run = RunSplitter.Pending(keys: keys, run: found.run, locator: found.locator, label: "行政复议、行政诉讼")
            // (R4 is the same in both templates: either version's identities serve.)
            let outcome = RunSplitter(identities: catalog.identities(for: .v2021).filter { $0.keys.allSatisfy(keys.contains) }, catalog: catalog)
                .place([run], into: &result.cells)
            result.findings += outcome.findings(section: "四")
            return result
        }
        guard values.count == keys.count else {
            result.isComplete = false
            let status: CellStatus = values.isEmpty ? .missing : .ambiguous
            for key in keys { result.cells[key] = CellValue(status: status) }
            result.findings.append(Finding(
                rule: values.isEmpty ? "missing_row" : "ambiguous_row", severity: .warning, metric: keys.last,
                message: "section 四 shows \(values.count) values for \(keys.count) cells; its cells are NULL"))
            return result
        }
        for ((row, k), key) in zip(values, keys) {
            guard let metric = catalog.metric(key) else { continue }
            var cell = ValueParser.parse(row.values[k].text, for: metric)
            cell.locator = row.locator(value: k)
            result.cells[key] = cell
        }
        return result
    }
}
