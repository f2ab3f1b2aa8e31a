/// The three levels of Data/divisions.csv. Towns and villages are left out:
/// a report names its county-level parent, and town names repeat too often
/// across the country to identify anything on their own.
enum DivisionLevel: String, Sendable, Comparable {
    case province, city, county

    private var depth: Int {
        switch self {
        case .province: 0
        case .city: 1
        case .county: 2
        }
    }

    static func < (lhs: DivisionLevel, rhs: DivisionLevel) -> Bool { lhs.depth < rhs.depth }
}
