import NianbaoSQLite

/// A database problem, with the database path and SQLite's own words.
public enum StoreError: Error, Sendable, CustomStringConvertible {
    /// SQLite failed; the error carries result code, message and SQL.
    case sqlite(path: String, SQLiteError)
    /// A read-only command found no database file.
    case noDatabase(path: String)
    /// The database was written by a newer nianbao.
    case newerSchema(path: String, found: Int, supported: Int)
    /// The report's body (after aliases) and year are already imported from another file.
    case conflict(bureau: String, year: Int, existing: StoredReport)
    /// A cell under a key the database's `metrics` does not hold (a catalog newer than the migration).
    case unknownMetric(path: String, key: String)

    public var description: String {
        switch self {
        case .sqlite(let path, let error): "database \(path): \(error.message) (SQLite error \(error.resultCode))"
        case .noDatabase(let path): "no database at \(path); run `nianbao import` first (or pass --db)"
        case .newerSchema(let path, let found, let supported):
            "database \(path) has schema version \(found); this nianbao reads up to \(supported): upgrade nianbao"
        case .conflict(let bureau, let year, let existing):
            "\(bureau) \(year) is already imported as \(existing.description); pass --replace to replace it"
        case .unknownMetric(let path, let key): "database \(path) has no metric \(key); the report is not stored"
        }
    }
}

extension StoreError {
    /// Any error thrown while using the database at `path`, as a ``StoreError``:
    /// never a crash, whatever a body throws.
    init(_ error: any Error, path: String) {
        switch error {
        case let error as StoreError: self = error
        case let error as SQLiteError: self = .sqlite(path: path, error)
        default: self = .sqlite(path: path, SQLiteError(resultCode: 1, message: String(describing: error)))
        }
    }
}

extension StoreError {
    /// Whether the database itself failed (full disk, I/O error, damaged or
    /// read-only file, out of memory) rather than one report: an import
    /// stops at once, since every later report would fail the same way.
    public var endsImport: Bool {
        guard case .sqlite(_, let error) = self else { return false }
        return [7, 8, 10, 11, 13, 14, 26].contains(error.primaryResultCode)  // NOMEM READONLY IOERR CORRUPT FULL CANTOPEN NOTADB
    }
}
