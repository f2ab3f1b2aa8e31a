/// Reads section 三: aligns its rows with the catalog's and parses the seven
/// applicant columns of each (report-format.md §4.2).
public struct RequestsSectionReader: Sendable {
    let catalog: MetricCatalog
    let version: TemplateVersion

    public init(catalog: MetricCatalog, version: TemplateVersion) {
        self.catalog = catalog
        self.version = version
    }

    public func read(_ rows: [LocatedRow]) -> SectionCells {
        let specs = catalog.requestRows(for: version)
        let columns = catalog.applicantColumns
        let aligner = RowAligner(catalogRows: specs, version: version)
        let observed = ObservedRow.rows(from: rows, width: columns.count, isKnownLabel: aligner.isKnownLabel)
        let alignment = aligner.align(observed)
        var result = SectionCells()
        // Section 三 has about 130 cells, and the report's other cells are merged into its:
        // room for all of them before the first.
        result.cells.reserveCapacity(catalog.metrics.count)
        var shortRows: [ShortRowPlacer.Pending] = []
        var runs: [RunSplitter.Pending] = []

        for (j, spec) in specs.enumerated() {
            let keys = columns.map { spec.key + "." + $0.key }
            guard let i = alignment.observed(for: j) else {
                guard spec.isRequired(in: version) else { continue }
                for key in keys { result.cells[key] = .missing }
                if let merged = mergedGroupRow(of: spec, specs: specs, alignment: alignment) {
                    // （六）其他处理 printed as one row: its sub-rows are not in the document.
                    result.findings.append(Finding(
                        rule: "merged_row", severity: .info, metric: keys.last,
                        message: "section 三 prints \(merged.labels.canonical) as one row; sub-row \(spec.labels.canonical) is NULL"))
                    continue
                }
                result.isComplete = false
                result.findings.append(Finding(
                    rule: "missing_row", severity: .warning, metric: keys.last,
                    message: "section 三 row \(spec.labels.canonical) not found; its cells are NULL"))
                continue
            }
            let row = observed[i]
            if let run = RunSplitter.run(of: row, keys: keys) {
                runs.append(run)
                continue
            }
            guard row.values.count == columns.count else {
                if row.values.count < columns.count {
                    shortRows.append(ShortRowPlacer.Pending(keys: keys, row: row))
                    continue
                }
                for (k, key) in keys.enumerated() {
                    result.cells[key] = CellValue(
                        raw: row.values.map(\.text).joined(separator: " "), status: .ambiguous,
                        locator: row.locator(value: min(k, max(row.values.count - 1, 0))))
                }
                result.findings.append(Finding(
                    rule: "ambiguous_row", severity: .warning, metric: keys.last,
                    message: "section 三 row \(spec.labels.canonical) shows \(row.values.count) values for \(columns.count) columns (\(row.source.locator(cell: row.firstValueIndex))); its cells are NULL"))
                continue
            }
            if !row.strayValues.isEmpty {
                result.findings.append(Finding(
                    rule: "stray_values", severity: .warning, metric: keys.last,
                    message: "section 三 row \(spec.labels.canonical) takes its values from the next line; the number(s) \(row.strayValues.map(\.text).joined(separator: " ")) printed beside its label are not placed"))
            }
            for (k, key) in keys.enumerated() {
                guard let metric = catalog.metric(key) else { continue }
                var cell = ValueParser.parse(row.values[k].text, for: metric)
                cell.locator = row.locator(value: k)
                result.cells[key] = cell
            }
        }
        if !runs.isEmpty {
            let outcome = RunSplitter(identities: catalog.identities(for: version), catalog: catalog).place(runs, into: &result.cells)
            result.findings += outcome.findings(section: "三")
        }
        let (placed, ambiguous) =
            shortRows.isEmpty
            ? ([], []) : ShortRowPlacer(identities: catalog.identities(for: version), catalog: catalog).place(shortRows, into: &result.cells)
        for item in placed {
            result.findings.append(Finding(
                rule: "placed_by_identities", severity: .info, metric: item.keys.last,
                message: "section 三 row “\(item.row.label)” shows \(item.row.values.count) numbers for \(columns.count) columns; the identities allow one placement only, which is stored"))
        }
        for item in ambiguous {
            result.findings.append(Finding(
                rule: "ambiguous_row", severity: .warning, metric: item.keys.last,
                message: "section 三 row “\(item.row.label)” shows \(item.row.values.count) numbers for \(columns.count) columns (\(item.row.source.locator(cell: item.row.firstValueIndex))) and the identities do not decide where they go; its cells are NULL"))
        }
        for i in alignment.unplaced {
            let row = observed[i]
            result.findings.append(Finding(
                rule: "unplaced_row", severity: .warning,
                message: "section 三 has an unlabeled row (\(row.source.locator(cell: row.firstValueIndex))) that no labelled neighbours place; its values are not stored"))
        }
        for i in alignment.unknown {
            let row = observed[i]
            result.findings.append(Finding(
                rule: "unknown_row", severity: .warning,
                message: "section 三 row “\(row.label)” (\(row.source.locator(cell: 0))) matches no template row; its values are not stored"))
        }
        return result
    }

    /// The printed subtotal row of `spec`'s group, when the document printed
    /// the group as one merged row instead of its sub-rows.
    private func mergedGroupRow(of spec: RowSpec, specs: [RowSpec], alignment: RowAlignment) -> RowSpec? {
        guard let group = spec.group else { return nil }
        return specs.indices.first { j in
            specs[j].group == group && specs[j].optionalIn.contains(version) && specs[j].key != spec.key
                && alignment.observed(for: j) != nil
        }.map { specs[$0] }
    }
}
