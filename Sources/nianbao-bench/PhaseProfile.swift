import Foundation
import NianbaoKit

/// Where one report's time goes, phase by phase and format by format, on
/// one thread: reading the file, hashing, reading it into a document
/// (decoding included), extracting, validating, and storing. The import
/// figures say how fast; these say what to make faster.
struct PhaseProfile {
    private var seconds: [String: [String: Double]] = [:]
    private var counts: [String: Int] = [:]

    static let phases = ["read file", "sha256", "document", "extract", "validate", "store"]

    /// Runs every phase for each of `paths`, storing into a fresh database at `database`.
    static func measure(_ paths: [String], database: String) throws -> PhaseProfile {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database + suffix) }
        let store = try Store(path: database)
        let parser = ReportParser()
        var profile = PhaseProfile()
        // One transaction, a savepoint per report: storing as the importer does.
        try store.inTransaction {
        for path in paths {
            var times: [String: Double] = [:]
            func timed<T>(_ phase: String, _ body: () throws -> T) rethrows -> T {
                let start = DispatchTime.now()
                defer { times[phase] = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9 }
                return try body()
            }
            guard let bytes = try? timed("read file", { try ReportParser.readFile(at: path) }) else { continue }
            let sha256 = timed("sha256") { ReportParser.sha256(bytes) }
            let format = DocumentFormat.detect(bytes)
            guard let (document, encoding, layout) = try? timed("document", { try parser.read(bytes, format: format, path: path, options: .init()) }),
                var report = try? timed("extract", { try parser.extractor.extract(document) })
            else { continue }
            timed("validate") { parser.validator.validate(&report) }
            let source = SourceFile(path: path, sha256: sha256, format: format, layout: layout, encoding: encoding)
            _ = try timed("store") { try store.save(ParsedReport(report: report, source: source), replace: false) }
            profile.add(source.formatName, times)
        }
        }
        return profile
    }

    private mutating func add(_ format: String, _ times: [String: Double]) {
        counts[format, default: 0] += 1
        for (phase, time) in times { seconds[format, default: [:]][phase, default: 0] += time }
    }

    /// One line per format: milliseconds per report in each phase.
    var lines: [String] {
        counts.keys.sorted().map { format in
            let count = Double(counts[format]!)
            let parts = Self.phases.map { String(format: "%@ %.2f", $0, (seconds[format]?[$0] ?? 0) * 1000 / count) }
            let total = (seconds[format]?.values.reduce(0, +) ?? 0) * 1000 / count
            return String(format: "  %@ (%d reports): %.2f ms per report = ", format, counts[format]!, total)
                + parts.joined(separator: ", ")
        }
    }
}
