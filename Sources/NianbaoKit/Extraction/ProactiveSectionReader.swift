/// Reads section 二: caption rows, header rows (信息内容 …) and data rows whose
/// values map to the columns the header names, or by template position when
/// the header is missing or unreadable (report-format.md §3.1, §4.1).
public struct ProactiveSectionReader: Sendable {
    let catalog: MetricCatalog
    let version: TemplateVersion

    public init(catalog: MetricCatalog, version: TemplateVersion) {
        self.catalog = catalog
        self.version = version
    }

    public func read(_ rows: [LocatedRow]) -> SectionCells {
        let specs = catalog.proactiveRows(for: version)
        let matcher = LabelMatcher(rows: specs)
        var result = SectionCells()
        var header: [String]?
        var seen: Set<String> = []

        for located in rows {
            let cells = located.row.cells
            guard let first = cells.firstIndex(where: { !ValueParser.isBlank($0.text) }) else { continue }
            let label = LabelNormalizer.normalize(cells[first].text)
            if label.contains("第二十条") {
                header = nil
                continue
            }
            if label.hasPrefix("信息内容") {
                header = cells[(first + 1)...].map { LabelNormalizer.normalize($0.text) }
                continue
            }
            let values = Array(cells[(first + 1)...])
            let scored = specs.compactMap { spec in matcher.score(label, spec, version: version).map { (spec, $0) } }
            guard let spec = scored.max(by: { $0.1 < $1.1 })?.0 else {
                if values.contains(where: { !ValueParser.isBlank($0.text) && ValueParser.isValueLike($0.text) }) {
                    result.findings.append(Finding(
                        rule: "unknown_row", severity: .warning,
                        message: "section 二 row “\(cells[first].text)” (\(located.locator(cell: first))) matches no template row; its values are not stored"))
                }
                continue
            }
            guard seen.insert(spec.key).inserted else {
                result.findings.append(Finding(
                    rule: "duplicate_row", severity: .warning, metric: spec.key,
                    message: "section 二 row \(spec.labels.canonical) appears again (\(located.locator(cell: first))); the first one is kept"))
                continue
            }
            let columns = spec.columnsByVersion[version] ?? []
            guard let mapping = columnMapping(values: values, header: header, columns: columns) else {
                for column in columns {
                    result.cells[spec.key + "." + column.key] = CellValue(
                        raw: values.map(\.text).joined(separator: " "), status: .ambiguous,
                        locator: located.locator(cell: first))
                }
                result.findings.append(Finding(
                    rule: "ambiguous_row", severity: .warning, metric: spec.key,
                    message: "section 二 row \(spec.labels.canonical) shows \(values.count) values for \(columns.count) columns (\(located.locator(cell: first))); its cells are NULL"))
                continue
            }
            for (k, column) in mapping {
                let key = spec.key + "." + column.key
                guard let metric = catalog.metric(key) else { continue }
                var cell = ValueParser.parse(values[k].text, for: metric)
                cell.locator = located.locator(cell: first + 1 + k)
                if column.isApproximate { cell.flags.append("approx") }
                result.cells[key] = cell
            }
        }
        for spec in specs where spec.isRequired(in: version) && !seen.contains(spec.key) {
            for column in spec.columnsByVersion[version] ?? [] { result.cells[spec.key + "." + column.key] = .missing }
            result.isComplete = false
            result.findings.append(Finding(
                rule: "missing_row", severity: .warning, metric: spec.key,
                message: "section 二 row \(spec.labels.canonical) not found; its cells are NULL"))
        }
        return result
    }

    /// Which value cell holds which column: by the header's labels when they
    /// name every column once, else by position when the counts agree.
    func columnMapping(values: [TableCell], header: [String]?, columns: [ColumnSpec]) -> [(Int, ColumnSpec)]? {
        if let header, header.count == values.count {
            var mapping: [(Int, ColumnSpec)] = []
            for (k, text) in header.enumerated() where !text.isEmpty {
                let scored = columns.map { column in
                    (column, column.labels.all.map { LabelMatcher.similarity(text, LabelNormalizer.normalize($0)) }.max() ?? 0)
                }
                guard let best = scored.max(by: { $0.1 < $1.1 }), best.1 >= LabelMatcher.threshold else { continue }
                mapping.append((k, best.0))
            }
            let named = Set(mapping.map(\.1.key))
            if named.count == columns.count && mapping.count == columns.count { return mapping }
        }
        let filled = values.count
        if filled == columns.count { return Array(zip(values.indices, columns)) }
        return nil
    }
}
