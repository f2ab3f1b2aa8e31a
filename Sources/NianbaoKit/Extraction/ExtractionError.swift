/// Why a document cannot become a report. The importer adds the file name.
public enum ExtractionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No section 二, 三 or 四 table with any cell (a non-report, or tables published as images).
    case noStatisticsTables
    /// The tables print neither V2019 nor V2021 labels.
    case unknownTemplate
    /// The title states no year and `--year` was not given.
    case missingYear
    /// The title and the statistics-period sentence name different years.
    case contradictoryYear(title: Int, period: Int)
    /// No bureau in the title and `--bureau` was not given.
    case missingBureau
    /// The document ends inside a statistics table that lacks rows.
    case truncated(ReportSection)
    /// The reader stopped before the end of the file (the reason) and found no table before.
    case unreadContent(String)
    /// The document ends after one statistics table, before the next section.
    case endsBetweenSections(after: ReportSection, missing: ReportSection)

    public var description: String {
        switch self {
        case .noStatisticsTables: "no statistics tables found"
        case .unknownTemplate:
            "statistics tables print neither V2019 nor V2021 labels (pre-2019 forms are not supported)"
        case .missingYear: "no report year in the title; pass --year"
        case .contradictoryYear(let title, let period):
            "title says \(title) but the statistics period starts in \(period); pass --year to decide"
        case .missingBureau: "no bureau name in the title; pass --bureau"
        case .truncated(let section):
            "file ends inside the section \(section.rawValue) table before all its rows (truncated?)"
        case .unreadContent(let reason): "no statistics tables found before the reader stopped: \(reason)"
        case .endsBetweenSections(let last, let missing):
            "file ends after the section \(last.rawValue) table, before section \(missing.rawValue) and the closing sections "
                + "(truncated?); pass --partial to import what it has"
        }
    }
}
