import NianbaoKit
/// The statistics tables exactly as the national templates print them
/// (report-format.md §2.2, §3, §4): labels, header rows and the cell grid with
/// its row and column spans, for both renderers.
///
/// The labels are written out here, not taken from ``MetricCatalog``: the
/// renderers play the part of a government page, and a page is printed from
/// the template text, so a round trip also checks that the catalog's labels
/// match what pages print. Value cells name the metric key they hold.
enum PrintedTemplate {
    /// One cell of a printed table.
    struct Cell: Sendable {
        enum Role: Sendable {
            /// "第二十条第（一）项", spanning the table.
            case caption
            /// A column header, or the reconciliation note of section 三.
            case header
            /// A merged group cell to the left of row labels ("（三）不予公开").
            case group
            /// A row label.
            case rowLabel
            /// A number: `text` is its metric key.
            case value
        }

        let role: Role
        let text: String
        var columnSpan = 1
        var rowSpan = 1

        static func caption(_ text: String, width: Int) -> Cell { Cell(role: .caption, text: text, columnSpan: width) }
        static func header(_ text: String, columns: Int = 1, rows: Int = 1) -> Cell {
            Cell(role: .header, text: text, columnSpan: columns, rowSpan: rows)
        }
        static func group(_ text: String, rows: Int = 1, columns: Int = 1) -> Cell {
            Cell(role: .group, text: text, columnSpan: columns, rowSpan: rows)
        }
        static func label(_ text: String, columns: Int = 1) -> Cell { Cell(role: .rowLabel, text: text, columnSpan: columns) }
        static func value(_ key: String, columns: Int = 1) -> Cell { Cell(role: .value, text: key, columnSpan: columns) }
    }

    /// One printed table: its section and rows of cells (spanned positions omitted, as in HTML).
    struct Layout: Sendable {
        let section: ReportSection
        let rows: [[Cell]]
    }

    /// The prose headings of the six sections.
    static let headings = [
        "一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项",
    ]

    /// The heading that opens `section`'s table.
    static func heading(_ section: ReportSection) -> String {
        switch section {
        case .proactive: headings[1]
        case .requests: headings[2]
        case .appeals: headings[3]
        }
    }

    /// The three tables of `version`.
    static func tables(_ version: TemplateVersion, captions: Bool = true) -> [Layout] {
        [proactive(version, captions: captions), requests(version), appeals]
    }

    // MARK: - Section 二

    private struct SubTable {
        let caption: String
        let headers: [(String, Int)]
        let rows: [(key: String, label: String, values: [(String, Int)])]
    }

