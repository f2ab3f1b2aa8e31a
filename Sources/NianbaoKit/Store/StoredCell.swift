import NianbaoSQLite

/// One cell as schema v5 stores it: a compact row of `facts` (integer value,
/// status code, packed locator) and, only where it says something the fact
/// row does not, a row of `provenance` (raw text unlike the value, a decimal
/// value, flags, a locator that does not pack).
///
/// The raw text a fact row implies is the value's text for a reported cell
/// and "" for a blank one; every other raw text is kept in `provenance`.
/// ``cell`` rebuilds the ``CellValue`` exactly (tests round-trip every status).
/// One case is not kept: a reported or blank cell without any raw text reads
/// back with the implied one; no reader makes such a cell (a reported number
/// and a blank are always read from the document's text).
struct StoredCell: Equatable {
    var value: Int64?
    var status: Int64
    var locator: Int64?
    var raw: String?
    var decimal: String?
    var flags: String?
    var locatorText: String?

    /// Whether the cell needs a `provenance` row.
    var hasProvenance: Bool { raw != nil || decimal != nil || flags != nil || locatorText != nil }

    /// Status words by code: the `statuses` table holds the same pairs.
    static let statuses: [CellStatus] = [.reported, .blank, .notApplicable, .derived, .ambiguous, .missing, .invalid]
    static let codes: [CellStatus: Int64] = Dictionary(uniqueKeysWithValues: statuses.enumerated().map { ($1, Int64($0)) })

    init(_ cell: CellValue) {
        status = Self.codes[cell.status] ?? 0
        let text = cell.value?.description
        if let number = cell.value?.integerValue {
            value = Int64(number)
        } else {
            decimal = text
        }
        if cell.raw != Self.impliedRaw(status: cell.status, valueText: text) { raw = cell.raw }
        flags = cell.flags.isEmpty ? nil : cell.flags.joined(separator: ",")
        if let located = cell.locator {
            locator = LocatorCode.pack(located)
            if locator == nil { locatorText = located }
        }
    }

    init(value: Int64?, status: Int64, locator: Int64?, raw: String?, decimal: String?, flags: String?, locatorText: String?) {
        self.value = value
        self.status = status
        self.locator = locator
        self.raw = raw
        self.decimal = decimal
        self.flags = flags
        self.locatorText = locatorText
    }

    /// The raw text a fact row stands for when `provenance` holds none.
    static func impliedRaw(status: CellStatus, valueText: String?) -> String? {
        switch status {
        case .reported: valueText
        case .blank: ""
        default: nil
        }
    }

    var cell: CellValue {
        let status = Self.statuses.indices.contains(Int(status)) ? Self.statuses[Int(status)] : .invalid
        let number = decimal.flatMap(ExactDecimal.init) ?? value.map { ExactDecimal(Int($0)) }
        return CellValue(
            value: number, raw: raw ?? Self.impliedRaw(status: status, valueText: number?.description), status: status,
            flags: flags.map { $0.split(separator: ",").map(String.init) } ?? [],
            locator: locatorText ?? locator.map(LocatorCode.render))
    }

    /// SQL for the `statuses` table's rows.
    static var statusRows: String {
        statuses.enumerated().map { "(\($0), '\($1.rawValue)')" }.joined(separator: ", ")
    }
}
