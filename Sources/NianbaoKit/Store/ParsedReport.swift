/// A validated report ready to store, with where it came from.
public struct ParsedReport: Sendable {
    public var report: ExtractedReport
    public var source: SourceFile

    public init(report: ExtractedReport, source: SourceFile) {
        self.report = report
        self.source = source
    }
}
