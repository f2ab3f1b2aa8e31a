/// One stored report in a line: who, when, which template, how many facts and findings.
public struct ReportSummary: Sendable, Equatable, Codable {
    public var bureau: String
    public var year: Int
    public var template: TemplateVersion
    public var facts: Int
    public var errors: Int
    public var warnings: Int
    public var source: String

    public init(bureau: String, year: Int, template: TemplateVersion, facts: Int, errors: Int, warnings: Int, source: String) {
        self.bureau = bureau
        self.year = year
        self.template = template
        self.facts = facts
        self.errors = errors
        self.warnings = warnings
        self.source = source
    }

    /// The summary of a parsed report and the findings storing it added.
    init(_ parsed: ParsedReport, extraFindings: [Finding] = []) {
        let findings = parsed.report.findings + extraFindings
        self.init(
            bureau: parsed.report.bureau, year: parsed.report.year, template: parsed.report.version,
            facts: parsed.report.cells.count, errors: findings.filter { $0.severity == .error }.count,
            warnings: findings.filter { $0.severity == .warning }.count, source: parsed.source.path)
    }
}
