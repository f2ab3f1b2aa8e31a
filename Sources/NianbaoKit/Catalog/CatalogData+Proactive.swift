/// Section 二 (主动公开政府信息情况): rows and their version-specific columns
/// (report-format.md §3.1, §4.1, §6.1).
extension CatalogData {
    private static let issued2021 = ColumnSpec("issued", LabelSet("本年制发件数", variants: ["本年发件", "本年制发件", "本年新制发件数"]))
    private static let repealed = ColumnSpec("repealed", LabelSet("本年废止件数", variants: ["本年废止件"]))
    private static let inForce = ColumnSpec("in_force", LabelSet("现行有效件数", variants: ["现行有效件", "现行有效"]))
    private static let issued2019 = ColumnSpec(
        "issued", LabelSet("本年新制作数量", variants: ["本年新制作"]), isApproximate: true)
    private static let newPublished = ColumnSpec("new_published", LabelSet("本年新公开数量", variants: ["本年新公开"]))
    private static let publishedTotal = ColumnSpec("published_total", LabelSet("对外公开总数量", variants: ["对外公开总数"]))
    private static let decisions2021 = ColumnSpec("decisions", LabelSet("本年处理决定数量", variants: ["处理决定数量"]))
    private static let decisions2019 = ColumnSpec("decisions", LabelSet("处理决定数量", variants: ["本年处理决定数量"]))
    private static let itemsPrevYear = ColumnSpec("items_prev_year", LabelSet("上一年项目数量", variants: ["上年项目数量"]), unit: .items)
    private static let itemsChange = ColumnSpec(
        "items_change", LabelSet("本年增/减", variants: ["本年增减", "本年增加/减少"]), unit: .items, isSigned: true)
    private static let feeAmount = ColumnSpec(
        "amount_10k_yuan", LabelSet("本年收费金额（单位：万元）", variants: ["本年收费金额(万元)", "本年收费金额"]),
        unit: .tenThousandYuan)
    private static let procurementProjects = ColumnSpec("projects", LabelSet("采购项目数量"))
    private static let procurementAmount = ColumnSpec(
        "amount_10k_yuan", LabelSet("采购总金额", variants: ["采购总金额（万元）"]), unit: .tenThousandYuan)

    /// The section-二 rows in template order.
    static let proactiveRows: [RowSpec] = [
        RowSpec(
            "proactive.regulation", group: "第二十条第（一）项", LabelSet("规章"),
            columnsByVersion: [.v2021: [issued2021, repealed, inForce], .v2019: [issued2019, newPublished, publishedTotal]]),
        RowSpec(
            "proactive.normative_doc", group: "第二十条第（一）项", LabelSet("行政规范性文件", variants: ["规范性文件"]),
            columnsByVersion: [.v2021: [issued2021, repealed, inForce], .v2019: [issued2019, newPublished, publishedTotal]]),
        RowSpec(
            "proactive.license", group: "第二十条第（五）项", LabelSet("行政许可"),
            columnsByVersion: [.v2021: [decisions2021], .v2019: [itemsPrevYear, itemsChange, decisions2019]]),
        RowSpec(
            "proactive.other_service", group: "第二十条第（五）项", LabelSet("其他对外管理服务事项", variants: ["其他对外管理服务"]),
            versions: [.v2019], columnsByVersion: [.v2019: [itemsPrevYear, itemsChange, decisions2019]]),
        RowSpec(
            "proactive.penalty", group: "第二十条第（六）项", LabelSet("行政处罚"),
            columnsByVersion: [.v2021: [decisions2021], .v2019: [itemsPrevYear, itemsChange, decisions2019]]),
        RowSpec(
            "proactive.coercion", group: "第二十条第（六）项", LabelSet("行政强制"),
            columnsByVersion: [.v2021: [decisions2021], .v2019: [itemsPrevYear, itemsChange, decisions2019]]),
        RowSpec(
            "proactive.fee", group: "第二十条第（八）项", LabelSet("行政事业性收费", variants: ["行政事业性收费项目"]),
            columnsByVersion: [.v2021: [feeAmount], .v2019: [itemsPrevYear, itemsChange]]),
        RowSpec(
            "proactive.procurement", group: "第二十条第（九）项", LabelSet("政府集中采购"),
            versions: [.v2019], columnsByVersion: [.v2019: [procurementProjects, procurementAmount]]),
    ]
}
