/// The trend measures: every raw metric under its own key, and the derived
/// series analysts ask for, each with its written definition (README lists them).
public struct MeasureCatalog: Sendable {
    public static let standard = MeasureCatalog(catalog: .standard)

    /// Derived measures first (in this order), then every metric.
    public let measures: [Measure]
    private let index: [String: Int]

    public init(catalog: MetricCatalog) {
        let both = TemplateVersion.allCases
        let denied = catalog.requestRows.map(\.key).filter { $0.hasPrefix("outcome.denied.") && !$0.hasSuffix(".subtotal") }
            .map { $0 + ".total" }
        let unavailable = catalog.requestRows.map(\.key)
            .filter { $0.hasPrefix("outcome.unavailable.") && !$0.hasSuffix(".subtotal") }.map { $0 + ".total" }
        let lawsuits = ["litigation.direct.total", "litigation.after_review.total"]
        let derived: [Measure] = [
            Measure(
                id: "applications", chinese: "本年新收申请", english: "Applications received",
                formula: .sum(["requests.new.total"]), unit: "件",
                definition: "Disclosure applications received in the year (一、本年新收政府信息公开申请数量, 总计).",
                versions: both, comparability: .same),
            Measure(
                id: "carried_in", chinese: "上年结转申请", english: "Applications carried over",
                formula: .sum(["requests.carried_in.total"]), unit: "件",
                definition: "Applications carried over from the previous year (二、上年结转, 总计).",
                versions: both, comparability: .same),
            Measure(
                id: "handled", chinese: "本年办理", english: "Applications handled",
                formula: .sum(["outcome.total.total"]), unit: "件",
                definition: "Applications handled in the year (三、本年度办理结果 （七）总计, 总计).",
                versions: both, comparability: .same),
            Measure(
                id: "carried_out", chinese: "结转下年度", english: "Applications carried forward",
                formula: .sum(["carried_out.total"]), unit: "件",
                definition: "Applications carried forward to the next year (四、结转下年度继续办理, 总计).",
                versions: both, comparability: .same),
            Measure(
                id: "granted", chinese: "予以公开及部分公开", english: "Granted (full or partial)",
                formula: .sum(["outcome.granted.total", "outcome.partial.total"]), unit: "件",
                definition: "Applications granted in full or in part: （一）予以公开 + （二）部分公开.",
                versions: both, comparability: .same),
            Measure(
                id: "disclosure_rate", chinese: "公开率", english: "Disclosure rate",
                formula: .ratio(numerator: ["outcome.granted.total", "outcome.partial.total"], denominator: ["outcome.total.total"], scale: 100, decimals: 2),
                unit: "%",
                definition: "(予以公开 + 部分公开) / 办理结果总计 × 100.",
                versions: both, comparability: .same),
            Measure(
                id: "refusals_legal", chinese: "不予公开", english: "Refused for legal reasons",
                formula: .sum(denied), unit: "件",
                definition: "（三）不予公开: the sum of its eight reason rows (legal grounds for refusal).",
                versions: both, comparability: .same),
            Measure(
                id: "refusals_operational", chinese: "无法提供", english: "Not provided for operational reasons",
                formula: .sum(unavailable), unit: "件",
                definition: "（四）无法提供: the sum of its three reason rows (information not held, needs creating, still unclear).",
                versions: both, comparability: .same),
            Measure(
                id: "refusal_legal_share", chinese: "不予公开占比", english: "Legal share of refusals",
                formula: .ratio(numerator: denied, denominator: denied + unavailable, scale: 100, decimals: 2), unit: "%",
                definition: "不予公开 / (不予公开 + 无法提供) × 100: how much of the refusal mix rests on legal grounds.",
                versions: both, comparability: .same),
            Measure(
                id: "reviews", chinese: "行政复议", english: "Administrative reconsiderations",
                formula: .sum(["review.total"]), unit: "件",
                definition: "Reconsideration cases about disclosure (行政复议, 总计).", versions: both, comparability: .same),
            Measure(
                id: "review_corrected", chinese: "复议纠正", english: "Reconsiderations corrected",
                formula: .sum(["review.corrected"]), unit: "件",
                definition: "Reconsideration cases whose result corrected the body (结果纠正).", versions: both, comparability: .same),
            Measure(
                id: "review_correction_rate", chinese: "复议纠错率", english: "Reconsideration correction rate",
                formula: .ratio(
                    numerator: ["review.corrected"],
                    denominator: ["review.upheld", "review.corrected", "review.other"], scale: 100, decimals: 2),
                unit: "%",
                definition: "结果纠正 / decided reconsiderations (维持 + 纠正 + 其他; 尚未审结 excluded) × 100.",
                versions: both, comparability: .same),
            Measure(
                id: "lawsuits", chinese: "行政诉讼", english: "Lawsuits",
                formula: .sum(lawsuits), unit: "件",
                definition: "Lawsuits about disclosure: 未经复议直接起诉 + 复议后起诉 (总计).", versions: both, comparability: .same),
            Measure(
                id: "litigation_correction_rate", chinese: "诉讼纠错率", english: "Litigation correction rate",
                formula: .ratio(
                    numerator: ["litigation.direct.corrected", "litigation.after_review.corrected"],
                    denominator: [
                        "litigation.direct.upheld", "litigation.direct.corrected", "litigation.direct.other",
                        "litigation.after_review.upheld", "litigation.after_review.corrected", "litigation.after_review.other",
                    ], scale: 100, decimals: 2),
                unit: "%",
                definition: "结果纠正 / decided lawsuits (维持 + 纠正 + 其他, both branches; 尚未审结 excluded) × 100.",
                versions: both, comparability: .same),
            Measure(
                id: "remedy_rate", chinese: "救济率", english: "Remedy rate",
                formula: .ratio(numerator: ["review.total"] + lawsuits, denominator: ["requests.new.total"], scale: 100, decimals: 2),
                unit: "per 100 applications",
                definition: "(行政复议 + 行政诉讼) per 100 applications received.", versions: both, comparability: .same),
            Measure(
                id: "backlog_share", chinese: "结转占比", english: "Backlog share",
                formula: .ratio(
                    numerator: ["carried_out.total"], denominator: ["requests.new.total", "requests.carried_in.total"],
                    scale: 100, decimals: 2),
                unit: "%",
                definition: "结转下年度 / (本年新收 + 上年结转) × 100.", versions: both, comparability: .same),
            Measure(
                id: "penalties", chinese: "行政处罚决定", english: "Administrative penalty decisions",
                formula: .sum(["proactive.penalty.decisions"]), unit: "件",
                definition: "行政处罚 处理决定数量 (V2019) / 本年处理决定数量 (V2021).", versions: both, comparability: .same),
            Measure(
                id: "licences", chinese: "行政许可决定", english: "Licensing decisions",
                formula: .sum(["proactive.license.decisions"]), unit: "件",
                definition: "行政许可 处理决定数量 (V2019) / 本年处理决定数量 (V2021).", versions: both, comparability: .same),
            Measure(
                id: "coercion", chinese: "行政强制决定", english: "Coercive measure decisions",
                formula: .sum(["proactive.coercion.decisions"]), unit: "件",
                definition: "行政强制 处理决定数量 (V2019) / 本年处理决定数量 (V2021).", versions: both, comparability: .same),
            Measure(
                id: "fees", chinese: "行政事业性收费金额", english: "Administrative fees",
                formula: .sum(["proactive.fee.amount_10k_yuan"]), unit: "万元",
                definition: "行政事业性收费 本年收费金额 in 万元 (V2021 only; V2019 reported item counts).",
                versions: [.v2021], comparability: .v2021Only),
        ]
        let raw = catalog.metrics.map { metric in
            Measure(
                id: metric.key, chinese: metric.label, english: metric.key, formula: .sum([metric.key]),
                unit: metric.unit.rawValue, definition: "The cell \(metric.label).", versions: metric.versions,
                comparability: metric.comparability)
        }
        measures = derived + raw
        index = Dictionary(measures.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func measure(_ id: String) -> Measure? { index[id].map { measures[$0] } }

    /// The derived measures only (not the raw metrics).
    public var derived: [Measure] { measures.filter { $0.id.firstIndex(of: ".") == nil } }
}
