/// Where a bureau sits: its province, prefecture-level city and county-level
/// division, as far as its name says (or the division table can complete).
///
/// A municipality (北京市, 上海市, 天津市, 重庆市) is a province and a city at once:
/// its own bureaus and its districts have both `province` and `city` set to
/// its name, so grouping by city puts 上海市科委 and 上海市徐汇区 together the
/// way 南京市 bureaus and 南京市鼓楼区 are. County-level cities governed
/// directly by a province (济源市, 仙桃市, 石河子市…) have no city.
public struct BureauRegion: Sendable, Equatable {
    public let province: String?
    public let city: String?
    public let county: String?
    /// The six-digit division code of the most specific division named, nil
    /// when that division is ambiguous (鼓楼区 alone) or no region is named.
    public let code: String?

    public init(province: String? = nil, city: String? = nil, county: String? = nil, code: String? = nil) {
        self.province = province
        self.city = city
        self.county = county
        self.code = code
    }

    /// No region at all (应急管理部, a name the table does not know).
    public static let none = BureauRegion()
}
