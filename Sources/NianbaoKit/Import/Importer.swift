import Dispatch
import Foundation

/// Imports files into a ``Store``: each file is read, parsed, validated and
/// stored whole, or fails alone with a one-line reason while the others go in.
///
/// Files go through in batches: the files of a batch are read, hashed and
/// parsed concurrently on every core, then written by the one connection in
/// one transaction, so the commit cost is shared; a report that fails while
/// being written sends the batch through again with a savepoint per report,
/// so it still rolls back alone. Writing a batch overlaps parsing the next;
/// memory holds two batches.
public final class Importer {
    let store: Store
    let parser: ReportParser
    /// Files per batch: enough to keep every core busy and amortise a commit.
    public var batchSize = max(ProcessInfo.processInfo.activeProcessorCount * 32, 64)
    /// Seconds spent reading and parsing, and writing to the database (for
    /// the benchmark). The two overlap: a batch is written while the next is parsed.
    public private(set) var parseSeconds = 0.0
    public private(set) var storeSeconds = 0.0
    /// CPU seconds the writer spent storing: comparable with a load that runs alone.
    public private(set) var storeCPUSeconds = 0.0
    /// The database failure that stopped the import (a full disk, an I/O
    /// error), if one did: no report causes it, so every later one would fail
    /// the same way. The batch being written is rolled back; the reports of
    /// the batches before it stay in.
    public private(set) var stopped: StoreError?

    /// Held while a large file is read and parsed.
    private let exclusive = DispatchSemaphore(value: 1)

    public init(store: Store, parser: ReportParser = ReportParser()) {
        self.store = store
        self.parser = parser
    }

    /// Imports every file under `paths`, calling `report` after each file
    /// (in file order) and `progress` with the count done and the total.
    @discardableResult
    public func run(
        _ paths: [String], options: ImportOptions = .init(), progress: (Int, Int) -> Void = { _, _ in },
        report: (FileResult) -> Void = { _ in }
    ) -> [FileResult] {
        let database = ["", "-wal", "-shm", "-journal"].map { store.path + $0 }
        let (files, missing) = FileCollector.collect(paths, excluding: Set(database))
        var results = missing.map { FileResult(path: $0.path, outcome: .failed($0)) }
        results.forEach(report)
        // With --replace every file is parsed: one imported before under other
        // overrides (a wrong --year) must be able to replace its old report.
        let known = options.replace ? [] : (try? store.allSHA256()) ?? []
        // Batch k is written on the writer queue while batch k + 1 is parsed:
        // the one connection never waits for parsing, nor parsing for it.
        let writer = DispatchQueue(label: "nianbao.import.writer")
        nonisolated(unsafe) var written: [FileResult] = []
        nonisolated(unsafe) let importer = self
        var done = 0
        func collect() {
            writer.sync {}
            for result in written {
                report(result)
                results.append(result)
                done += 1
                progress(done, files.count)
            }
            written = []
        }
        for start in stride(from: 0, to: files.count, by: batchSize) {
            if stopped != nil { break }
            let batch = Array(files[start..<min(start + batchSize, files.count)])
            let started = DispatchTime.now()
            let prepared = prepare(batch, known: known, options: options)
            parseSeconds += Self.seconds(since: started)
            collect()
            writer.async {
                let started = DispatchTime.now()
                let cpu = Self.threadCPUSeconds()
                written = importer.write(batch, prepared, options: options)
                importer.storeSeconds += Self.seconds(since: started)
                importer.storeCPUSeconds += Self.threadCPUSeconds() - cpu
            }
        }
        collect()
        // The trend totals follow the reports written (a failure leaves them
        // stale, and trends read the reports instead).
        let started = DispatchTime.now()
        let cpu = Self.threadCPUSeconds()
        try? store.refreshTotals()
        storeSeconds += Self.seconds(since: started)
        storeCPUSeconds += Self.threadCPUSeconds() - cpu
        return results
    }

    /// A database failure while writing that no single report causes: it ends the import.
    struct Stop: Error {
        let error: StoreError
    }

    /// CPU time of the calling thread: the writer's own work, whatever the parsing threads take meanwhile.
    private static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    private static func seconds(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }

    /// Imports one file. The trend totals are not rebuilt (a full scan per
    /// file): trends read the reports until ``Store/refreshTotals()``, which
    /// ``run(_:options:progress:report:)`` calls at its end.
    public func importFile(_ path: String, options: ImportOptions = .init()) -> FileOutcome {
        let prepared = prepare([path], known: [], options: options)
        let results = write([path], prepared, options: options)
        return results.first?.outcome
            ?? .failed(ImportFailure(path: path, reason: stopped?.description ?? "the database failed"))
    }

    // MARK: - Stages

    /// A file after the concurrent stage.
    enum Prepared: Sendable {
        case parsed(ParsedReport)
        /// Its hash is already in the database: not parsed again.
        case known(sha256: String)
        case failed(ImportFailure)
    }

