import Foundation
import NianbaoKit

/// `--aliases FILE…`: user alias tables added to the bundled one.
enum AliasFiles {
    /// The user tables merged, or nil when none was given.
    static func load(_ paths: [String]) throws -> BureauAliasTable? {
        guard !paths.isEmpty else { return nil }
        var table = BureauAliasTable(rows: [])
        for path in paths {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw ConsoleError("\(path): cannot read the alias file as UTF-8")
            }
            table = table.adding(try BureauAliasTable(csv: text, source: path))
        }
        return table
    }
}
