import Foundation

/// Administrative divisions (Data/divisions.csv, compiled into the library).
///
/// Trend queries group reports by province, city and county, but a report
/// only gives its bureau's name. Names start with their region, written in
/// full (江苏省宿迁市沭阳县…), from the city down (淮安市洪泽区…), or from the
/// county alone (山亭区应急局), so the region is read off the start of the name
/// and completed from the table where the name's division is unique.
public struct DivisionTable: Sendable {
    let divisions: [Division]
    /// Division indices by full name.
    private let names: NameTrie
    /// Division indices by unambiguous short form (上海, 临夏州).
    private let shortNames: NameTrie
    /// Characters that end a division's name: a short form followed by one is
    /// really another division's full name ("莱芜区" is not 莱芜市).
    private static let suffixes: Set<Unicode.Scalar> = ["省", "市", "区", "县", "州", "盟", "旗"]
    /// Provinces that are also cities (北京市, 上海市, 天津市, 重庆市): those
    /// whose districts name the province as their city.
    private let municipalities: Set<String>

    /// The bundled table (`BundledDivisions`), parsed on first use.
    public static let bundled: DivisionTable = {
        do {
            return try DivisionTable(csv: BundledDivisions.csv)
        } catch {
            // Only a broken build can get here: BureauBundledDataTests parses it.
            fatalError("bundled divisions.csv: \(error)")
        }
    }()

    /// Parses CSV text with the header code,name,level,province,city (the
    /// format of Data/divisions.csv). Throws `DivisionError` naming the line.
    public init(csv: String) throws {
        let records: [CSVRecord]
        do {
            records = try CSVRecordReader.records(csv)
        } catch {
            throw DivisionError(line: error.line, reason: error.reason)
        }
        let header = ["code", "name", "level", "province", "city"]
        guard let first = records.first, first.fields == header else {
            throw DivisionError(line: records.first?.line ?? 1, reason: "the first line must be the header \(header.joined(separator: ","))")
        }
        var divisions: [Division] = []
        var codes: Set<String> = []
        for record in records.dropFirst() {
            func fail(_ reason: String) -> DivisionError { DivisionError(line: record.line, reason: reason) }
            guard record.fields.count == header.count else {
                throw fail("expected 5 fields (code,name,level,province,city), found \(record.fields.count)")
            }
            let fields = record.fields
            let (code, name, province, city) = (fields[0], fields[1], fields[3], fields[4])
            guard code.utf8.count == 6, code.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else {
                throw fail("code '\(code)' is not six digits")
            }
            guard codes.insert(code).inserted else { throw fail("code \(code) appears twice") }
            guard !name.isEmpty else { throw fail("name is empty") }
            guard let level = DivisionLevel(rawValue: fields[2]) else {
                throw fail("level '\(fields[2])' is not province, city or county")
            }
            switch level {
            case .province:
                guard province.isEmpty, city.isEmpty else { throw fail("a province has no province or city") }
            case .city:
                guard !province.isEmpty, city.isEmpty else { throw fail("a city has a province and no city") }
            case .county:
                guard !province.isEmpty else { throw fail("a county has a province") }
            }
            divisions.append(Division(
                code: code, name: name, level: level,
                province: level == .province ? name : province, city: city.isEmpty ? nil : city))
        }
        self.init(divisions: divisions)
    }

    init(divisions: [Division]) {
        self.divisions = divisions
        var byKey: [String: [Int]] = [:]
        for (position, division) in divisions.enumerated() {
            byKey[division.name, default: []].append(position)
        }
        // A short form counts only when it names one division and is nobody's full name.
        var shortForms: [String: [Int]] = [:]
        for (position, division) in divisions.enumerated() {
            for form in DivisionShortNames.of(division) { shortForms[form, default: []].append(position) }
        }
        var names = NameTrie()
        for (key, positions) in byKey { names.insert(key, values: positions) }
        var shortNames = NameTrie()
        for (form, positions) in shortForms where positions.count == 1 && byKey[form] == nil {
            shortNames.insert(form, values: positions)
        }
        self.names = names
        self.shortNames = shortNames
        municipalities = Set(divisions.compactMap { $0.level == .county && $0.city == $0.province ? $0.province : nil })
    }

    /// The region a bureau name names: the longest matching division names at the start of the name
    /// (full names like 江苏省, 宿迁市, 沭阳县, and the common short forms without the suffix only where
    /// unambiguous, e.g. 上海 for 上海市), completing parents from the table when a county or city is
    /// unique nationally (山亭区 → 山东省 / 枣庄市 / 山亭区).
    ///
    /// Only the start counts: "国家税务总局沭阳县税务局" is a national body's
    /// branch, and a place name inside a name (…路街道) is no region. A name
    /// whose county exists in several places (鼓楼区) gets the county and only
    /// the parents all of them share, and no code. A short form directly
    /// followed by 省/市/区/县/州/盟/旗 is not taken: "莱芜区" is a district the
    /// table may not know (created 2019), not the city 莱芜市.
    public func region(of bureau: String) -> BureauRegion {
        match(bureau).region
    }

    /// The region and how many scalars of the name (after `BureauNameKey`)
    /// it took; `BureauKind` asks whether a name is nothing but a region.
    func match(_ bureau: String) -> (region: BureauRegion, matched: Int, length: Int) {
        match(scalars: Array(BureauNameKey.make(bureau).unicodeScalars))
    }

    func match(scalars: [Unicode.Scalar]) -> (region: BureauRegion, matched: Int, length: Int) {
        var position = 0
        var province: String?
        var city: String?
        var county: String?
        var code: String?
        var deepest: DivisionLevel?

        func fits(_ division: Division) -> Bool {
            if let deepest, division.level <= deepest { return false }
            if let province, division.province != province { return false }
            if let city, division.level == .county, division.city != city { return false }
            return true
        }

        while position < scalars.count, deepest != .county {
            var found: (divisions: [Division], length: Int)?
            let short = shortNames.prefixes(of: scalars, from: position).filter {
                let next = position + $0.length
                return next == scalars.count || !Self.suffixes.contains(scalars[next])
            }
            let prefixes = (names.prefixes(of: scalars, from: position) + short).sorted { $0.length > $1.length }
            for prefix in prefixes where prefix.length >= 2 {
                let candidates = prefix.values.map { divisions[$0] }.filter(fits)
                if !candidates.isEmpty {
                    found = (candidates, prefix.length)
                    break
                }
            }
            guard let found else { break }
            position += found.length
            // A name at two levels (possible in a user's table) is read at the higher one.
            let level = found.divisions.map(\.level).min()!
            let candidates = found.divisions.filter { $0.level == level }
            if candidates.count == 1 {
                let division = candidates[0]
                let region = division.region(isMunicipality: municipalities.contains(division.name))
                province = region.province ?? province
                city = region.city ?? city
                county = region.county ?? county
                code = region.code
                deepest = division.level
            } else {
                // Same name in several places: keep what they share.
                let name = candidates[0].name
                if province == nil, Set(candidates.map(\.province)).count == 1 { province = candidates[0].province }
                if city == nil, level == .county, Set(candidates.map(\.city)).count == 1 { city = candidates[0].city }
                switch level {
                case .province: province = name
                case .city: city = name
                case .county: county = name
                }
                code = nil
                deepest = level
            }
        }
        return (BureauRegion(province: province, city: city, county: county, code: code), position, scalars.count)
    }
}
