extension TrendGrouping {
    /// SQL over `report_measures m` giving a report's group as a `names` id;
    /// nil for one group of everything. Trends group by it and the totals of
    /// every level are kept by it, so both always agree on a report's group.
    var measureColumn: String? {
        switch self {
        case .year: nil
        case .bureau: "m.body"
        case .region: "COALESCE(m.city, m.province)"
        case .province: "m.province"
        case .city: "m.city"
        case .county: "m.county"
        case .kind: "m.kind"
        }
    }
}
