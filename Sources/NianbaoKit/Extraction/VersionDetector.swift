/// Tells the template version from the labels a report prints (report-format.md §10.4),
/// never from its year: V2019 tables still appear in 2021 and 2022 reports.
public enum VersionDetector {
    /// Labels only V2021 tables print.
    static let v2021Markers = ["本年制发件数", "本年废止件数", "现行有效件数", "本年收费金额", "逾期未按收费通知要求缴纳费用"]
        .map(LabelNormalizer.normalize)
    /// Labels only V2019 tables print.
    static let v2019Markers = ["本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "政府集中采购", "其他对外管理服务事项"]
        .map(LabelNormalizer.normalize)

    /// The version the rows' labels show, or nil when they show none.
    /// - Returns: the version and, when both versions' labels appear, a finding.
    public static func detect(_ rows: [LocatedRow]) -> (version: TemplateVersion, finding: Finding?)? {
        // One text to search: normalised rows hold no line break, and no marker does, so a
        // marker is found in the joined text exactly when it is found in a row.
        let texts = rows.map(\.normalizedText).joined(separator: "\n")
        func count(_ markers: [String]) -> Int { markers.filter { texts.includes($0) }.count }
        let (v2021, v2019) = (count(v2021Markers), count(v2019Markers))
        switch (v2021, v2019) {
        case (0, 0): return nil
        case (_, 0): return (.v2021, nil)
        case (0, _): return (.v2019, nil)
        default:
            let version: TemplateVersion = v2021 >= v2019 ? .v2021 : .v2019
            return (version, Finding(
                rule: "version_conflict", severity: .warning,
                message: "labels of both templates appear (\(v2021) V2021, \(v2019) V2019); read as \(version.rawValue)"))
        }
    }
}
