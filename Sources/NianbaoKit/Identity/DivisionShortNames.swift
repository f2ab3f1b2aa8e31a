/// The short forms a report may use for a province or prefecture-level city:
/// its name without the administrative suffix (上海 for 上海市, 江苏 for 江苏省,
/// 广西 for 广西壮族自治区, 阿里 for 阿里地区), and for an autonomous prefecture
/// also the stem with 州 (临夏州 for 临夏回族自治州, the form in "临夏州公安局").
///
/// Counties get no short forms: their stems collide with ordinary words at
/// the start of bureau names (公安县 would make every 公安局 a county's body),
/// and reports name counties in full anyway.
enum DivisionShortNames {
    /// The ethnic groups named in autonomous-region and prefecture names, without 族.
    static let ethnicGroups = [
        "蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜", "满", "侗", "瑶", "白", "土家",
        "哈尼", "哈萨克", "傣", "黎", "傈僳", "佤", "畲", "高山", "拉祜", "水", "东乡", "纳西", "景颇",
        "柯尔克孜", "土", "达斡尔", "仫佬", "羌", "布朗", "撒拉", "毛南", "仡佬", "锡伯", "阿昌", "普米",
        "塔吉克", "怒", "乌孜别克", "俄罗斯", "鄂温克", "德昂", "保安", "裕固", "京", "塔塔尔", "独龙",
        "鄂伦春", "赫哲", "门巴", "珞巴", "基诺",
    ].sorted { $0.count > $1.count }

    /// Short forms of `division` (possibly none), at least two characters long.
    static func of(_ division: Division) -> [String] {
        let name = division.name
        var forms: [String] = []
        switch division.level {
        case .county:
            return []
        case .province:
            for suffix in ["特别行政区", "自治区", "省", "市"] where name.hasSuffix(suffix) {
                forms.append(withoutEthnicGroups(String(name.dropLast(suffix.count))))
                break
            }
        case .city:
            if name.hasSuffix("自治州") {
                let stem = withoutEthnicGroups(String(name.dropLast(3)))
                forms += [stem, stem + "州"]
            } else {
                for suffix in ["地区", "盟", "市"] where name.hasSuffix(suffix) {
                    forms.append(String(name.dropLast(suffix.count)))
                    break
                }
            }
        }
        return forms.filter { $0.count >= 2 && $0 != name }
    }

    /// "黔东南苗族侗族" → "黔东南", "巴音郭楞蒙古" → "巴音郭楞": ethnic group names
    /// stripped from the end. A one-character name is only stripped with its
    /// 族 ("白族", never the 白 of a place name).
    static func withoutEthnicGroups(_ stem: String) -> String {
        var stem = stem
        var stripped = true
        while stripped {
            stripped = false
            for group in ethnicGroups {
                for suffix in [group + "族"] + (group.count > 1 ? [group] : [])
                where stem.hasSuffix(suffix) && stem.count - suffix.count >= 2 {
                    stem.removeLast(suffix.count)
                    stripped = true
                    break
                }
                if stripped { break }
            }
        }
        return stem
    }
}
