import Synchronization
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
        let scores = LabelScoreTable.shared(rows: specs, version: version)
        var result = SectionCells()
        var header: [(range: ClosedRange<Int>, label: String)]?
        var seen: Set<String> = []

        for located in rows {
            let cells = located.row.cells
            let row: DataRow
            if located.table == 0 {
                guard let flattened = flattenedRow(located, scores: scores) else { continue }
                row = flattened
            } else {
                guard let first = cells.firstIndex(where: { !ValueParser.isBlank($0.text) }) else { continue }
                let label = LabelNormalizer.normalize(cells[first].text)
                if label.includes("第二十条") {
                    header = nil
                    continue
                }
                if label.hasPrefix("信息内容") {
                    header = Self.origins(cells, after: first).map { ($0.range, LabelNormalizer.normalize(cells[$0.index].text)) }
                    continue
                }
                let values = Self.origins(cells, after: first)
                // A row without any value cell is a heading or prose, not a row of the table.
                guard values.contains(where: { ValueParser.isValueLike(cells[$0.index].text) }) else { continue }
                if let pair = Self.twoRowsIn(label, specs: specs) {
                    // Two row labels run together (a blank row's label glued to the
                    // next row in layout text): which row the numbers belong to is a guess.
                    result.findings.append(Finding(
                        rule: "ambiguous_row", severity: .warning, metric: pair.1.key,
                        message: "section 二 row “\(cells[first].text)” (\(located.locator(cell: first))) runs the labels \(pair.0.labels.canonical) and \(pair.1.labels.canonical) together; its values are not stored"))
                    continue
                }
                row = DataRow(label: cells[first].text, labelIndex: first, spec: scores.best(label)?.spec, values: values)
            }
            guard let spec = row.spec else {
                if row.values.contains(where: { !ValueParser.isBlank(cells[$0.index].text) }) {
                    result.findings.append(Finding(
                        rule: "unknown_row", severity: .warning,
                        message: "section 二 row “\(row.label)” (\(located.locator(cell: row.labelIndex))) matches no template row; its values are not stored"))
                }
                continue
            }
            guard seen.insert(spec.key).inserted else {
                result.findings.append(Finding(
                    rule: "duplicate_row", severity: .warning, metric: spec.key,
                    message: "section 二 row \(spec.labels.canonical) appears again (\(located.locator(cell: row.labelIndex))); the first one is kept"))
                continue
            }
            let columns = spec.columnsByVersion[version] ?? []
            let numbers = row.values.filter { !ValueParser.isBlank(cells[$0.index].text) }
            if located.runTogether, columns.count > 1, numbers.count == 1 {
                // A run of digits for several cells (a crawler's text): section 二 has no
                // identity, so only a digit count that leaves one split decides it.
                let run = RunSplitter.Pending(
                    keys: columns.map { spec.key + "." + $0.key }, run: cells[numbers[0].index].text,
                    locator: located.locator(cell: numbers[0].index), label: spec.labels.canonical)
                result.findings += RunSplitter(identities: [], catalog: catalog).place([run], into: &result.cells).findings(section: "二")
                continue
            }
            let rowHeader = located.table == 0 ? nil : header
            guard let mapping = columnMapping(values: row.values, cells: cells, header: rowHeader, columns: columns) else {
                for column in columns {
                    result.cells[spec.key + "." + column.key] = CellValue(
                        raw: row.values.map { cells[$0.index].text }.joined(separator: " "), status: .ambiguous,
                        locator: located.locator(cell: row.labelIndex))
                }
                result.findings.append(Finding(
                    rule: "ambiguous_row", severity: .warning, metric: spec.key,
                    message: "section 二 row \(spec.labels.canonical) shows \(row.values.count) values for \(columns.count) columns (\(located.locator(cell: row.labelIndex))); its cells are NULL"))
                continue
            }
            for (index, column) in mapping {
                let key = spec.key + "." + column.key
                guard let metric = catalog.metric(key) else { continue }
                var cell = ValueParser.parse(cells[index].text, for: metric)
                cell.locator = located.locator(cell: index)
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

    /// Two different rows whose labels (some variant of each) both appear,
    /// apart, in the normalised `label`.
    static func twoRowsIn(_ label: String, specs: [RowSpec]) -> (RowSpec, RowSpec)? {
        var found: [(spec: RowSpec, range: Range<Int>)] = []
        for spec in specs {
            for variant in spec.labels.normalized where variant.count >= 2 {
                guard let offset = label.firstByteOffset(of: variant) else { continue }
                found.append((spec, offset..<(offset + variant.utf8.count)))
                break
            }
        }
        for a in found {
            for b in found where a.spec.key != b.spec.key && (a.range.upperBound <= b.range.lowerBound) {
                return (a.spec, b.spec)
            }
        }
        return nil
    }

    /// A data row: its label as printed, where the label is, the catalog row it names, its value cells.
    private struct DataRow {
        let label: String
        let labelIndex: Int
        let spec: RowSpec?
        let values: [(index: Int, range: ClosedRange<Int>)]
    }

    /// A row of a table flattened into paragraphs, which runs caption, header
    /// words and the row label together, each possibly split over several
    /// paragraphs ("规" + "章"): the label is the tail of the label cells that
    /// best names a catalog row, the values the numbers after it.
    private func flattenedRow(_ located: LocatedRow, scores: LabelScoreTable) -> DataRow? {
        let cells = located.row.cells
        var start = cells.count
        while start > 0, ValueParser.isValueLike(cells[start - 1].text) { start -= 1 }
        let values = (start..<cells.count).map { (index: $0, range: $0...$0) }
        guard !values.isEmpty else { return nil }
        let labels = (0..<start).filter { !ValueParser.isBlank(cells[$0].text) }
        guard let last = labels.last else { return nil }
        var best: (spec: RowSpec, score: Double, first: Int)?
        for count in 1...min(4, labels.count) {
            let used = labels.suffix(count)
            let text = LabelNormalizer.normalize(used.map { cells[$0].text }.joined())
            if let named = scores.best(text), named.score > (best?.score ?? 0) {
                best = (named.spec, named.score, used.first!)
            }
        }
        // Prose followed by an empty paragraph is not a row: a row of blanks
        // needs a label that names a catalog row outright, one blank per column.
        let hasNumber = values.contains { !ValueParser.isBlank(cells[$0.index].text) }
        if !hasNumber {
            guard let best, best.score >= 0.9, values.count == best.spec.columnsByVersion[version]?.count else { return nil }
        }
        let first = best?.first ?? last
        let label = labels.filter { $0 >= first }.map { cells[$0].text }.joined()
        return DataRow(label: label, labelIndex: first, spec: best?.spec, values: values)
    }

    /// The origin cells after `first` (colspan copies skipped), with the grid columns each covers.
    static func origins(_ cells: [TableCell], after first: Int) -> [(index: Int, range: ClosedRange<Int>)] {
        cells.indices.dropFirst(first + 1).filter { !cells[$0].isColumnContinuation }.map { index in
            (index, index...(index + max(cells[index].columnSpan, 1) - 1))
        }
    }

    /// How well a header cell's text names `column` (its best label): header
    /// texts repeat across reports, so each pair is worked out once.
    static func score(header text: String, column: ColumnSpec) -> Double {
        if let known = headerScores.withLock({ $0[text]?[column.key] }) { return known }
        let score = column.labels.normalized.map { LabelMatcher.similarity(text, $0) }.max() ?? 0
        headerScores.withLock { cache in
            if cache.count >= 10_000 { cache.removeAll(keepingCapacity: true) }
            cache[text, default: [:]][column.key] = score
        }
        return score
    }

    /// ``score(header:column:)`` by header text and column key (one catalog: a key has one set of labels).
    private static let headerScores = Mutex<[String: [String: Double]]>([:])

    /// Which value cell (by index in its row) holds which column: by the
    /// header cell whose grid columns contain the value's, when the header
    /// names every column once; else by position when the counts agree.
    func columnMapping(
        values: [(index: Int, range: ClosedRange<Int>)], cells: [TableCell], header: [(range: ClosedRange<Int>, label: String)]?,
        columns: [ColumnSpec]
    ) -> [(Int, ColumnSpec)]? {
        if let header {
            var mapping: [(Int, ColumnSpec)] = []
            for (range, text) in header where !text.isEmpty {
                let inside = values.filter { range.contains($0.range.lowerBound) }
                let scored = columns.map { column in (column, Self.score(header: text, column: column)) }
                guard inside.count == 1, let best = scored.max(by: { $0.1 < $1.1 }), best.1 >= LabelMatcher.threshold
                else { continue }
                mapping.append((inside[0].index, best.0))
            }
            let named = Set(mapping.map(\.1.key))
            // A number under no header (a stray a PDF's geometry could not place) leaves the row to the count below.
            let mapped = Set(mapping.map(\.0))
            let stray = values.contains { !mapped.contains($0.index) && !ValueParser.isBlank(cells[$0.index].text) }
            if named.count == columns.count && mapping.count == columns.count && !stray { return mapping }
        }
        // Trailing empty cells a grid may carry are not values.
        var positional = values
        while positional.count > columns.count, let last = positional.last, ValueParser.isBlank(cells[last.index].text) {
            positional.removeLast()
        }
        if positional.count == columns.count { return Array(zip(positional.map(\.index), columns)) }
        return nil
    }
}
