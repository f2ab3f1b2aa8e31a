import NianbaoKit
/// A report made up by ``ReportSynthesizer``: the ground truth that a
/// renderer prints and the importer must read back exactly.
///
/// It holds a value for every required metric of its template version
/// (`MetricCatalog.requiredMetrics(for:)`), so a round trip can compare cell by
/// cell; `nil` is a cell the page leaves blank, which the importer must store
/// as status `blank`, not as 0.
public struct SyntheticReport: Sendable, Equatable {
    public var bureau: String
    public var year: Int
    public var version: TemplateVersion
    /// Every required metric of `version` by key; nil is a blank cell.
    public var cells: [String: ExactDecimal?]
    /// The publication date printed under the title (YYYY-MM-DD).
    public var publishedOn: String

    public init(
        bureau: String, year: Int, version: TemplateVersion, cells: [String: ExactDecimal?], publishedOn: String
    ) {
        self.bureau = bureau
        self.year = year
        self.version = version
        self.cells = cells
        self.publishedOn = publishedOn
    }

    /// The title in the most common pattern (report-format.md §10.1).
    public var title: String { "\(bureau)\(year)年政府信息公开工作年度报告" }

    /// The value of `key`: nil when the cell is blank or not in the report.
    public func value(_ key: String) -> ExactDecimal? { cells[key] ?? nil }

    /// The report as the extractor would hand it to the validator when it read
    /// every cell right, so the synthetic numbers can be checked against the
    /// same identities real reports are.
    public func extractedReport() -> ExtractedReport {
        var extracted: [String: CellValue] = [:]
        for (key, value) in cells {
            extracted[key] =
                value.map { CellValue(value: $0, raw: $0.description, status: .reported) }
                ?? CellValue(raw: "", status: .blank)
        }
        return ExtractedReport(
            bureau: bureau, year: year, version: version,
            metadata: ReportMetadata(bureau: bureau, year: year, title: title, periodYear: year, publishedOn: publishedOn),
            cells: extracted, findings: [])
    }
}