    /// Section 二: one table of caption rows, 信息内容 header rows and data rows.
    /// V2021 is 4 grid columns wide; V2019 is 5, with the colspan shifts of
    /// the Shanghai page (report-format.md §2.2): 本年新公开数量 spans two
    /// columns in （一）, the first value cell spans two in （五）/（六）.
    static func proactive(_ version: TemplateVersion, captions: Bool = true) -> Layout {
        let width = version == .v2021 ? 4 : 5
        let subTables: [SubTable]
        switch version {
        case .v2021:
            let decisions = [("信息内容", 1), ("本年处理决定数量", 3)]
            subTables = [
                SubTable(
                    caption: "第二十条第（一）项",
                    headers: [("信息内容", 1), ("本年制发件数", 1), ("本年废止件数", 1), ("现行有效件数", 1)],
                    rows: [
                        ("proactive.regulation", "规章", [("issued", 1), ("repealed", 1), ("in_force", 1)]),
                        ("proactive.normative_doc", "行政规范性文件", [("issued", 1), ("repealed", 1), ("in_force", 1)]),
                    ]),
                SubTable(
                    caption: "第二十条第（五）项", headers: decisions,
                    rows: [("proactive.license", "行政许可", [("decisions", 3)])]),
                SubTable(
                    caption: "第二十条第（六）项", headers: decisions,
                    rows: [
                        ("proactive.penalty", "行政处罚", [("decisions", 3)]),
                        ("proactive.coercion", "行政强制", [("decisions", 3)]),
                    ]),
                SubTable(
                    caption: "第二十条第（八）项", headers: [("信息内容", 1), ("本年收费金额（单位：万元）", 3)],
                    rows: [("proactive.fee", "行政事业性收费", [("amount_10k_yuan", 3)])]),
            ]
        case .v2019:
            let items = [("信息内容", 1), ("上一年项目数量", 1), ("本年增/减", 2), ("处理决定数量", 1)]
            let itemValues = [("items_prev_year", 2), ("items_change", 1), ("decisions", 1)]
            subTables = [
                SubTable(
                    caption: "第二十条第（一）项",
                    headers: [("信息内容", 1), ("本年新制作数量", 1), ("本年新公开数量", 2), ("对外公开总数量", 1)],
                    rows: [
                        ("proactive.regulation", "规章", [("issued", 1), ("new_published", 2), ("published_total", 1)]),
                        ("proactive.normative_doc", "规范性文件", [("issued", 1), ("new_published", 2), ("published_total", 1)]),
                    ]),
                SubTable(
                    caption: "第二十条第（五）项", headers: items,
                    rows: [
                        ("proactive.license", "行政许可", itemValues),
                        ("proactive.other_service", "其他对外管理服务事项", itemValues),
                    ]),
                SubTable(
                    caption: "第二十条第（六）项", headers: items,
                    rows: [("proactive.penalty", "行政处罚", itemValues), ("proactive.coercion", "行政强制", itemValues)]),
                SubTable(
                    caption: "第二十条第（八）项", headers: [("信息内容", 1), ("上一年项目数量", 2), ("本年增/减", 2)],
                    rows: [("proactive.fee", "行政事业性收费", [("items_prev_year", 2), ("items_change", 2)])]),
                SubTable(
                    caption: "第二十条第（九）项", headers: [("信息内容", 1), ("采购项目数量", 2), ("采购总金额", 2)],
                    rows: [("proactive.procurement", "政府集中采购", [("projects", 2), ("amount_10k_yuan", 2)])]),
            ]
        }
        var rows: [[Cell]] = []
        for sub in subTables {
            if captions { rows.append([.caption(sub.caption, width: width)]) }
            rows.append(sub.headers.map { .header($0.0, columns: $0.1) })
            for row in sub.rows {
                rows.append([.label(row.label)] + row.values.map { .value(row.key + "." + $0.0, columns: $0.1) })
            }
        }
        return Layout(section: .proactive, rows: rows)
    }

    // MARK: - Section 三

    static let reconciliationNote = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    static let applicantColumns = [
        "natural_person", "org_commercial", "org_research", "org_public_interest", "org_legal_service", "org_other", "total",
    ]