    /// Reads, hashes and parses the files concurrently; a large file goes
    /// through alone (``Exclusive``), so two never add up in memory.
    func prepare(_ paths: [String], known: Set<String>, options: ImportOptions) -> [Prepared] {
        HTMLReader.prepareForThreads()
        let parser = self.parser
        let exclusive = self.exclusive
        let slots = UnsafeMutableBufferPointer<Prepared>.allocate(capacity: paths.count)
        nonisolated(unsafe) let output = slots
        DispatchQueue.concurrentPerform(iterations: paths.count) { index in
            // Each iteration writes its own slot only.
            let alone = Exclusive.needed(paths[index])
            if alone { exclusive.wait() }
            defer {
                if alone {
                    // Give the large file's memory back to the system: glibc keeps
                    // freed memory in the thread's arena, where the other threads
                    // cannot use it, and the next large file would add to it.
                    Exclusive.returnFreedMemory()
                    exclusive.signal()
                }
            }
            (output.baseAddress! + index).initialize(to: Self.prepare(paths[index], known: known, parser: parser, options: options))
        }
        defer {
            // Release the slots' reports: deallocating alone would leak every one.
            _ = slots.deinitialize()
            slots.deallocate()
        }
        return Array(slots)
    }

    private static func prepare(_ path: String, known: Set<String>, parser: ReportParser, options: ImportOptions) -> Prepared {
        do {
            let bytes = try ReportParser.readFile(at: path)
            let sha256 = ReportParser.sha256(bytes)
            if known.contains(sha256) { return .known(sha256: sha256) }
            return .parsed(try parser.parse(bytes, path: path, sha256: sha256, options: options))
        } catch {
            return .failed(error)
        }
    }

    /// Writes a batch in one transaction. Reports go in without savepoints
    /// first (isolating each one copied every page it touched); should a
    /// report fail after writing part of itself, the whole transaction is
    /// rolled back and the batch written again with a savepoint per report,
    /// so the failing report still rolls back alone.
    func write(_ paths: [String], _ prepared: [Prepared], options: ImportOptions) -> [FileResult] {
        guard stopped == nil else { return [] }
        do {
            return try writeBatch(paths, prepared, options: options)
        } catch {
            stopped = error.error
            return []
        }
    }

    private func writeBatch(_ paths: [String], _ prepared: [Prepared], options: ImportOptions) throws(Stop) -> [FileResult] {
        /// A report failed with part of it written: only a rollback cleans that.
        struct PartlyWritten: Error {}
        var results: [FileResult] = []
        var partlyWritten = false
        do {
            try store.inTransaction {
                for (path, item) in zip(paths, prepared) {
                    let (outcome, dirty) = try self.store(item, path: path, options: options, savepoint: false)
                    if dirty {
                        partlyWritten = true
                        throw PartlyWritten()
                    }
                    results.append(FileResult(path: path, outcome: outcome))
                }
            }
            return results
        } catch {
            try stopIfFatal(error)
            // The commit itself failed: nothing of the batch is stored.
            guard partlyWritten else { return Self.failedAll(paths, error) }
        }
        results = []
        do {
            try store.inTransaction {
                for (path, item) in zip(paths, prepared) {
                    results.append(FileResult(path: path, outcome: try self.store(item, path: path, options: options, savepoint: true).0))
                }
            }
        } catch {
            try stopIfFatal(error)
            return Self.failedAll(paths, error)
        }
        return results
    }

    /// Throws ``Stop`` for a failure of the database itself rather than of a
    /// report (``store(_:path:options:savepoint:)`` throws only those).
    private func stopIfFatal(_ error: any Error) throws(Stop) {
        let failure = StoreError(error, path: store.path)
        if failure.endsImport { throw Stop(error: failure) }
    }

    /// Every file of a batch whose transaction failed.
    private static func failedAll(_ paths: [String], _ error: any Error) -> [FileResult] {
        paths.map { FileResult(path: $0, outcome: .failed(ImportFailure(path: $0, reason: "\(error)"))) }
    }

    /// Stores one file's report; also whether it failed with part of it
    /// written (possible only without a savepoint; a conflict writes nothing).
    private func store(_ item: Prepared, path: String, options: ImportOptions, savepoint: Bool) throws(StoreError) -> (FileOutcome, Bool) {
        switch item {
        case .failed(let failure):
            return (.failed(failure), false)
        case .known(let sha256):
            do {
                guard let existing = try store.report(sha256: sha256) else {
                    return (.failed(ImportFailure(path: path, reason: "its report was removed during the import; import it again")), false)
                }
                return (.unchanged(bureau: existing.bureau, year: existing.year), false)
            } catch {
                if error.endsImport { throw error }
                return (.failed(ImportFailure(path: path, reason: error.description)), false)
            }
        case .parsed(let parsed):
            do {
                // The same bytes may come twice in one run; with --replace and
                // other overrides the same file gives another report.
                if let existing = try store.report(sha256: parsed.source.sha256),
                    !options.replace || (existing.bureau == parsed.report.bureau && existing.year == parsed.report.year)
                {
                    return (.unchanged(bureau: existing.bureau, year: existing.year), false)
                }
                let saved = try store.save(parsed, replace: options.replace, aliases: options.aliases, savepoint: savepoint)
                let summary = ReportSummary(parsed, extraFindings: saved.crossYearFindings)
                return (saved.replacedSource.map { .replaced(summary, previousSource: $0) } ?? .imported(summary), false)
            } catch {
                if error.endsImport { throw error }
                let clean = if case .conflict = error { true } else { savepoint }
                return (.failed(ImportFailure(path: path, reason: error.description)), !clean)
            }
        }
    }
}
