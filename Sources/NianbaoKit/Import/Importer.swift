/// Imports files into a ``Store``: each file is read, parsed, validated and
/// stored whole, or fails alone with a one-line reason while the others go in.
public final class Importer {
    let store: Store
    let parser: ReportParser

    public init(store: Store, parser: ReportParser = ReportParser()) {
        self.store = store
        self.parser = parser
    }

    /// Imports every file under `paths`, calling `report` after each file.
    @discardableResult
    public func run(
        _ paths: [String], options: ImportOptions = .init(), report: (FileResult) -> Void = { _ in }
    ) -> [FileResult] {
        let database = ["", "-wal", "-shm", "-journal"].map { store.path + $0 }
        let (files, missing) = FileCollector.collect(paths, excluding: Set(database))
        var results = missing.map { FileResult(path: $0.path, outcome: .failed($0)) }
        results.forEach(report)
        for path in files {
            let result = FileResult(path: path, outcome: importFile(path, options: options))
            report(result)
            results.append(result)
        }
        return results
    }

    /// Imports one file.
    public func importFile(_ path: String, options: ImportOptions = .init()) -> FileOutcome {
        do {
            let bytes = try ReportParser.readFile(at: path)
            let sha256 = ReportParser.sha256(bytes)
            if let existing = try store.report(sha256: sha256) {
                return .unchanged(bureau: existing.bureau, year: existing.year)
            }
            let parsed = try parser.parse(bytes, path: path, sha256: sha256, options: options)
            let saved = try store.save(parsed, replace: options.replace, aliases: options.aliases)
            let summary = ReportSummary(parsed, extraFindings: saved.crossYearFindings)
            return saved.replacedSource.map { .replaced(summary, previousSource: $0) } ?? .imported(summary)
        } catch let failure as ImportFailure {
            return .failed(failure)
        } catch let error as StoreError {
            return .failed(ImportFailure(path: path, reason: error.description))
        } catch {
            return .failed(ImportFailure(path: path, reason: "\(error)"))
        }
    }
}
