/// One group-year of a trend while it is summed: the numerator and
/// denominator so far, how many reports went in, and their templates.
struct TrendCell {
    var numerator = ExactDecimal(0)
    var denominator: ExactDecimal?
    var reports = 0
    var templates: Set<TemplateVersion> = []
    /// Reports among them whose cells of the measure carry `identity_violation`.
    var flagged = 0
    /// A sum left the exact range: the value is NULL, never a wrapped number.
    var overflow = false

    /// Adds the parts of `reports` reports of one template.
    mutating func add(numerator: ExactDecimal, denominator: ExactDecimal?, reports: Int, flagged: Int, template: TemplateVersion) {
        self.flagged += flagged
        if let sum = self.numerator + numerator { self.numerator = sum } else { overflow = true }
        if let denominator {
            if let sum = (self.denominator ?? ExactDecimal(0)) + denominator { self.denominator = sum } else { overflow = true }
        }
        self.reports += reports
        templates.insert(template)
    }
}
