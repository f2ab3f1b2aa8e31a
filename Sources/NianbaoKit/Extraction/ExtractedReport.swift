/// A report read from a document: identity, template version, every cell and
/// what was noticed on the way. Validation adds derived totals and findings.
public struct ExtractedReport: Sendable {
    public var bureau: String
    public var year: Int
    public var version: TemplateVersion
    /// Whether this is the body's own report or a consolidated one (report-format.md §10.3).
    public var scope: BureauScope = .own
    public var metadata: ReportMetadata
    /// Every cell by metric key: all required cells of the version, plus
    /// optional rows the document printed.
    public var cells: [String: CellValue]
    public var findings: [Finding]

    public init(
        bureau: String, year: Int, version: TemplateVersion, scope: BureauScope = .own, metadata: ReportMetadata,
        cells: [String: CellValue], findings: [Finding]
    ) {
        self.bureau = bureau
        self.year = year
        self.version = version
        self.scope = scope
        self.metadata = metadata
        self.cells = cells
        self.findings = findings
    }
}
