/// What kind of body a name names, so trends can compare like with like
/// (every county's 应急管理局, whatever its region).
///
/// Kinds are today's (post-2018-reform) functions, and older names map to
/// them: 安全生产监督管理局 → 应急, 国土资源局 → 自然资源, 工商行政管理局 /
/// 质量技术监督局 / 食品药品监督管理局 → 市场监管, 卫生和计划生育委员会 / 卫生局 →
/// 卫生健康, 发改局 / 发改委 → 发展改革, 科委 → 科技, 环境保护局 → 生态环境. A
/// series therefore runs across the reform under one kind.
///
/// Chinese names put the body last ("公安县财政局", "国家税务总局沭阳县税务局",
/// "上海市人民政府办公厅"), so of the patterns found in a name the one ending
/// last decides, the longer one on a tie. 人民政府 counts only at the end of a
/// name (or as the whole name being a region, "沭阳县"): "…人民政府国有资产监督
/// 管理委员会" is a body of the government, not the government.
public enum BureauKind {
    /// Every kind, in a fixed order (the last, 其他, is everything else).
    public static let all: [String] = [
        "公安", "应急", "市场监管", "自然资源", "交通运输", "卫生健康", "发展改革", "科技", "教育", "财政",
        "生态环境", "住房城乡建设", "人力资源社会保障", "民政", "司法", "农业农村", "水利", "商务", "文化旅游",
        "税务", "审计", "统计", "医疗保障", "退役军人", "信访", "办公室", "人民政府", "其他",
    ]

    /// Patterns found anywhere in a name. Stems without 局/厅/委/部 where they
    /// are safe, so ministries (应急管理部) and commissions match too; the
    /// full word where a stem hides in other words (民政 is inside 人民政府).
    static let patterns: [(kind: String, patterns: [String])] = [
        ("公安", ["公安"]),
        ("应急", ["应急管理", "应急局", "安全生产监督", "安全生产监管", "安监局"]),
        ("市场监管", ["市场监督管理", "市场监管", "工商行政管理", "工商局", "质量技术监督", "质监局",
                  "食品药品监督", "食品药品监管", "食药监"]),
        ("自然资源", ["自然资源", "国土资源", "国土局"]),
        ("交通运输", ["交通运输", "交通局", "交通委"]),
        ("卫生健康", ["卫生健康", "卫健", "卫生和计划生育", "卫生计生", "卫计", "卫生局", "卫生厅", "卫生部"]),
        ("发展改革", ["发展和改革", "发展改革", "发改"]),
        ("科技", ["科学技术", "科技局", "科技厅", "科技部", "科委"]),
        ("教育", ["教育局", "教育厅", "教育部", "教育委", "教委", "教育和体育", "教育体育"]),
        ("财政", ["财政"]),
        ("生态环境", ["生态环境", "环境保护", "环保局"]),
        ("住房城乡建设", ["住房和城乡建设", "住房城乡建设", "住建", "城乡建设", "建设局", "建委"]),
        ("人力资源社会保障", ["人力资源和社会保障", "人力资源社会保障", "人社"]),
        ("民政", ["民政局", "民政厅", "民政部"]),
        ("司法", ["司法局", "司法厅", "司法部"]),
        ("农业农村", ["农业农村", "农业局", "农业委员会", "农委", "农牧"]),
        ("水利", ["水利", "水务局"]),
        ("商务", ["商务"]),
        ("文化旅游", ["文化和旅游", "文化旅游", "文化广电", "文体广电", "文广旅", "文旅", "文化局", "旅游局"]),
        ("税务", ["税务"]),
        ("审计", ["审计"]),
        ("统计", ["统计局"]),
        ("医疗保障", ["医疗保障", "医保局"]),
        ("退役军人", ["退役军人"]),
        ("信访", ["信访"]),
        ("办公室", ["国务院办公厅", "人民政府办公厅", "人民政府办公室", "政府办公厅", "政府办公室", "政府办"]),
    ]

    /// Endings that make a name the government itself: 人民政府 (and 人民政府机关,
    /// the government with its office), a township or street office.
    static let governmentEndings = ["人民政府机关", "人民政府", "政府", "街道办事处", "办事处", "街道", "街", "镇", "乡", "苏木"]

    public static func of(_ bureau: String) -> String {
        of(bureau, divisions: .bundled)
    }

    /// `patterns` as scalar arrays, flattened: matched once per name.
    private static let compiledPatterns: [(kind: String, scalars: [Unicode.Scalar])] = patterns.flatMap { entry in
        entry.patterns.map { (entry.kind, Array($0.unicodeScalars)) }
    }
    private static let compiledEndings: [[Unicode.Scalar]] = governmentEndings.map { Array($0.unicodeScalars) }

    /// The kind, with `divisions` deciding whether the whole name is a region.
    static func of(_ bureau: String, divisions: DivisionTable) -> String {
        let name = Array(BureauNameKey.make(bureau).unicodeScalars)
        guard !name.isEmpty else { return "其他" }
        var best: (kind: String, end: Int, length: Int)?
        func consider(_ kind: String, end: Int, length: Int) {
            if let current = best, (current.end, current.length) >= (end, length) { return }
            best = (kind, end, length)
        }
        for (kind, pattern) in compiledPatterns where pattern.count <= name.count {
            for start in 0...(name.count - pattern.count) where name[start] == pattern[0] {
                if name[start..<start + pattern.count].elementsEqual(pattern) {
                    consider(kind, end: start + pattern.count, length: pattern.count)
                }
            }
        }
        for ending in compiledEndings where name.count > ending.count && name.suffix(ending.count).elementsEqual(ending) {
            consider("人民政府", end: name.count, length: ending.count)
            break
        }
        let match = divisions.match(scalars: name)
        if match.matched == match.length {
            consider("人民政府", end: name.count, length: name.count)
        }
        return best?.kind ?? "其他"
    }
}
