import Foundation
import Testing
@testable import NianbaoKit
@testable import NianbaoSynthesis

/// Import semantics: whole reports or nothing, idempotence, --replace, bad input.
@Suite struct ImporterTests {
    static let sample = TestSupport.data.appendingPathComponent("hongze-district-gov-2024.txt")

    private func withStore(_ body: (Store, URL) throws -> Void) throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { TestSupport.cleanUp(directory) }
        let store = try Store(path: directory.appendingPathComponent("test.db").path)
        try body(store, directory)
    }

    @Test func importsTheSampleWithItsFactsAndFindings() throws {
        try withStore { store, _ in
            let outcome = Importer(store: store).importFile(Self.sample.path)
            guard case .imported(let summary) = outcome else { Issue.record("\(outcome)"); return }
            #expect(summary.bureau == "淮安市洪泽区人民政府")
            #expect(summary.year == 2024)
            #expect(summary.template == .v2021)
            #expect(summary.facts == 207)  // 200 template cells + the merged （六） row
            #expect(summary.errors == 0)
            let counts = try store.rowCounts()
            #expect(counts["reports"] == 1)
            #expect(counts["facts"] == 207)
        }
    }

    /// A report that fails halfway through storing (here a fact whose metric
    /// the database does not know) rolls back alone although the batch is
    /// first written without savepoints: the batch is written again with them.
    @Test func aReportFailingMidWriteRollsBackAloneInItsBatch() throws {
        try withStore { store, _ in
            func parsed(_ bureau: String, _ cells: [String: CellValue]) -> ParsedReport {
                let report = ExtractedReport(
                    bureau: bureau, year: 2023, version: .v2021,
                    metadata: ReportMetadata(bureau: bureau, year: 2023, title: "\(bureau)2023年政府信息公开工作年度报告", periodYear: 2023),
                    cells: cells, findings: [])
                let source = SourceFile(
                    path: "\(bureau).txt", sha256: ReportParser.sha256(Array(bureau.utf8)), format: .text, layout: .tabbed,
                    encoding: .utf8)
                return ParsedReport(report: report, source: source)
            }
            let good = ["requests.new.total": CellValue(value: ExactDecimal(7), raw: "7", status: .reported)]
            let bad = good.merging(["no.such.metric": CellValue(value: ExactDecimal(1), raw: "1", status: .reported)]) { $1 }
            let paths = ["甲县公安局.txt", "乙县公安局.txt", "丙县公安局.txt"]
            let results = Importer(store: store).write(
                paths, [.parsed(parsed("甲县公安局", good)), .parsed(parsed("乙县公安局", bad)), .parsed(parsed("丙县公安局", good))],
                options: .init())
            #expect(results.map(\.failed) == [false, true, false])
            let counts = try store.rowCounts()
            #expect(counts["reports"] == 2)
            #expect(counts["bureaus"] == 2)
            #expect(counts["facts"] == 2)
        }
    }

    /// A full disk (here SQLite's page limit, which fails the same way with
    /// SQLITE_FULL) stops the import at once: one failure for the run, not one
    /// line per file; the reports of earlier batches stay, the database is intact.
    @Test func aFullDatabaseStopsTheImportAtOnce() throws {
        try withStore { store, directory in
            let corpus = directory.appendingPathComponent("corpus")
            let written = try CorpusGenerator(seed: 9).write(count: 60, to: corpus)
            let pages = try store.connection.scalar("PRAGMA page_count")
            guard case .integer(let count) = pages else { Issue.record("page_count: \(String(describing: pages))"); return }
            try store.connection.execute("PRAGMA max_page_count = \(count + 40)")
            let importer = Importer(store: store)
            importer.batchSize = 8
            var lines = 0
            let results = importer.run([corpus.path], report: { _ in lines += 1 })
            let reasons = results.compactMap { if case .failed(let f) = $0.outcome { f.reason } else { nil } }
            let stopped = try #require(importer.stopped, "\(results.count) results, \(reasons.prefix(3))")
            #expect(stopped.description.contains("full"), "\(stopped)")
            #expect(stopped.endsImport)
            #expect(results.count < written.files.count, "stopped before the end")
            #expect(results.count == lines)
            #expect(results.allSatisfy { !$0.failed }, "no per-file failure lines for a full disk")
            #expect(results.count % 8 == 0, "whole batches only")
            let counts = try store.rowCounts()
            #expect(counts["reports"] == results.count)
            #expect(try store.connection.scalar("PRAGMA integrity_check") == .text("ok"))
        }
    }

    /// A file that stops after a statistics table, before the next section and
    /// the closing sections, is refused as truncated unless `--partial`.
    @Test func aFileCutOffBetweenSectionsIsRefusedUnlessPartial() throws {
        try withStore { store, directory in
            let text = try String(contentsOf: Self.sample, encoding: .utf8)
            let cut = try #require(text.range(of: "四、政府信息公开行政复议"))
            let file = directory.appendingPathComponent("cut.txt")
            try String(text[..<cut.lowerBound]).write(to: file, atomically: true, encoding: .utf8)
            let outcome = Importer(store: store).importFile(file.path)
            guard case .failed(let failure) = outcome else { Issue.record("\(outcome)"); return }
            #expect(failure.reason.contains("ends after the section 三 table") && failure.reason.contains("--partial"), "\(failure.reason)")
            #expect(try store.rowCounts()["reports"] == 0)

            let partial = Importer(store: store).importFile(file.path, options: ImportOptions(extraction: ExtractionOptions(partial: true)))
            guard case .imported(let summary) = partial else { Issue.record("\(partial)"); return }
            #expect(summary.warnings >= 1, "the missing section is a warning")
            // The file cut just after the 四 heading is cut off too; the whole file is not.
            let heading = try #require(text.range(of: "五、"))
            let afterHeading = directory.appendingPathComponent("cut-after-heading.txt")
            try String(text[..<cut.upperBound]).write(to: afterHeading, atomically: true, encoding: .utf8)
            let afterOutcome = Importer(store: store).importFile(afterHeading.path)
            guard case .failed = afterOutcome else { Issue.record("cut after the heading: \(afterOutcome)"); return }
            let complete = directory.appendingPathComponent("complete.txt")
            try String(text[..<heading.lowerBound] + text[heading.lowerBound...]).write(to: complete, atomically: true, encoding: .utf8)
            let whole = Importer(store: store).importFile(complete.path, options: ImportOptions(replace: true))
            guard case .replaced = whole else { Issue.record("\(whole)"); return }
        }
    }

    /// Folder walks follow symbolic links (to files and folders, a loop
    /// visited once) and report a broken link instead of skipping it.
    @Test func folderWalksFollowLinksAndReportBrokenOnes() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { TestSupport.cleanUp(directory) }
        let manager = FileManager.default
        let root = directory.appendingPathComponent("root"), outside = directory.appendingPathComponent("outside")
        try manager.createDirectory(at: root.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try manager.createDirectory(at: outside, withIntermediateDirectories: true)
        try "a".write(to: root.appendingPathComponent("sub/a.txt"), atomically: true, encoding: .utf8)
        try "b".write(to: outside.appendingPathComponent("b.txt"), atomically: true, encoding: .utf8)
        try manager.createSymbolicLink(at: root.appendingPathComponent("linked"), withDestinationURL: outside)
        try manager.createSymbolicLink(at: root.appendingPathComponent("c.txt"), withDestinationURL: outside.appendingPathComponent("b.txt"))
        try manager.createSymbolicLink(at: root.appendingPathComponent("sub/loop"), withDestinationURL: root)
        try manager.createSymbolicLink(at: root.appendingPathComponent("gone.txt"), withDestinationURL: directory.appendingPathComponent("nothing"))
        let (files, failures) = FileCollector.collect([root.path])
        #expect(files == ["c.txt", "linked/b.txt", "sub/a.txt"].map { root.path + "/" + $0 })
        #expect(failures.map(\.reason) == ["broken symbolic link"])
        #expect(failures.first?.path.hasSuffix("gone.txt") == true)
    }

    @Test func sameFileTwiceChangesNothing() throws {
        try withStore { store, _ in
            let importer = Importer(store: store)
            _ = importer.importFile(Self.sample.path)
            let before = try store.rowCounts()
            let again = importer.importFile(Self.sample.path)
            #expect(again == .unchanged(bureau: "淮安市洪泽区人民政府", year: 2024))
            #expect(try store.rowCounts() == before)
        }
    }

    @Test func differentFileForSameBureauAndYearNeedsReplace() throws {
        try withStore { store, directory in
            let importer = Importer(store: store)
            _ = importer.importFile(Self.sample.path)
            let edited = directory.appendingPathComponent("edited.txt")
            let text = try String(contentsOf: Self.sample, encoding: .utf8)
                .replacingOccurrences(of: "\t行政强制\n\t84", with: "\t行政强制\n\t85")
            try text.write(to: edited, atomically: true, encoding: .utf8)
            let before = try store.rowCounts()

            guard case .failed(let failure) = importer.importFile(edited.path) else {
                Issue.record("a second file for the same bureau and year must be refused")
                return
            }
            #expect(failure.reason.contains("already imported"))
            #expect(failure.reason.contains("--replace"))
            #expect(try store.rowCounts() == before)

            let replaced = importer.importFile(edited.path, options: ImportOptions(replace: true))
            guard case .replaced(_, let previous) = replaced else { Issue.record("\(replaced)"); return }
            #expect(previous == Self.sample.path)
            #expect(try store.rowCounts() == before)
            let listing = try store.reportListing()
            #expect(listing.rows.count == 1)
            #expect(listing.rows[0].last == edited.path)
            let id = try #require(try store.reportID(bureau: "淮安市洪泽区人民政府", year: 2024))
            let facts = try store.factListing(reportID: id)
            #expect(facts.rows.first { $0[0] == "proactive.coercion.decisions" }?[5] == "85")
        }
    }

    /// Empty, truncated, binary and non-report files: one reason naming the
    /// file, and the database exactly as before. Good files beside them go in.
    @Test func badFilesFailAloneAndChangeNothing() throws {
        try withStore { store, directory in
            let sample = try Data(contentsOf: Self.sample)
            let text = String(decoding: sample, as: UTF8.self)
            let cut = text.range(of: "2.没有现成信息需要另行制作")!.upperBound
            let files: [(String, Data, String)] = [
                ("empty.txt", Data(), "empty file"),
                ("binary.txt", Data([0x00, 0x01, 0x02, 0xFF, 0x00] + Array(repeating: 0x41, count: 100)), "binary"),
                ("truncated.txt", Data(text[..<cut].utf8), "truncated"),
                ("cut-character.txt", sample.prefix(sample.count / 2).dropLast(1) + Data([0xE5]), "truncated"),
                ("notes.txt", Data("会议纪要\n今天讨论了明年的工作安排。\n".utf8), "no statistics tables found"),
                ("scan.pdf", Data("%PDF-1.7\n...".utf8), "PDF"),
                ("old.doc", Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0]), "convert to DOCX or PDF first"),
            ]
            for (name, data, _) in files { try data.write(to: directory.appendingPathComponent(name)) }
            let before = try store.rowCounts()
            for (name, _, reason) in files {
                let path = directory.appendingPathComponent(name).path
                guard case .failed(let failure) = Importer(store: store).importFile(path) else {
                    Issue.record("\(name) must fail")
                    continue
                }
                #expect(failure.path == path)
                #expect(failure.reason.contains(reason), "\(name): \(failure.reason)")
                #expect(!failure.description.contains("\n"))
                #expect(try store.rowCounts() == before, "\(name) changed the database")
            }
            // A folder mixing all of them with a good report: the good one goes in.
            try FileManager.default.copyItem(at: Self.sample, to: directory.appendingPathComponent("good.txt"))
            let results = Importer(store: store).run([directory.path, directory.appendingPathComponent("nope.txt").path])
            #expect(results.filter(\.failed).count == files.count + 1)
            #expect(results.contains { if case .imported = $0.outcome { true } else { false } })
        }
    }

    @Test func titleWithoutYearNeedsYearOption() throws {
        try withStore { store, directory in
            let text = try String(contentsOf: Self.sample, encoding: .utf8)
                .replacingOccurrences(of: "淮安市洪泽区人民政府2024年政府信息公开", with: "淮安市洪泽区人民政府政府信息公开")
            let url = directory.appendingPathComponent("no-year.txt")
            try text.write(to: url, atomically: true, encoding: .utf8)
            guard case .failed(let failure) = Importer(store: store).importFile(url.path) else {
                Issue.record("a report without a year must fail")
                return
            }
            #expect(failure.reason.contains("--year"))
            let outcome = Importer(store: store).importFile(
                url.path, options: ImportOptions(extraction: ExtractionOptions(year: 2024, bureau: "洪泽区政府")))
            guard case .imported(let summary) = outcome else { Issue.record("\(outcome)"); return }
            #expect(summary.year == 2024)
            #expect(summary.bureau == "洪泽区政府")
        }
    }

    @Test func contradictoryYearIsAnError() throws {
        try withStore { store, directory in
            let text = try String(contentsOf: Self.sample, encoding: .utf8)
                .replacingOccurrences(of: "统计期限自2024年1月1日", with: "统计期限自2023年1月1日")
            let url = directory.appendingPathComponent("period.txt")
            try text.write(to: url, atomically: true, encoding: .utf8)
            guard case .failed(let failure) = Importer(store: store).importFile(url.path) else {
                Issue.record("title 2024 with a 2023 period must fail")
                return
            }
            #expect(failure.reason == "title says 2024 but the statistics period starts in 2023; pass --year to decide")
        }
    }

    @Test func gb18030SampleDecodesAndDerivesBlankTotals() throws {
        let parsed = try TestSupport.parse(TestSupport.data.appendingPathComponent("shanghai-gov-office-2019.gb18030.txt"))
        #expect(parsed.source.encoding == .gb18030)
        let report = parsed.report
        #expect(report.version == .v2019)
        #expect(report.cells.count == 198)
        let amount = try #require(report.cells["proactive.procurement.amount_10k_yuan"])
        #expect(amount.value?.description == "25.1")
        #expect(amount.raw == "251000元")
        #expect(amount.flags == ["converted_from_yuan"])
        let granted = try #require(report.cells["outcome.granted.total"])
        #expect(granted.status == .derived)
        #expect(granted.value == ExactDecimal(272))
        #expect(report.cells.values.filter { $0.status == .derived }.count == 11)
        #expect(!report.findings.contains { $0.severity == .error }, "\(report.findings)")
    }
}
