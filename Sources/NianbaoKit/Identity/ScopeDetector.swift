/// Decides own vs aggregate scope from the report's text (report-format.md §10.3).
///
/// A government publishes two kinds of report under almost the same title:
/// its own, and a consolidated one whose numbers add up those of its
/// departments and subordinate governments ("本报告涵盖…各县、区政府和市政府
/// 各工作部门"). Adding the consolidated numbers to the members' would count
/// everything twice, so the scope must be stored. Titles do not tell them
/// apart; the consolidated report says so in a sentence about itself, which
/// is what this looks for:
///
/// - the report speaking of itself (本报告, 本年度报告, 本年报, 本次报告) with a
///   coverage word (涵盖, 包括, 包含, 覆盖, 汇总, 含各) or a whole-area word
///   (全市, 全省, 全县, 全区, 全州, 全盟, 全旗), and members (各部门, 各工作部门,
///   所属部门, 组成部门, 各县…, 各区…, 各乡…, 各镇…, 各街道, 各市(州), 各级政府,
///   各级行政机关) in the same sentence; or
/// - 汇总 with 编制 / 形成 / 而成 / 生成 ("根据各部门年度报告汇总编制") and either
///   members or the report speaking of itself.
///
/// A sentence with a negation (不包括, 不包含, 不含, 不涵盖, 未包括, 未涵盖: "本报告
/// 不包括区政府各部门") counts for nothing. Members alone are no signal: every
/// government's own report says it "指导各部门" or trained "全市各部门". And only
/// a government (人民政府, its 办公室, or a body of unknown kind) compiles a
/// consolidated report: a department covering its own sub-units ("局属各单位")
/// is that department's own report.
public enum ScopeDetector {
    static let selfReferences = ["本报告", "本年度报告", "本年报", "本次报告"]
    static let coverageWords = ["涵盖", "包括", "包含", "覆盖", "汇总", "含各"]
    static let wholeAreaWords = ["全市", "全省", "全县", "全区", "全州", "全盟", "全旗"]
    static let members = [
        "各部门", "各工作部门", "所属部门", "组成部门", "各县", "各区", "各乡", "各镇", "各街道",
        "各市(州)", "各市州", "各市、州", "各级政府", "各级行政机关",
    ]
    static let compilingWords = ["编制", "形成", "而成", "生成"]
    static let negations = ["不包括", "不包含", "不含", "不涵盖", "未包括", "未包含", "未涵盖"]
    /// Kinds that can publish a consolidated report.
    static let governmentKinds: Set<String> = ["人民政府", "办公室", "其他"]

    public static func scope(bureau: String, text: [String]) -> BureauScope {
        guard governmentKinds.contains(BureauKind.of(bureau)) else { return .own }
        return sentences(text).contains(where: isConsolidationStatement) ? .aggregate : .own
    }

    /// Sentences of the text: lines joined without a separator (Chinese text
    /// wraps mid-sentence in PDF and DOCX text), whitespace dropped, split at
    /// sentence ends.
    static func sentences(_ text: [String]) -> [String] {
        let joined = BureauNameKey.make(text.joined())
        return joined.split(whereSeparator: { "。；;！!？?".contains($0) }).map(String.init)
    }

    static func isConsolidationStatement(_ sentence: String) -> Bool {
        func has(_ words: [String]) -> Bool { words.contains(where: sentence.includes) }
        if has(negations) { return false }
        let speaksOfItself = has(selfReferences)
        let namesMembers = has(members)
        if speaksOfItself, namesMembers, has(coverageWords) || has(wholeAreaWords) { return true }
        if sentence.includes("汇总"), has(compilingWords), namesMembers || speaksOfItself { return true }
        return false
    }
}
