import Foundation
import Testing
@testable import NianbaoKit
import NianbaoSynthesis

/// Readers query while an import writes (WAL and a busy timeout): a trend or
/// a listing on another connection never fails with "database is locked",
/// and sees whole reports only, never half a report's facts.
struct ConcurrentReadTests {
    /// Report `index` of a small corpus, parsed as an import would hand it to the store.
    static func parsed(_ index: Int) -> ParsedReport {
        let year = 2019 + index % 7
        var synthesizer = ReportSynthesizer(seed: UInt64(index))
        let synthetic = synthesizer.make(
            bureau: CorpusGenerator.bureau(index / 7), year: year, version: year <= 2020 ? .v2019 : .v2021, blankZeros: false)
        var report = synthetic.extractedReport()
        Validator().validate(&report)
        let sha = String(format: "%064x", index + 1)
        return ParsedReport(report: report, source: SourceFile(path: "c/\(index).txt", sha256: sha, format: .text, layout: .tabbed, encoding: .utf8))
    }

    @Test func trendsAndListingsReadWhileAnImportWrites() async throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { TestSupport.cleanUp(directory) }
        let path = directory.appendingPathComponent("concurrent.db").path
        _ = try Store(path: path)
        let total = 140
        let writer = Task.detached { () throws -> Int in
            let store = try Store(path: path)
            // Batches of ten reports per transaction, as the importer commits them.
            for start in stride(from: 0, to: total, by: 10) {
                try store.inTransaction {
                    for index in start..<(start + 10) { _ = try store.save(Self.parsed(index), replace: false) }
                }
            }
            return total
        }
        let reader = Task.detached { () throws -> (reads: Int, counts: [Int]) in
            let store = try Store(path: path, readOnly: true)
            let request = TrendRequest(measures: [MeasureCatalog.standard.measure("applications")!], grouping: .year)
            var counts: [Int] = [], reads = 0
            // (A writer that fails ends the loop by the deadline, not by hanging the suite.)
            let deadline = Date().addingTimeInterval(60)
            while counts.last != total && Date() < deadline {
                let reports = Int(try store.readOnlyQuery("SELECT COUNT(*) FROM reports").rows[0][0] ?? "") ?? -1
                // Every report stored has all its facts: a transaction is seen whole or not at all.
                let facts = Int(try store.readOnlyQuery("SELECT COUNT(*) FROM facts").rows[0][0] ?? "") ?? -1
                let perReport = Int(try store.readOnlyQuery("SELECT COUNT(*) FROM facts GROUP BY report_id ORDER BY 1 LIMIT 1").rows.first?[0] ?? "0") ?? 0
                #expect(reports == 0 || facts >= reports * perReport)
                _ = try TrendQuery(request).run(on: store)
                counts.append(reports)
                reads += 1
            }
            return (reads, counts)
        }
        #expect(try await writer.value == total)
        let (reads, counts) = try await reader.value
        #expect(counts == counts.sorted(), "a reader saw reports disappear: \(counts)")
        #expect(counts.allSatisfy { $0 % 10 == 0 }, "a reader saw part of a transaction: \(counts)")
        #expect(reads >= 1)
    }
}