    /// Section 三: 10 grid columns, the 3-row header, the group cells with rowspans.
    static func requests(_ version: TemplateVersion) -> Layout {
        func values(_ key: String) -> [Cell] { applicantColumns.map { .value(key + "." + $0) } }
        let outcomeRows = version == .v2021 ? 22 : 20
        var rows: [[Cell]] = [
            [.header(reconciliationNote, columns: 3, rows: 3), .header("申请人情况", columns: 7)],
            [.header("自然人", rows: 2), .header("法人或其他组织", columns: 5), .header("总计", rows: 2)],
            ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"].map { .header($0) },
            [.label("一、本年新收政府信息公开申请数量", columns: 3)] + values("requests.new"),
            [.label("二、上年结转政府信息公开申请数量", columns: 3)] + values("requests.carried_in"),
            [.group("三、本年度办理结果", rows: outcomeRows), .label("（一）予以公开", columns: 2)] + values("outcome.granted"),
            [.label("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", columns: 2)] + values("outcome.partial"),
        ]
        let groups: [(String, [(String, String)])] = [
            ("（三）不予公开", [
                ("outcome.denied.state_secret", "1.属于国家秘密"),
                ("outcome.denied.law_prohibited", "2.其他法律行政法规禁止公开"),
                ("outcome.denied.security_stability", "3.危及“三安全一稳定”"),
                ("outcome.denied.third_party", "4.保护第三方合法权益"),
                ("outcome.denied.internal_affairs", "5.属于三类内部事务信息"),
                ("outcome.denied.process_info", "6.属于四类过程性信息"),
                ("outcome.denied.enforcement_file", "7.属于行政执法案卷"),
                ("outcome.denied.admin_query", "8.属于行政查询事项"),
            ]),
            ("（四）无法提供", [
                ("outcome.unavailable.not_held", "1.本机关不掌握相关政府信息"),
                ("outcome.unavailable.needs_creation", "2.没有现成信息需要另行制作"),
                ("outcome.unavailable.still_unclear", "3.补正后申请内容仍不明确"),
            ]),
            ("（五）不予处理", [
                ("outcome.not_processed.petition_complaint", "1.信访举报投诉类申请"),
                ("outcome.not_processed.duplicate", "2.重复申请"),
                ("outcome.not_processed.publication", "3.要求提供公开出版物"),
                ("outcome.not_processed.excessive", "4.无正当理由大量反复申请"),
                ("outcome.not_processed.reconfirm", "5.要求行政机关确认或重新出具已获取信息"),
            ]),
        ] + (version == .v2021
            ? [("（六）其他处理", [
                ("outcome.other.no_correction", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
                ("outcome.other.fee_unpaid", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
                ("outcome.other.other", "3.其他"),
            ])]
            : [])
        for (group, members) in groups {
            for (index, member) in members.enumerated() {
                let label = Cell.label(member.1)
                rows.append((index == 0 ? [.group(group, rows: members.count), label] : [label]) + values(member.0))
            }
        }
        if version == .v2019 {
            // V2019 prints （六）其他处理 as one row without sub-items (report-format.md §3.2).
            rows.append([.label("（六）其他处理", columns: 2)] + values("outcome.other.subtotal"))
        }
        rows.append([.label("（七）总计", columns: 2)] + values("outcome.total"))
        rows.append([.label("四、结转下年度继续办理", columns: 3)] + values("carried_out"))
        return Layout(section: .requests, rows: rows)
    }

    // MARK: - Section 四

    static let resultLabels = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    static let resultKeys = ["upheld", "corrected", "other", "pending", "total"]

    /// Section 四: the 4-row header and the 15 numbers (report-format.md §2.2).
    static let appeals = Layout(
        section: .appeals,
        rows: [
            [.header("行政复议", columns: 5), .header("行政诉讼", columns: 10)],
            resultLabels.map { .header($0, rows: 2) } + [.header("未经复议直接起诉", columns: 5), .header("复议后起诉", columns: 5)],
            (resultLabels + resultLabels).map { .header($0) },
            ["review", "litigation.direct", "litigation.after_review"].flatMap { block in
                resultKeys.map { Cell.value(block + "." + $0) }
            },
        ])
}

// MARK: - Prose

extension PrintedTemplate {
    /// The sentence with the statistics period (report-format.md §10.2).
    static func periodSentence(_ year: Int) -> String {
        "本报告所列数据统计期限自\(year)年1月1日至\(year)年12月31日止。"
    }

    /// The preamble paragraph under the title.
    static func preamble(_ report: SyntheticReport) -> String {
        "本年度报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）要求编制，全文包括总体情况、主动公开政府信息情况、"
            + "收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。"
            + periodSentence(report.year)
    }

    /// The prose under each heading (sections 一, 五, 六; the others hold tables).
    static func prose(_ index: Int, _ report: SyntheticReport) -> String? {
        switch index {
        case 0:
            "\(report.year)年，\(report.bureau)认真贯彻落实《条例》，坚持以公开为常态、不公开为例外，扎实推进政府信息公开工作。"
        case 4: "公开内容的深度和广度仍有提升空间，下一步将加强业务培训，规范依申请公开办理流程。"
        case 5: "本年度未收取信息处理费。"
        default: nil
        }
    }

    /// A sentence some pages put between a section heading and its table,
    /// restating a number in words (report-format.md §11.2, [R-JS22]).
    static func proseBeforeTable(_ section: ReportSection, _ report: SyntheticReport) -> String {
        func number(_ key: String) -> String { (report.value(key) ?? ExactDecimal(0)).description }
        switch section {
        case .proactive: return "本年度内单位行政处罚处理决定数量\(number("proactive.penalty.decisions"))件。"
        case .requests: return "本年度共新收政府信息公开申请\(number("requests.new.total"))件，详见下表。"
        case .appeals: return "本年度因政府信息公开被申请行政复议\(number("review.total"))件。"
        }
    }
}
