/// The machine-readable account of an import (`nianbao import --json`).
public struct ImportSummary: Codable, Sendable, Equatable {
    /// One file's line.
    public struct File: Codable, Sendable, Equatable {
        public var path: String
        /// `imported`, `replaced`, `unchanged` or `failed`.
        public var status: String
        public var bureau: String?
        public var year: Int?
        public var template: String?
        public var facts: Int?
        public var errors: Int?
        public var warnings: Int?
        /// The failure reason, or the replaced source.
        public var message: String?
    }

    public var files: [File]
    public var imported: Int
    public var replaced: Int
    public var unchanged: Int
    public var failed: Int
    /// Why the import stopped before every file was tried (a full disk), if it did.
    public var stopped: String?

    public init(_ results: [FileResult]) {
        files = results.map(Self.file)
        imported = files.filter { $0.status == "imported" }.count
        replaced = files.filter { $0.status == "replaced" }.count
        unchanged = files.filter { $0.status == "unchanged" }.count
        failed = files.filter { $0.status == "failed" }.count
    }

    static func file(_ result: FileResult) -> File {
        switch result.outcome {
        case .imported(let s):
            File(path: result.path, status: "imported", bureau: s.bureau, year: s.year, template: s.template.rawValue,
                 facts: s.facts, errors: s.errors, warnings: s.warnings)
        case .replaced(let s, let previous):
            File(path: result.path, status: "replaced", bureau: s.bureau, year: s.year, template: s.template.rawValue,
                 facts: s.facts, errors: s.errors, warnings: s.warnings, message: "replaced " + previous)
        case .unchanged(let bureau, let year):
            File(path: result.path, status: "unchanged", bureau: bureau, year: year)
        case .failed(let failure):
            File(path: result.path, status: "failed", message: failure.reason)
        }
    }

    /// One human line for a file, as `import` prints it on standard error.
    public static func line(for result: FileResult) -> String {
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        func describe(_ s: ReportSummary) -> String {
            "\(s.bureau) \(s.year) \(s.template.rawValue): \(plural(s.facts, "fact")), \(plural(s.errors, "error")), \(plural(s.warnings, "warning"))"
        }
        switch result.outcome {
        case .imported(let s): return "imported  \(result.path)  \(describe(s))"
        case .replaced(let s, let previous): return "replaced  \(result.path)  \(describe(s)) (was \(previous))"
        case .unchanged(let bureau, let year): return "unchanged \(result.path)  already imported as \(bureau) \(year)"
        case .failed(let failure): return "error: \(failure.description)"
        }
    }

    /// Whether a stored file came with errors or warnings (worth a line even beside a progress bar).
    public static func hasFindings(_ result: FileResult) -> Bool {
        switch result.outcome {
        case .imported(let s), .replaced(let s, _): s.errors + s.warnings > 0
        case .unchanged, .failed: false
        }
    }

    /// The closing line: counts by outcome.
    public var totalsLine: String {
        "\(files.count) file\(files.count == 1 ? "" : "s"): \(imported) imported, \(replaced) replaced, \(unchanged) unchanged, \(failed) failed"
            + (stopped == nil ? "" : "; stopped before the other files")
    }
}
