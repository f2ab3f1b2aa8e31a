/// A data row as the document shows it: a label (possibly empty) and its
/// value cells, read from the right where grid and text layouts agree.
public struct ObservedRow: Sendable, Equatable {
    public let source: LocatedRow
    /// The label cells joined (group cell and row label), as printed.
    public let label: String
    /// `label` normalised for matching.
    public let normalizedLabel: String
    /// The value cells, left to right.
    public let values: [TableCell]
    /// Index of each value cell in the source row, for locators.
    public let valueIndices: [Int]
    /// Numbers printed beside a label whose values came on the next row; never placed.
    public var strayValues: [TableCell] = []

    public var isLabeled: Bool { !normalizedLabel.isEmpty }

    /// Index of the first value cell in the source row.
    public var firstValueIndex: Int { valueIndices.first ?? 0 }

    /// The locator of value `k`.
    public func locator(value k: Int) -> String {
        source.locator(cell: valueIndices.indices.contains(k) ? valueIndices[k] : firstValueIndex)
    }

    /// The data rows of `rows` for a table `width` value columns wide.
    ///
    /// A row's values are the run of value-like cells at its right end. A run
    /// holding several rows' worth of values (a lost row separator) is split,
    /// the label going with the first. A row is data when it holds a number,
    /// or a full run of blanks under a label that `isKnownLabel` recognises.
    public static func rows(
        from rows: [LocatedRow], width: Int, isKnownLabel: (String) -> Bool
    ) -> [ObservedRow] {
        var result: [ObservedRow] = []
        for located in rows {
            // A copy to the right of a colspan is neither a value nor a label of its own.
            let origins = located.row.cells.indices.filter { !located.row.cells[$0].isColumnContinuation }
            let cells = origins.map { located.row.cells[$0] }
            var start = cells.count
            while start > 0, ValueParser.isValueLike(cells[start - 1].text) { start -= 1 }
            var run = Array(cells[start...])
            guard !run.isEmpty else { continue }
            let labelCells = cells[..<start].map(\.text).filter { !ValueParser.isBlank($0) }
            let label = labelCells.joined(separator: " ")
            let normalized = LabelNormalizer.normalize(label)
            let hasNumber = run.contains { !ValueParser.isBlank($0.text) }
            guard hasNumber || (run.count >= width && isKnownLabel(normalized)) else { continue }

            // Empty cells a grid or pipe table carries after the last column.
            while run.count > width, run.count % width != 0, let last = run.last, ValueParser.isBlank(last.text) {
                run.removeLast()
            }
            var chunks: [(offset: Int, cells: ArraySlice<TableCell>)] = []
            if run.count > width && run.count % width == 0 {
                chunks = stride(from: 0, to: run.count, by: width).map { ($0, run[$0..<$0 + width]) }
            } else if run.count > width && run[..<(run.count - width)].allSatisfy({ ValueParser.isBlank($0.text) }) {
                // Empty label columns to the left of the values.
                chunks = [(run.count - width, run[(run.count - width)...])]
            } else {
                chunks = [(0, run[...])]
            }
            for (number, chunk) in chunks.enumerated() {
                let first = start + chunk.offset
                result.append(ObservedRow(
                    source: located, label: number == 0 ? label : "",
                    normalizedLabel: number == 0 ? normalized : "",
                    values: Array(chunk.cells), valueIndices: Array(origins[first..<first + chunk.cells.count])))
            }
        }
        return joiningWrappedLabels(result, width: width)
    }

    /// A label printed apart from its numbers: a labelled row with fewer
    /// values than columns, right before an unlabeled row with all of them,
    /// is one row. Its own stray values (a displaced number) are kept in
    /// `strayValues` for a finding, never placed.
    static func joiningWrappedLabels(_ rows: [ObservedRow], width: Int) -> [ObservedRow] {
        var result: [ObservedRow] = []
        var i = 0
        while i < rows.count {
            let row = rows[i]
            if row.isLabeled, row.values.count < width, i + 1 < rows.count, !rows[i + 1].isLabeled,
                rows[i + 1].values.count == width
            {
                let next = rows[i + 1]
                result.append(ObservedRow(
                    source: next.source, label: row.label, normalizedLabel: row.normalizedLabel, values: next.values,
                    valueIndices: next.valueIndices, strayValues: row.values.filter { !ValueParser.isBlank($0.text) }))
                i += 2
            } else {
                result.append(row)
                i += 1
            }
        }
        return result
    }
}
