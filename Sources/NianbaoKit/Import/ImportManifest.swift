import Foundation

/// Per-file overrides for a batch: a CSV of `path,bureau,year` (either value
/// may be empty), the way an analyst fixes the names and years of many files
/// at once (`nianbao import --manifest fixes.csv`). `--year` and `--bureau`
/// mean one report, so they are refused for folders and several files.
public struct ImportManifest: Sendable, Equatable {
    /// Each listed file, absolute and standardised, with its overrides.
    public let entries: [(path: String, options: ExtractionOptions)]

    public static func == (lhs: ImportManifest, rhs: ImportManifest) -> Bool {
        lhs.entries.map(\.path) == rhs.entries.map(\.path) && lhs.entries.map(\.options) == rhs.entries.map(\.options)
    }

    /// Why a manifest cannot be used, with its line.
    public struct Failure: Error, CustomStringConvertible {
        public let source: String
        public let line: Int
        public let reason: String
        public var description: String { "\(source):\(line): \(reason)" }
    }

    /// Reads `text`; relative paths are relative to the manifest's folder `base`.
    public init(csv text: String, source: String, base: URL) throws(Failure) {
        let records: [CSVRecord]
        do {
            records = try CSVRecordReader.records(text)
        } catch {
            throw Failure(source: source, line: error.line, reason: error.reason)
        }
        let header = ["path", "bureau", "year"]
        guard let first = records.first, first.fields.map({ $0.trimmingCharacters(in: .whitespaces) }) == header else {
            throw Failure(source: source, line: records.first?.line ?? 1, reason: "the first line must be the header path,bureau,year")
        }
        var entries: [(String, ExtractionOptions)] = []
        var seen: Set<String> = []
        for record in records.dropFirst() {
            func fail(_ reason: String) -> Failure { Failure(source: source, line: record.line, reason: reason) }
            guard record.fields.count == 3 else { throw fail("expected 3 fields (path,bureau,year), found \(record.fields.count)") }
            let fields = record.fields.map { $0.trimmingCharacters(in: .whitespaces) }
            guard !fields[0].isEmpty else { throw fail("empty path") }
            let path = Self.standardized(fields[0], base: base)
            guard seen.insert(path).inserted else { throw fail("\(fields[0]) is listed twice") }
            var year: Int?
            if !fields[2].isEmpty {
                guard let value = Int(fields[2]), (1990...2100).contains(value) else { throw fail("year \(fields[2]) is not a report year") }
                year = value
            }
            entries.append((path, ExtractionOptions(year: year, bureau: fields[1].isEmpty ? nil : fields[1])))
        }
        self.entries = entries
    }

    /// The overrides for `path`, if the manifest lists it.
    public func options(for path: String) -> ExtractionOptions? {
        let key = Self.standardized(path, base: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        return entries.first { $0.path == key }?.options
    }

    static func standardized(_ path: String, base: URL) -> String {
        (path.hasPrefix("/") ? URL(fileURLWithPath: path) : base.appendingPathComponent(path)).standardizedFileURL.path
    }
}
