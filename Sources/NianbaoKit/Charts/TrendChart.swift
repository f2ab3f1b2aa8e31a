/// Trend rows as chart panels: one panel per measure, one line per group,
/// the first `top` groups by their latest value and the rest summed as one
/// line or left out. Rates of the summed line come from the summed
/// numerators and denominators, never from adding rates.
public enum TrendChart {
    public static func panels(
        _ rows: [TrendRow], measures: [Measure], top: Int, others: ChartOthers, language: String
    ) -> [ChartPanel] {
        guard let first = rows.map(\.year).min(), let last = rows.map(\.year).max() else { return [] }
        let years = first...last
        return measures.map { measure in
            let mine = rows.filter { $0.measure == measure.id }
            var order: [String] = []
            var byGroup: [String: [Int: TrendRow]] = [:]
            for row in mine {
                if byGroup[row.group] == nil { order.append(row.group) }
                byGroup[row.group, default: [:]][row.year] = row
            }
            // The groups with the largest latest value first (ties: the order of the table).
            let latest = { (group: String) -> Double in
                byGroup[group]?.values.filter { $0.value != nil }.max { $0.year < $1.year }?.value?.doubleValue ?? -.infinity
            }
            let ranked = order.enumerated().sorted { a, b in
                let (x, y) = (latest(a.element), latest(b.element))
                return x != y ? x > y : a.offset < b.offset
            }.map(\.element)
            let kept = Array(ranked.prefix(max(top, 1)))
            var series = kept.map { group in
                ChartSeries(name: group, points: years.map { year in
                    let row = byGroup[group]?[year]
                    return ChartPoint(year: year, value: row?.value, flagged: row?.flagged ?? 0, leftOut: row.map(leftOut) ?? 0)
                })
            }
            let rest = ranked.dropFirst(kept.count)
            if others == .sum && !rest.isEmpty {
                let name = language == "en" ? "Others (\(rest.count))" : "其他（\(rest.count) 个）"
                series.append(ChartSeries(name: name, points: years.map { year in
                    summed(measure, rest.compactMap { byGroup[$0]?[year] }, year: year)
                }))
            }
            return ChartPanel(measure: measure.id, title: measure.label(language), unit: measure.unit, years: years, series: series)
        }
    }

    /// Reports of a group-year its value leaves out.
    private static func leftOut(_ row: TrendRow) -> Int { max(0, row.reportsPresent - row.reports) }

    /// One year of the groups left out, as one point: sums added, rates from their parts.
    private static func summed(_ measure: Measure, _ rows: [TrendRow], year: Int) -> ChartPoint {
        let valued = rows.filter { $0.value != nil || ($0.numerator != nil && $0.denominator != nil) }
        let flagged = rows.reduce(0) { $0 + $1.flagged }
        let left = rows.reduce(0) { $0 + leftOut($1) }
        guard !valued.isEmpty else { return ChartPoint(year: year, value: nil, flagged: flagged, leftOut: left) }
        var numerator: ExactDecimal? = ExactDecimal(0)
        var denominator: ExactDecimal? = measure.isRate ? ExactDecimal(0) : nil
        for row in valued {
            let part = measure.isRate ? row.numerator : row.value
            numerator = numerator.flatMap { sum in part.flatMap { sum + $0 } }
            if measure.isRate { denominator = denominator.flatMap { sum in row.denominator.flatMap { sum + $0 } } }
        }
        let value = numerator.flatMap { MeasureEvaluator.value(measure, numerator: $0, denominator: denominator) }
        return ChartPoint(year: year, value: value, flagged: flagged, leftOut: left)
    }
}
