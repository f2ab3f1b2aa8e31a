/// The three report sections that hold statistics tables (report-format.md §2.1).
public enum ReportSection: String, CaseIterable, Sendable, Codable {
    /// 二、主动公开政府信息情况.
    case proactive = "二"
    /// 三、收到和处理政府信息公开申请情况.
    case requests = "三"
    /// 四、政府信息公开行政复议、行政诉讼情况.
    case appeals = "四"

    /// The canonical V2021 heading, used in messages and docs.
    public var heading: String {
        switch self {
        case .proactive: "二、主动公开政府信息情况"
        case .requests: "三、收到和处理政府信息公开申请情况"
        case .appeals: "四、政府信息公开行政复议、行政诉讼情况"
        }
    }
}
