import Foundation
import NianbaoKit

extension SyntheticReport {
    /// The report as a test fixture's facts file: bureau, year, template,
    /// publication date and every cell by canonical key (integers as numbers,
    /// 万元 amounts as exact decimal strings, blanks as null), with a note on
    /// how the document was made.
    public func factsJSON(document: String, madeWith: String) throws -> Data {
        var facts: [String: Any] = [:]
        for (key, value) in cells {
            guard let value = value ?? nil else {
                facts[key] = NSNull()
                continue
            }
            facts[key] = value.scale == 0 ? (Int(value.description).map { $0 as Any } ?? value.description) : value.description
        }
        let object: [String: Any] = [
            "doc": document, "template": version.rawValue, "bureau": bureau, "year": year, "published_on": publishedOn,
            "made_with": madeWith, "facts": facts,
        ]
        return try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
    }
}
