/// One line of a chart: a group (a bureau, a region, 全部, 其他) over the years.
public struct ChartSeries: Sendable, Equatable {
    public let name: String
    public let points: [ChartPoint]
}
