/// One measure's chart: its title and unit, the years on the x axis and its lines.
public struct ChartPanel: Sendable, Equatable {
    public let measure: String
    public let title: String
    public let unit: String
    public let years: ClosedRange<Int>
    public let series: [ChartSeries]
}
