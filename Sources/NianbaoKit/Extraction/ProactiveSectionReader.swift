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
        var header: [(range: ClosedRange<Int>, label: String)]?
        var seen: Set<String> = []

        for located in rows.flatMap({ segments($0, matcher: matcher, specs: specs) }) {
            let cells = located.row.cells
            guard let first = cells.firstIndex(where: { !ValueParser.isBlank($0.text) }) else { continue }
            let label = LabelNormalizer.normalize(cells[first].text)
            if label.contains("第二十条") {
                header = nil
                continue
            }
            if label.hasPrefix("信息内容") {
                header = Self.origins(cells, after: first).map { ($0.range, LabelNormalizer.normalize(cells[$0.index].text)) }
                continue
            }
            let values = Self.origins(cells, after: first)
            // Prose (a paragraph naming 行政处罚) is not a row of the table.
            guard values.contains(where: { ValueParser.isValueLike(cells[$0.index].text) }) else { continue }
            let scored = specs.compactMap { spec in matcher.score(label, spec, version: version).map { (spec, $0) } }
            guard let spec = scored.max(by: { $0.1 < $1.1 })?.0 else {
                if values.contains(where: { !ValueParser.isBlank(cells[$0.index].text) && ValueParser.isValueLike(cells[$0.index].text) }) {
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
            guard let mapping = columnMapping(values: values, cells: cells, header: header, columns: columns) else {
                for column in columns {
                    result.cells[spec.key + "." + column.key] = CellValue(
                        raw: values.map { cells[$0.index].text }.joined(separator: " "), status: .ambiguous,
                        locator: located.locator(cell: first))
                }
                result.findings.append(Finding(
                    rule: "ambiguous_row", severity: .warning, metric: spec.key,
                    message: "section 二 row \(spec.labels.canonical) shows \(values.count) values for \(columns.count) columns (\(located.locator(cell: first))); its cells are NULL"))
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

    /// A row cut before every caption (第二十条…), header (信息内容…) and row
    /// label (行政许可) cell that is not its first: a table flattened into
    /// paragraphs runs caption, header and data rows together. Cells before a
    /// part are blanked so indices, and with them locators and grid positions,
    /// stay those of the row.
    func segments(_ located: LocatedRow, matcher: LabelMatcher, specs: [RowSpec]) -> [LocatedRow] {
        let cells = located.row.cells
        guard located.table == 0 else { return [located] }  // grid rows are rows already
        let starts = [0] + cells.indices.dropFirst().filter { index in
            let text = LabelNormalizer.normalize(cells[index].text)
            let previous = LabelNormalizer.normalize(cells[index - 1].text)
            return text.hasPrefix("第二十条") || text.hasPrefix("信息内容") || previous.hasPrefix("第二十条")
                || specs.contains { (matcher.score(text, $0, version: version) ?? 0) >= 0.9 }
        }
        guard starts.count > 1 else { return [located] }
        return zip(starts, starts.dropFirst() + [cells.count]).map { start, end in
            let part = Array(repeating: TableCell(""), count: start) + cells[start..<end]
            return LocatedRow(table: located.table, index: located.index, row: TableRow(cells: part, line: located.row.line))
        }
    }

    /// The origin cells after `first` (colspan copies skipped), with the grid columns each covers.
    static func origins(_ cells: [TableCell], after first: Int) -> [(index: Int, range: ClosedRange<Int>)] {
        cells.indices.dropFirst(first + 1).filter { !cells[$0].isColumnContinuation }.map { index in
            (index, index...(index + max(cells[index].columnSpan, 1) - 1))
        }
    }

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
                let scored = columns.map { column in
                    (column, column.labels.all.map { LabelMatcher.similarity(text, LabelNormalizer.normalize($0)) }.max() ?? 0)
                }
                guard inside.count == 1, let best = scored.max(by: { $0.1 < $1.1 }), best.1 >= LabelMatcher.threshold
                else { continue }
                mapping.append((inside[0].index, best.0))
            }
            let named = Set(mapping.map(\.1.key))
            if named.count == columns.count && mapping.count == columns.count { return mapping }
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
