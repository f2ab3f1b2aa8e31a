import Foundation
@testable import NianbaoKit

/// A hand-checked expected file from `../shared/corpus/expected/` (corpus README):
/// `facts` maps metric keys to a number or null (visibly blank), `also_accept`
/// lists further accepted values (a derived total beside blank 总计).
struct ExpectedReport {
    let document: String
    let bureau: String
    let bureauAliases: [String]
    let year: Int
    let template: TemplateVersion
    /// Metric key → exact decimal text, or nil for a blank cell.
    let facts: [String: String?]
    let alsoAccept: [String: [String]]

    init(contentsOf url: URL) throws {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any] ?? [:]
        document = object["doc"] as? String ?? url.lastPathComponent
        bureau = object["bureau"] as? String ?? ""
        bureauAliases = object["bureau_aliases"] as? [String] ?? []
        year = object["year"] as? Int ?? 0
        template = TemplateVersion(rawValue: object["template"] as? String ?? "") ?? .v2021
        var facts: [String: String?] = [:]
        for (key, value) in object["facts"] as? [String: Any] ?? [:] {
            facts[key] = value is NSNull ? .some(nil) : .some(Self.decimalText(value))
        }
        self.facts = facts
        var accept: [String: [String]] = [:]
        for (key, values) in object["also_accept"] as? [String: [Any]] ?? [:] {
            accept[key] = values.map(Self.decimalText)
        }
        alsoAccept = accept
    }

    /// A JSON number as exact decimal text (JSON integers stay integers).
    static func decimalText(_ value: Any) -> String {
        guard let number = value as? NSNumber else { return "\(value)" }
        let double = number.doubleValue
        if double == double.rounded(), abs(double) < 1e15 { return String(Int64(double)) }
        return ExactDecimal(String(double))?.description ?? String(double)
    }

    /// The cells of `report` that disagree with this file, one line each.
    func mismatches(in report: ExtractedReport) -> [String] {
        var problems: [String] = []
        for (key, expected) in facts.sorted(by: { $0.key < $1.key }) {
            let cell = report.cells[key]
            let actual = cell?.value?.description
            let accepted = [expected].compactMap { $0 } + (alsoAccept[key] ?? [])
            switch expected {
            case nil:
                if cell == nil || !(actual == nil || accepted.contains(actual!)) {
                    problems.append("\(key): expected blank, got \(actual ?? "nil") (\(cell?.status.rawValue ?? "absent"))")
                }
            case let expected?:
                if actual.flatMap(ExactDecimal.init) != ExactDecimal(expected) {
                    problems.append("\(key): expected \(expected), got \(actual ?? "nil") (\(cell?.status.rawValue ?? "absent"), raw \(cell?.raw ?? "nil"))")
                }
            }
        }
        return problems
    }
}
