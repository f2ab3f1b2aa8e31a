import ArgumentParser
import Foundation
import NianbaoKit
import NianbaoSynthesis

/// `nianbao-bench`: generates synthetic corpora of N reports, imports them,
/// and measures throughput, peak memory, database size, query latencies,
/// and the sqlite3 shell's `.import` of the same facts as a storage floor.
@main
struct Benchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nianbao-bench",
        abstract: "Measure import throughput, memory, database size and query latency at several corpus sizes.",
        discussion: "Build in release mode: swift run -c release nianbao-bench --sizes 1000,10000,100000")

    @Option(help: "Corpus sizes, comma-separated.")
    var sizes = "1000,10000,100000"

    @Option(help: "Working folder for corpora and databases (kept between runs; corpora are reused).")
    var work = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-bench").path

    @Option(help: "Repetitions per query for the latency median and 95th percentile.")
    var repeats = 9

    @Option(help: "Seed of the synthetic corpus.")
    var seed: UInt64 = 1

    @Option(help: "Formats of the synthetic corpus: mixed (60 % HTML, 20 % tabbed text, 10 % layout text, 10 % DOCX) or html-text (half each).")
    var mix: CorpusGenerator.Mix = .mixed

    @Flag(help: "Only time the queries, on the databases a previous run left (no import, no floor).")
    var reuse = false

    @Option(help: "Only time the queries and trends whose label contains this text (for profiling one of them).")
    var only: String?

    @Option(help: "Do not time the queries and trends whose label contains this text (the heaviest, at a million reports).")
    var skip: String?

    @Option(help: "Files of the first corpus to time phase by phase on one thread (0: skip).")
    var phaseSample = 1000

    @Option(help: "A real PDF to time per file, beside Data/'s PDFs (default: ../shared/corpus/hongze-2024.pdf).")
    var pdf: String?

    @Flag(help: "Only import a folder of files built to cost memory (inflating DOCX, pages at the text limit, span bombs, oversized files) among 300 ordinary reports, and report the peak resident memory.")
    var hostile = false

    @Option(help: "Print this many random reports to PDF with LibreOffice (soffice) and count cells exact, NULL and wrong, read as PDF and as layout text, with the time per PDF.")
    var pdfRoundTrip = 0

    @Option(help: "Render this many random reports as crawled text whose cells ran together, parse them back, and count cells exact, NULL and wrong, the share decided per section and the time per report.")
    var crawled = 0

    @Flag(help: "Store the corpus's reports straight through the store, without documents, at each of --sizes (up to a million in minutes): database bytes per report and per fact, store time against the sqlite3 .import floor, and every trend and named query's latency.")
    var storeOnly = false

    @Option(help: ArgumentHelp("Import this folder into a fresh database and report outcomes and peak memory (the child process of --hostile).", visibility: .hidden))
    var importFolder: String?

    func run() throws {
        let root = URL(fileURLWithPath: work)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        say("machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, \(ProcessInfo.processInfo.physicalMemory >> 30) GiB; \(ProcessInfo.processInfo.operatingSystemVersionString)")
        if let importFolder { return try importMeasured(URL(fileURLWithPath: importFolder), root: root) }
        if hostile { return try measureHostile(root: root) }
        if crawled > 0 { return try CrawledRoundTrip(count: crawled, seed: seed).run(say: say) }
        if pdfRoundTrip > 0 {
            return try PDFRoundTrip(count: pdfRoundTrip, seed: seed, folder: root.appendingPathComponent("pdf-round-trip")).run(say: say)
        }
        for (index, size) in sizes.split(separator: ",").compactMap({ Int($0.trimmingCharacters(in: .whitespaces)) }).enumerated() {
            if storeOnly {
                try measureStore(size: size, root: root)
                continue
            }
            try measure(size: size, root: root)
            if index == 0 && phaseSample > 0 && !reuse {
                let corpus = root.appendingPathComponent(corpusName(size))
                let files = Array(FileCollector.collect([corpus.path]).files.prefix(phaseSample))
                say("\nphases, one thread (\(files.count) files of N = \(size)):")
                let profile = try PhaseProfile.measure(files, database: root.appendingPathComponent("phases.db").path)
                profile.lines.forEach(say)
                try FileCosts.docx(files.filter { $0.hasSuffix(".docx") }).forEach(say)
            }
        }
        if !storeOnly && !reuse {
            try FileCosts.pdf([pdf ?? Self.corpusPDF()].compactMap { $0 } + Self.samplePDFs()).forEach(say)
        }
    }

    /// The corpus folder of `size` reports: the mixed corpus keeps its old name, so earlier runs' corpora are reused.
    private func corpusName(_ size: Int) -> String {
        mix == .mixed ? "corpus-\(seed)-\(size)" : "corpus-\(mix.rawValue)-\(seed)-\(size)"
    }

    private func measure(size: Int, root: URL) throws {
        say("\n== N = \(size)")
        let corpus = root.appendingPathComponent(corpusName(size))
        let marker = corpus.appendingPathComponent(".complete")
        let generated: Double
        if !FileManager.default.fileExists(atPath: marker.path) {
            try? FileManager.default.removeItem(at: corpus)
            try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
            generated = try Clock.seconds { _ = try CorpusGenerator(seed: seed, mix: mix).write(count: size, to: corpus) }
            try Data().write(to: marker)
            say(String(format: "generated corpus in %.1f s", generated))
        }
        let bytes = FileCollector.collect([corpus.path]).files.reduce(0) { total, path in
            total + ((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0)
        }
        let database = root.appendingPathComponent(mix == .mixed ? "bench-\(size).db" : "bench-\(mix.rawValue)-\(size).db")
        if reuse && FileManager.default.fileExists(atPath: database.path) {
            say("reusing \(database.path)")
            try latencies(try Store(path: database.path))
            return
        }
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database.path + suffix) }
        let store = try Store(path: database.path)
        let importer = Importer(store: store)
        var failed = 0
        let cpuBefore = Clock.processCPUSeconds()
        let seconds = Clock.seconds {
            let results = importer.run([corpus.path])
            failed = results.filter(\.failed).count
        }
        // CPU time varies far less than wall time between runs of this virtual machine.
        let cpu = Clock.processCPUSeconds() - cpuBefore
        let imported = size - failed
        say(String(
            format: "import: %d reports (%d failed) in %.2f s = %.0f reports/s, %.1f MB/s (parse %.2f s on all cores; store %.2f s, overlapping, of which %.2f s CPU)",
            imported, failed, seconds, Double(size) / seconds, Double(bytes) / 1e6 / seconds,
            importer.parseSeconds, importer.storeSeconds, importer.storeCPUSeconds))
        say(String(
            format: "import CPU: %.2f s on all threads = %.2f ms a report (%.0f reports/s per core)",
            cpu, cpu * 1000 / Double(size), Double(size) / cpu))
        say(String(format: "peak resident memory: %.0f MB", Clock.peakResidentMegabytes()))
        try store.checkpoint()
        let dbSize = (try? FileManager.default.attributesOfItem(atPath: database.path)[.size] as? Int) ?? 0
        say(String(format: "database: %.1f MB (%.1f KB per report)", Double(dbSize) / 1e6, Double(dbSize) / 1e3 / Double(max(imported, 1))))

        try latencies(store)
        try storageFloor(store: store, root: root, size: size, nianbaoSeconds: importer.storeCPUSeconds)
    }

    /// `--store-only`: N reports stored without documents, then the database's size, latencies and the floor.
    private func measureStore(size: Int, root: URL) throws {
        say("\n== N = \(size), stored without documents")
        let database = root.appendingPathComponent("store-\(seed)-\(size).db")
        if reuse && FileManager.default.fileExists(atPath: database.path) {
            say("reusing \(database.path)")
            return try latencies(try Store(path: database.path))
        }
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database.path + suffix) }
        let store = try Store(path: database.path)
        let (making, storing) = try StoreScale(count: size, seed: seed).fill(store)
        try store.checkpoint()
        let bytes = (try? FileManager.default.attributesOfItem(atPath: database.path)[.size] as? Int) ?? 0
        let facts = Int(try store.readOnlyQuery("SELECT COUNT(*) FROM facts").rows.first?.first.flatMap { $0 } ?? "") ?? 0
        say(String(
            format: "stored %d reports in %.1f s (%.2f ms each; making them %.1f s); database %.1f MB: %.1f KB per report, %.1f bytes per fact (%d facts)",
            size, storing, storing * 1000 / Double(size), making, Double(bytes) / 1e6, Double(bytes) / 1e3 / Double(size),
            Double(bytes) / Double(max(facts, 1)), facts))
        say(String(format: "peak resident memory: %.0f MB", Clock.peakResidentMegabytes()))
        try latencies(store)
        try storageFloor(store: store, root: root, size: size, nianbaoSeconds: storing)
    }

    /// Writes ``HostileCorpus`` and imports it in a child process, whose
    /// peak memory is the import's alone (writing the files costs more).
    private func measureHostile(root: URL) throws {
        let folder = root.appendingPathComponent("hostile")
        let files = try HostileCorpus.write(to: folder)
        say("wrote \(files) files to \(folder.path)")
        let child = Process()
        child.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        child.arguments = ["--work", work, "--import-folder", folder.path]
        try child.run()
        child.waitUntilExit()
    }

    /// Imports `folder` into a fresh database: outcomes and peak memory.
    private func importMeasured(_ folder: URL, root: URL) throws {
        let database = root.appendingPathComponent("hostile.db")
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database.path + suffix) }
        let importer = Importer(store: try Store(path: database.path))
        var results: [FileResult] = []
        let seconds = Clock.seconds { results = importer.run([folder.path]) }
        for result in results where result.failed || !result.path.contains("/ordinary/") {
            say("  " + ImportSummary.line(for: result).replacingOccurrences(of: folder.path + "/", with: ""))
        }
        say(String(format: "%@ in %.1f s", ImportSummary(results).totalsLine, seconds))
        say(String(format: "peak resident memory of the import: %.0f MB", Clock.peakResidentMegabytes()))
    }

    private func latencies(_ store: Store) throws {
        say("latency (median / p95 over \(repeats) runs):")
        func time(_ label: String, runs: Int, _ body: () throws -> Void) throws {
            if let only, !label.contains(only) { return }
            if let skip, label.contains(skip) { return }
            say(Clock.line(label, try (0..<runs).map { _ in try Clock.seconds(body) }))
        }
        if let directory = QueryLibrary.defaultDirectory() {
            for query in try QueryLibrary(directory: directory).queries {
                let arguments = try query.arguments([:])
                try time("query " + query.name, runs: repeats) { _ = try store.readOnlyQuery(query.sql, parameters: arguments) }
            }
        }
        for measure in ["penalties", "applications", "disclosure_rate", "requests.new.total"] {
            for grouping in [TrendGrouping.year, .bureau] {
                let request = TrendRequest(measures: [MeasureCatalog.standard.measure(measure)!], grouping: grouping)
                try time("trend \(measure) --by \(grouping.rawValue)", runs: repeats) { _ = try TrendQuery(request).run(on: store) }
            }
        }
        // Every grouping with every measure at once (the heaviest trend of each), then the filters.
        // (The derived measures: the series `trend --list` names before the raw metrics.)
        let metricKeys = Set(MetricCatalog.standard.metrics.map(\.key))
        let all = Array(MeasureCatalog.standard.measures.prefix { !metricKeys.contains($0.id) })
        var requests = TrendGrouping.allCases.map { ("trend <the \(all.count) derived measures> --by \($0.rawValue)", TrendRequest(measures: all, grouping: $0)) }
        var balanced = TrendRequest(measures: all, grouping: .year)
        balanced.balanced = true
        requests += [
            ("trend <all> --bureau 样例一县", TrendRequest(measures: all, bureau: "样例一县")),
            ("trend <all> --region 样例 --by county", TrendRequest(measures: all, grouping: .county, region: "样例")),
            ("trend <all> --kind 公安", TrendRequest(measures: all, kind: "公安")),
            ("trend <all> --balanced", balanced),
        ]
        // The wide table a person reads: every measure a column, by bureau.
        let wide = TrendRequest(measures: all, grouping: .bureau)
        try time("trend <all> --by bureau --wide (with the table)", runs: max(1, repeats / 3)) {
            _ = TrendTable.wide(try TrendQuery(wide).run(on: store))
        }
        for (name, request) in requests {
            try time(name, runs: max(1, repeats / 3)) { _ = try TrendQuery(request).run(on: store) }
        }
    }

    /// The same facts loaded by the sqlite3 shell's `.import` as (report, metric, value): the
    /// floor issue 13 sets storage against, in size and in time.
    private func storageFloor(store: Store, root: URL, size: Int, nianbaoSeconds: Double) throws {
        guard let sqlite3 = Clock.executable("sqlite3") else {
            say("storage floor: sqlite3 shell not installed (apt-get install sqlite3); skipped")
            return
        }
        let csv = root.appendingPathComponent("facts-\(size).csv")
        // The sqlite3 shell writes the CSV as it reads: at 100 000 reports the
        // facts do not fit comfortably in one in-memory result table.
        try Clock.run(sqlite3, [store.path], input: """
            .headers on
            .mode csv
            .output \(csv.path)
            SELECT report_id, metric, value FROM report_facts;
            """)
        let factCount = try store.readOnlyQuery("SELECT COUNT(*) FROM facts").rows.first?.first ?? nil
        let floorDB = root.appendingPathComponent("floor-\(size).db")
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: floorDB.path + suffix) }
        let script = """
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = NORMAL;
            CREATE TABLE facts (report INTEGER, metric TEXT, value NUMERIC);
            .mode csv
            .import --skip 1 \(csv.path) facts
            PRAGMA wal_checkpoint(TRUNCATE);
            """
        let seconds = try Clock.seconds { try Clock.run(sqlite3, [floorDB.path], input: script) }
        let floorBytes = (try? FileManager.default.attributesOfItem(atPath: floorDB.path)[.size] as? Int) ?? 0
        let bytes = (try? FileManager.default.attributesOfItem(atPath: store.path)[.size] as? Int) ?? 0
        say(String(
            format: "storage floor: sqlite3 .import of %d facts as (report, metric, value): %.2f s, %.1f MB (%.1f bytes per fact); nianbao: store %.2f s = %.2f× the floor's time, database %.1f MB = %.2f× its size",
            Int(factCount ?? "") ?? 0, seconds, Double(floorBytes) / 1e6, Double(floorBytes) / Double(max(Int(factCount ?? "") ?? 1, 1)),
            nianbaoSeconds, nianbaoSeconds / seconds, Double(bytes) / 1e6, Double(bytes) / Double(max(floorBytes, 1))))
        try? FileManager.default.removeItem(at: csv)
    }

    /// The PDFs among the project's sample reports (Data/).
    static func samplePDFs() -> [String] {
        let data = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Data")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: data.path)) ?? []
        return names.filter { $0.hasSuffix(".pdf") }.sorted().map { data.appendingPathComponent($0).path }
    }

    static func corpusPDF() -> String? {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/corpus/hongze-2024.pdf").path
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }
}

/// Prints a line and flushes it, so a long run written to a file or pipe
/// shows its figures as they come.
func say(_ line: String) {
    print(line)
    fflush(nil)
}

extension CorpusGenerator.Mix: ExpressibleByArgument {}
