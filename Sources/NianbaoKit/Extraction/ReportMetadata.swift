/// What a report says about itself: who, which year, and where that was read.
public struct ReportMetadata: Sendable, Equatable {
    /// The bureau as the title names it.
    public var bureau: String?
    /// The report year from the title.
    public var year: Int?
    /// The title as found (possibly joined from wrapped lines).
    public var title: String?
    /// The first year of the statistics-period sentence (统计期限自…), for cross-checking.
    public var periodYear: Int?
    /// The publication date (YYYY-MM-DD) when the document states one.
    public var publishedOn: String?

    public init(bureau: String? = nil, year: Int? = nil, title: String? = nil, periodYear: Int? = nil, publishedOn: String? = nil) {
        self.bureau = bureau
        self.year = year
        self.title = title
        self.periodYear = periodYear
        self.publishedOn = publishedOn
    }
}
