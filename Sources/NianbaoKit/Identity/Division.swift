/// One row of Data/divisions.csv.
struct Division: Sendable, Equatable {
    /// Six-digit national division code (GB/T 2260 style, as packaged upstream).
    let code: String
    let name: String
    let level: DivisionLevel
    /// The province's name; the division's own name for a province.
    let province: String
    /// The prefecture-level city's name: its own for a city, the municipality's
    /// for a municipality's district, nil for provinces and for county-level
    /// divisions governed directly by a province.
    let city: String?

    /// The region this division alone stands for; `isMunicipality` says a
    /// province is also a city (its districts name it as their city).
    func region(isMunicipality: Bool) -> BureauRegion {
        switch level {
        case .province: BureauRegion(province: name, city: isMunicipality ? name : nil, code: code)
        case .city: BureauRegion(province: province, city: name, code: code)
        case .county: BureauRegion(province: province, city: city, county: name, code: code)
        }
    }
}
