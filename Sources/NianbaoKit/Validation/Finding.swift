/// Something the extractor or validator noticed about a report, stored beside its facts.
public struct Finding: Sendable, Equatable, Codable {
    /// Rule id: `R1`…`R4`, `S4`, or an extraction rule such as `missing_row`.
    public let rule: String
    public let severity: Severity
    /// The metric the finding is about, when there is one.
    public let metric: String?
    /// One sentence a person can act on.
    public let message: String

    public init(rule: String, severity: Severity, metric: String? = nil, message: String) {
        self.rule = rule
        self.severity = severity
        self.metric = metric
        self.message = message
    }
}
