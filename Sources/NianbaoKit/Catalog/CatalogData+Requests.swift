/// Section 三 (收到和处理政府信息公开申请情况): 25 V2021 rows / 23 V2019 rows
/// × 7 applicant columns (report-format.md §3.2, §4.2).
extension CatalogData {
    /// The seven applicant columns, in printed order.
    static let applicantColumns: [ColumnSpec] = [
        ColumnSpec("natural_person", LabelSet("自然人")),
        ColumnSpec("org_commercial", LabelSet("商业企业")),
        ColumnSpec("org_research", LabelSet("科研机构")),
        ColumnSpec("org_public_interest", LabelSet("社会公益组织")),
        ColumnSpec("org_legal_service", LabelSet("法律服务机构")),
        ColumnSpec("org_other", LabelSet("其他")),
        ColumnSpec("total", LabelSet("总计")),
    ]

    static let outcomeGroup = "三、本年度办理结果"
    static let deniedGroup = "（三）不予公开"
    static let unavailableGroup = "（四）无法提供"
    static let notProcessedGroup = "（五）不予处理"
    static let otherGroup = "（六）其他处理"

    private static let v2021Only: Set<TemplateVersion> = [.v2021]

    /// The section-三 rows in template order, optional subtotal rows just
    /// before the sub-rows they sum (where a report that prints one puts it).
    static let requestRows: [RowSpec] = [
        RowSpec("requests.new", LabelSet("一、本年新收政府信息公开申请数量", variants: ["本年新收政府信息公开申请数量"])),
        RowSpec("requests.carried_in", LabelSet("二、上年结转政府信息公开申请数量", variants: ["上年结转政府信息公开申请数量"])),
        RowSpec("outcome.granted", group: outcomeGroup, LabelSet("（一）予以公开")),
        RowSpec(
            "outcome.partial", group: outcomeGroup,
            LabelSet("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", variants: ["（二）部分公开"])),
        subtotal("outcome.denied", deniedGroup),
        RowSpec("outcome.denied.state_secret", group: deniedGroup, LabelSet("1.属于国家秘密")),
        RowSpec("outcome.denied.law_prohibited", group: deniedGroup, LabelSet("2.其他法律行政法规禁止公开")),
        RowSpec("outcome.denied.security_stability", group: deniedGroup, LabelSet("3.危及“三安全一稳定”")),
        RowSpec("outcome.denied.third_party", group: deniedGroup, LabelSet("4.保护第三方合法权益")),
        RowSpec("outcome.denied.internal_affairs", group: deniedGroup, LabelSet("5.属于三类内部事务信息")),
        RowSpec("outcome.denied.process_info", group: deniedGroup, LabelSet("6.属于四类过程性信息")),
        RowSpec("outcome.denied.enforcement_file", group: deniedGroup, LabelSet("7.属于行政执法案卷")),
        RowSpec("outcome.denied.admin_query", group: deniedGroup, LabelSet("8.属于行政查询事项")),
        subtotal("outcome.unavailable", unavailableGroup),
        RowSpec("outcome.unavailable.not_held", group: unavailableGroup, LabelSet("1.本机关不掌握相关政府信息")),
        RowSpec("outcome.unavailable.needs_creation", group: unavailableGroup, LabelSet("2.没有现成信息需要另行制作")),
        RowSpec("outcome.unavailable.still_unclear", group: unavailableGroup, LabelSet("3.补正后申请内容仍不明确")),
        subtotal("outcome.not_processed", notProcessedGroup),
        RowSpec("outcome.not_processed.petition_complaint", group: notProcessedGroup, LabelSet("1.信访举报投诉类申请")),
        RowSpec("outcome.not_processed.duplicate", group: notProcessedGroup, LabelSet("2.重复申请")),
        RowSpec("outcome.not_processed.publication", group: notProcessedGroup, LabelSet("3.要求提供公开出版物")),
        RowSpec("outcome.not_processed.excessive", group: notProcessedGroup, LabelSet("4.无正当理由大量反复申请")),
        RowSpec(
            "outcome.not_processed.reconfirm", group: notProcessedGroup,
            LabelSet("5.要求行政机关确认或重新出具已获取信息", variants: ["5.要求行政机关确认或重新出具"])),
        // V2019 prints （六）其他处理 as one row; V2021 splits it, but some
        // V2021-era reports still print the merged row.
        RowSpec("outcome.other.subtotal", group: otherGroup, LabelSet(otherGroup), optionalIn: v2021Only),
        RowSpec(
            "outcome.other.no_correction", group: otherGroup,
            LabelSet(
                "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                variants: ["1.申请人无正当理由逾期不补正，行政机关不再处理其政府信息公开申请"]),
            versions: v2021Only),
        RowSpec(
            "outcome.other.fee_unpaid", group: otherGroup,
            LabelSet(
                "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
                variants: ["2.申请人逾期未按收费通知要求缴纳费用，行政机关不再处理其政府信息公开申请"]),
            versions: v2021Only),
        RowSpec("outcome.other.other", group: otherGroup, LabelSet("3.其他"), versions: v2021Only),
        RowSpec("outcome.total", group: outcomeGroup, LabelSet("（七）总计")),
        RowSpec("carried_out", LabelSet("四、结转下年度继续办理", variants: ["结转下年度继续办理"])),
    ]

    /// A group subtotal row: not in the template, printed by some reports
    /// with the group label and numbers, stored and validated when seen.
    private static func subtotal(_ prefix: String, _ group: String) -> RowSpec {
        RowSpec(prefix + ".subtotal", group: group, LabelSet(group), optionalIn: Set(TemplateVersion.allCases))
    }

    /// The outcome sub-row groups whose subtotal may stand in for them (R3).
    static let outcomeGroups: [(subtotal: String, components: [String])] = {
        let prefixes = ["outcome.denied", "outcome.unavailable", "outcome.not_processed", "outcome.other"]
        return prefixes.map { prefix in
            (
                prefix + ".subtotal",
                requestRows.map(\.key).filter { $0.hasPrefix(prefix + ".") && $0 != prefix + ".subtotal" }
            )
        }
    }()
}
