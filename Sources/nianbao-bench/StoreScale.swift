import Foundation
import NianbaoKit
import NianbaoSynthesis

/// Fills a database with N synthetic reports straight through the store, no
/// documents: the reports the corpus generator would write (same bureaus,
/// years and cells), validated as an import validates them, so a million
/// reports are stored in minutes and the database's size and the trends'
/// latency can be measured at the scale of a national study.
struct StoreScale {
    let count: Int
    let seed: UInt64
    /// Reports per write transaction, as the importer batches them.
    var batch = 500

    /// The report `index` of the corpus, parsed as if read without a flaw.
    static func parsed(_ index: Int, seed: UInt64, validator: Validator) -> ParsedReport {
        let bureau = CorpusGenerator.bureau(index / CorpusGenerator.years.count)
        let year = CorpusGenerator.years[index % CorpusGenerator.years.count]
        var synthesizer = ReportSynthesizer(seed: seed &* 1_000_003 &+ UInt64(index))
        let synthetic = synthesizer.make(bureau: bureau, year: year, version: year <= 2020 ? .v2019 : .v2021, blankZeros: index % 3 == 0)
        var report = synthetic.extractedReport()
        validator.validate(&report)
        let sha256 = String(repeating: "0", count: 48) + String(format: "%016llx", UInt64(index) &+ seed << 40)
        return ParsedReport(report: report, source: SourceFile(path: "synthetic/\(index).txt", sha256: sha256, format: .text, layout: .tabbed, encoding: .utf8))
    }

    /// Stores the reports; the seconds spent making them and storing them.
    func fill(_ store: Store) throws -> (making: Double, storing: Double) {
        let validator = Validator(catalog: .standard)
        var making = 0.0, storing = 0.0
        var start = 0
        while start < count {
            let end = min(start + batch, count)
            var reports: [ParsedReport] = []
            making += Clock.seconds { reports = (start..<end).map { Self.parsed($0, seed: seed, validator: validator) } }
            storing += try Clock.seconds {
                try store.inTransaction {
                    for report in reports { _ = try store.save(report, replace: false, savepoint: false) }
                }
            }
            start = end
            if start % 100_000 == 0 { say(String(format: "  %d reports stored (%.0f s storing so far)", start, storing)) }
        }
        storing += try Clock.seconds { try store.refreshTotals() }
        return (making, storing)
    }
}
