import Foundation

/// The named queries of a `Queries/` folder, by name.
///
/// The folder is `--queries DIR`, else `$NIANBAO_QUERIES`, else the first
/// `Queries/` found in the working directory or above the executable (so
/// `swift run` and the built binary find the project's queries).
public struct QueryLibrary: Sendable {
    public let directory: URL
    public let queries: [NamedQuery]

    public init(directory: URL) throws(NamedQueryError) {
        self.directory = directory
        let files = (try? FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)) ?? []
        var queries: [NamedQuery] = []
        for file in files.filter({ $0.pathExtension == "sql" }).sorted(by: { $0.lastPathComponent < $1.lastPathComponent }) {
            guard let text = try? String(contentsOf: file, encoding: .utf8) else {
                throw NamedQueryError(source: file.path, line: 0, reason: "cannot read as UTF-8")
            }
            queries.append(try NamedQuery(name: file.deletingPathExtension().lastPathComponent, text: text, source: file.path))
        }
        self.queries = queries
    }

    public func query(_ name: String) -> NamedQuery? { queries.first { $0.name == name } }

    /// The default folder: `$NIANBAO_QUERIES`, `./Queries`, or a `Queries/` above the executable.
    public static func defaultDirectory() -> URL? {
        ProjectFolder.locate("Queries", environment: "NIANBAO_QUERIES") { $0.hasSuffix(".sql") }
    }

    /// The catalog of queries as a table, for `nianbao queries`.
    public var listing: ResultTable {
        ResultTable(
            columns: [ResultColumn("name"), ResultColumn("title"), ResultColumn("parameters"), ResultColumn("description")],
            rows: queries.map { query in
                [
                    query.name, query.title,
                    query.parameters.map { $0.name + ($0.defaultValue.map { "=" + $0 } ?? "") }.joined(separator: " "),
                    query.description,
                ]
            })
    }
}
