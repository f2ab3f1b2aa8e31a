import Foundation
import Testing
@testable import NianbaoKit
@testable import NianbaoSynthesis

/// The binary fixtures in `Tests/NianbaoKitTests/Fixtures/` and their expected facts.
enum FormatFixtures {
    static let directory = TestSupport.packageRoot.appendingPathComponent("Tests/NianbaoKitTests/Fixtures")

    static func url(_ name: String) -> URL { directory.appendingPathComponent(name) }

    static func bytes(_ name: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: url(name))) }

    /// The synthetic report a fixture was made from, read back from its `.json`:
    /// every required metric with its number, or null for a blank cell.
    static func expected(_ jsonName: String) throws -> SyntheticReport {
        let data = try Data(contentsOf: url(jsonName))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let facts = try #require(object["facts"] as? [String: Any])
        var cells: [String: ExactDecimal?] = [:]
        for (key, value) in facts {
            if value is NSNull {
                cells[key] = .some(nil)
            } else {
                cells[key] = .some(try #require(ExactDecimal(ExpectedReport.decimalText(value)), "\(key): \(value)"))
            }
        }
        return SyntheticReport(
            bureau: try #require(object["bureau"] as? String), year: try #require(object["year"] as? Int),
            version: try #require(TemplateVersion(rawValue: object["template"] as? String ?? "")), cells: cells,
            publishedOn: object["published_on"] as? String ?? "")
    }

    /// Whether poppler's pdftotext is on PATH (CI installs it).
    static var hasPDFToText: Bool { PDFTextExtractor.executable != nil }
}

/// Property tests for the layout-text and Word renderers: whatever the
/// synthesiser makes, rendering it and importing the result gives back every
/// cell exactly, with no error findings.
@Suite struct FormatRoundTripTests {
    static let seeds = UInt64(0)..<20

    /// Layout-text quirk combinations: none, each alone, all together.
    static let layoutCombinations: [LayoutTextQuirks] = [[]] + LayoutTextQuirks.named.map(\.quirk) + [.all]

    /// Every printed cell printed (no blanks), so a layout row never drops a number.
    static func complete(seed: UInt64, _ version: TemplateVersion) -> SyntheticReport {
        RoundTrip.report(seed: seed, version: version, blankZeros: false)
    }

