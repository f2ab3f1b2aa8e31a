import Foundation
import NianbaoKit
import NianbaoSynthesis

/// One report whose every cell the test states: everything not named here is
/// printed as 0. Section 三 values go in the 自然人 column and its 总计 (the
/// other applicant columns are 0), so R1–R4 hold by construction when
/// `applications` is derived from the others (new = handled + carried out −
/// carried in).
public struct FixtureReport: Sendable {
    public var bureau: String
    public var year: Int
    public var version: TemplateVersion
    /// A government's consolidated report: its text says it covers the departments.
    public var aggregate = false
    /// 行政处罚 decisions (nil: the cell is printed blank).
    public var penalties: Int? = 0
    public var licences = 0
    public var coercion = 0
    public var granted = 0
    public var partial = 0
    /// （三）不予公开 rows by sub-key (`third_party`, `state_secret` …).
    public var denied: [String: Int] = [:]
    /// （四）无法提供 rows by sub-key (`not_held`, `needs_creation`, `still_unclear`).
    public var unavailable: [String: Int] = [:]
    public var carriedIn = 0
    public var carriedOut = 0
    /// Section 四 blocks: [维持, 纠正, 其他, 尚未审结]; the 总计 is their sum.
    public var review = [0, 0, 0, 0]
    public var direct = [0, 0, 0, 0]
    public var afterReview = [0, 0, 0, 0]
    /// 行政规范性文件: V2021 [issued, repealed, in_force]; V2019 [issued, new_published, published_total].
    public var normative = [0, 0, 0]
    /// V2021 行政事业性收费 本年收费金额 (万元).
    public var fee = "0"
    /// Keys printed blank (after everything else is set).
    public var blank: Set<String> = []


    public init(
        bureau: String, year: Int, version: TemplateVersion, aggregate: Bool = false, penalties: Int? = 0, licences: Int = 0,
        coercion: Int = 0, granted: Int = 0, partial: Int = 0, denied: [String: Int] = [:], unavailable: [String: Int] = [:],
        carriedIn: Int = 0, carriedOut: Int = 0, review: [Int] = [0, 0, 0, 0], direct: [Int] = [0, 0, 0, 0],
        afterReview: [Int] = [0, 0, 0, 0], normative: [Int] = [0, 0, 0], fee: String = "0", blank: Set<String> = []
    ) {
        self.bureau = bureau
        self.year = year
        self.version = version
        self.aggregate = aggregate
        self.penalties = penalties
        self.licences = licences
        self.coercion = coercion
        self.granted = granted
        self.partial = partial
        self.denied = denied
        self.unavailable = unavailable
        self.carriedIn = carriedIn
        self.carriedOut = carriedOut
        self.review = review
        self.direct = direct
        self.afterReview = afterReview
        self.normative = normative
        self.fee = fee
        self.blank = blank
    }

    public var handled: Int {
        granted + partial + denied.values.reduce(0, +) + unavailable.values.reduce(0, +)
    }

    public var applications: Int { handled + carriedOut - carriedIn }

    /// The synthetic report with exactly these cells.
    public func synthetic() -> SyntheticReport {
        var cells: [String: ExactDecimal?] = [:]
        for metric in MetricCatalog.standard.requiredMetrics(for: version) { cells[metric.key] = .some(ExactDecimal(0)) }
        func set(_ key: String, _ value: Int) {
            precondition(cells[key] != nil, "\(key) is not a required cell of \(version)")
            cells[key] = .some(ExactDecimal(value))
        }
        func setRow(_ row: String, _ value: Int) {
            set(row + ".natural_person", value)
            set(row + ".total", value)
        }
        if let penalties { set("proactive.penalty.decisions", penalties) } else { cells["proactive.penalty.decisions"] = .some(nil) }
        set("proactive.license.decisions", licences)
        set("proactive.coercion.decisions", coercion)
        let normativeColumns = version == .v2021 ? ["issued", "repealed", "in_force"] : ["issued", "new_published", "published_total"]
        for (column, value) in zip(normativeColumns, normative) { set("proactive.normative_doc." + column, value) }
        if version == .v2021 { cells["proactive.fee.amount_10k_yuan"] = .some(ExactDecimal(fee)!) }
        setRow("outcome.granted", granted)
        setRow("outcome.partial", partial)
        for (reason, value) in denied { setRow("outcome.denied." + reason, value) }
        for (reason, value) in unavailable { setRow("outcome.unavailable." + reason, value) }
        setRow("outcome.total", handled)
        setRow("requests.carried_in", carriedIn)
        setRow("carried_out", carriedOut)
        precondition(applications >= 0, "negative applications for \(bureau) \(year)")
        setRow("requests.new", applications)
        for (block, values) in [("review", review), ("litigation.direct", direct), ("litigation.after_review", afterReview)] {
            for (column, value) in zip(["upheld", "corrected", "other", "pending"], values) { set(block + "." + column, value) }
            set(block + ".total", values.reduce(0, +))
        }
        for key in blank {
            precondition(cells[key] != nil, "\(key) is not a required cell of \(version)")
            cells[key] = .some(nil)
        }
        return SyntheticReport(bureau: bureau, year: year, version: version, cells: cells, publishedOn: "\(year + 1)-01-20")
    }

    /// The report as text (the DOCX-to-text layout), with the consolidated-report
    /// sentence ScopeDetector recognises when `aggregate`.
    public func text() -> String {
        let text = TextReportRenderer.render(synthetic())
        guard aggregate else { return text }
        let anchor = "其他需要报告的事项。"
        precondition(text.contains(anchor))
        return text.replacingOccurrences(of: anchor, with: anchor + TrendFixture.consolidationSentence)
    }

    /// A file name for the report.
    public var fileName: String { "\(bureau)-\(year).txt" }
}