    @Test(arguments: TemplateVersion.allCases, layoutCombinations)
    func layoutTextRoundTripIsExact(_ version: TemplateVersion, _ quirks: LayoutTextQuirks) {
        var failures: [String] = []
        // Every seed for none and all quirks; fewer for each quirk alone (they are all in `.all`).
        let seeds = quirks == [] || quirks == .all ? Self.seeds : 0..<8
        for seed in seeds {
            let synthetic = Self.complete(seed: seed, version)
            let text = LayoutTextRenderer.render(synthetic, quirks: quirks)
            do {
                let parsed = try ReportParser().parse(Array(text.utf8), path: "synthetic-layout.txt")
                #expect(parsed.source.format == .text)
                #expect(parsed.source.layout == .columns)
                let problems = RoundTrip.mismatches(parsed, synthetic)
                if !problems.isEmpty { failures.append("seed \(seed): " + RoundTrip.summary(problems, limit: 4)) }
            } catch {
                failures.append("seed \(seed): import failed: \(error.reason)")
            }
        }
        #expect(
            failures.isEmpty,
            "layout \(quirks.name) \(version.rawValue): \(failures.count) of \(seeds.count) seeds fail\n\(failures.prefix(3).joined(separator: "\n"))")
    }

    /// With blank cells the layout renderer leaves columns empty, as PDFs do:
    /// the importer places a row's numbers by the columns they stand in, may
    /// leave rows it cannot place ambiguous, but never stores a wrong number.
    @Test(arguments: TemplateVersion.allCases)
    func layoutTextWithBlanksNeverStoresAWrongNumber(_ version: TemplateVersion) {
        var wrong: [String] = []
        var tally = CellTally()
        for seed in Self.seeds {
            let synthetic = RoundTrip.report(seed: seed, version: version, blankZeros: true)
            let text = LayoutTextRenderer.render(synthetic, quirks: .all)
            guard let parsed = try? ReportParser().parse(Array(text.utf8), path: "blanks.txt") else { continue }
            tally.add(parsed.report, truth: synthetic, name: "seed \(seed)")
            for (key, cell) in parsed.report.cells where cell.status == .reported || cell.status == .derived {
                guard synthetic.cells[key] != nil else { continue }
                if cell.value != (synthetic.value(key) ?? ExactDecimal(0)) {
                    wrong.append("seed \(seed) \(key): stored \(cell.value?.description ?? "nil"), printed \(synthetic.value(key)?.description ?? "blank")")
                }
            }
        }
        #expect(wrong.isEmpty, "\(wrong.count) wrong numbers:\n\(wrong.prefix(8).joined(separator: "\n"))")
        // Positions place nearly every row with blanks (99.6 % of V2019's cells, 99.3 % of V2021's when
        // measured); what stays NULL is a number between two headers that no row of its sub-table or its
        // siblings places, or a lone 0 on the line below a three-line label (a wrapped number's rest?).
        #expect(Double(tally.exact) >= 0.99 * Double(tally.total), "\(version.rawValue): \(tally.summary)")
    }

    @Test(arguments: TemplateVersion.allCases, [true, false])
    func docxRoundTripIsExact(_ version: TemplateVersion, _ splitRuns: Bool) throws {
        var failures: [String] = []
        let seeds = splitRuns ? Self.seeds : 0..<8
        for seed in seeds {
            // Blank cells are empty Word cells: they round-trip too.
            let synthetic = RoundTrip.report(seed: seed, version: version)
            let bytes = [UInt8](try DOCXReportRenderer.render(synthetic, splitRuns: splitRuns))
            do {
                let parsed = try ReportParser().parse(bytes, path: "synthetic.docx")
                #expect(parsed.source.format == .docx)
                let problems = RoundTrip.mismatches(parsed, synthetic)
                if !problems.isEmpty { failures.append("seed \(seed): " + RoundTrip.summary(problems, limit: 4)) }
            } catch {
                failures.append("seed \(seed): import failed: \(error.reason)")
            }
        }
        #expect(
            failures.isEmpty,
            "docx \(version.rawValue) splitRuns \(splitRuns): \(failures.count) of \(seeds.count) seeds fail\n\(failures.prefix(3).joined(separator: "\n"))")
    }

    /// The metadata survives the Word round trip: title, period, publication date.
    @Test(arguments: TemplateVersion.allCases)
    func docxMetadataRoundTrips(_ version: TemplateVersion) throws {
        let synthetic = RoundTrip.report(seed: 5, version: version)
        let report = try ReportParser().parse([UInt8](try DOCXReportRenderer.render(synthetic)), path: "m.docx").report
        #expect(report.metadata.title == synthetic.title)
        #expect(report.metadata.periodYear == synthetic.year)
        #expect(report.metadata.publishedOn == synthetic.publishedOn)
    }

    @Test func renderersAreDeterministic() throws {
        let a = RoundTrip.report(seed: 3, version: .v2021)
        let b = RoundTrip.report(seed: 3, version: .v2021)
        #expect(LayoutTextRenderer.render(a, quirks: .all) == LayoutTextRenderer.render(b, quirks: .all))
        #expect(try DOCXReportRenderer.render(a) == DOCXReportRenderer.render(b))
        #expect(LayoutTextRenderer.render(a) != LayoutTextRenderer.render(a, quirks: .all))
    }

    /// One folder holding a file of each supported format, imported in one run:
    /// every file goes in, none fails, each read by the reader of its format.
    @Test func folderMixingEveryFormatImportsInOneRun() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { TestSupport.cleanUp(directory) }
        let folder = directory.appendingPathComponent("reports")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)

        func make(_ seed: UInt64, _ bureau: String, _ year: Int, _ version: TemplateVersion, blanks: Bool = false) -> SyntheticReport {
            var synthesizer = ReportSynthesizer(seed: seed)
            return synthesizer.make(bureau: bureau, year: year, version: version, blankZeros: blanks)
        }
        var expected: [(name: String, format: DocumentFormat, layout: TextLayout?)] = []
        func write(_ name: String, _ data: Data, _ format: DocumentFormat, _ layout: TextLayout? = nil) throws {
            try data.write(to: folder.appendingPathComponent(name))
            expected.append((name, format, layout))
        }
        try write("page.html", Data(HTMLReportRenderer.render(make(1, "昆明市应急管理局", 2022, .v2021, blanks: true), quirks: [.spanSoup])), .html)
        try write("report.docx", try DOCXReportRenderer.render(make(2, "朝阳市自然资源局", 2020, .v2019, blanks: true)), .docx)
        try write("layout.txt", Data(LayoutTextRenderer.render(make(3, "南京市栖霞区交通运输局", 2023, .v2021), quirks: .all).utf8), .text, .columns)
        try write("tabbed.txt", Data(TextReportRenderer.render(make(4, "重庆市开州区公安局", 2019, .v2019)).utf8), .text, .tabbed)
        if FormatFixtures.hasPDFToText {
            try write("libreoffice.pdf", try Data(contentsOf: FormatFixtures.url("synthetic-v2021-libreoffice.pdf")), .pdf)
        }
        if TestSupport.hasCorpus {
            let corpus = TestSupport.corpus.appendingPathComponent("shuyang-county-gov-2025.ocr.md")
            try write("ocr.md", try Data(contentsOf: corpus), .text, .markdown)
        }
        for file in expected {
            let parsed = try TestSupport.parse(folder.appendingPathComponent(file.name))
            #expect(parsed.source.format == file.format, "\(file.name)")
            #expect(parsed.source.layout == file.layout, "\(file.name)")
        }

        let store = try Store(path: directory.appendingPathComponent("mixed.db").path)
        let results = Importer(store: store).run([folder.path])
        #expect(results.count == expected.count)
        let failed = results.filter(\.failed)
        #expect(failed.isEmpty, "\(failed.map { "\($0.outcome)" })")
        let imported = results.filter { if case .imported = $0.outcome { true } else { false } }
        #expect(imported.count == expected.count, "\(results.map { "\($0.path): \($0.outcome)" })")
        #expect(try store.rowCounts()["reports"] == expected.count)
    }

    /// A row the reader cannot name (its label garbled) is a warning and NULL
    /// cells; the identities that read it are unknowable, never an error on
    /// numbers that are right (the LibreOffice PDF shows this in the wild).
    @Test func anUnreadableRowIsAWarningNeverAnIdentityError() throws {
        let synthetic = try #require((UInt64(0)..<60).lazy.map { Self.complete(seed: $0, .v2021) }
            .first { $0.value("outcome.unavailable.needs_creation.total") != ExactDecimal(0) })
        let text = LayoutTextRenderer.render(synthetic).replacingOccurrences(of: "2.没有现成信息需要另行制作", with: "（此行标签缺损）")
        let report = try ReportParser().parse(Array(text.utf8), path: "garbled.txt").report
        #expect(report.cells["outcome.unavailable.needs_creation.total"]?.status == .missing)
        #expect(report.findings.contains { $0.rule == "missing_row" && $0.severity == .warning })
        #expect(report.findings.contains { $0.rule == "unknown_row" && $0.severity == .warning })
        let errors = report.findings.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.map(\.message))")
    }
}
