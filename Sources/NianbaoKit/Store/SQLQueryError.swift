import NianbaoSQLite

/// Why a read-only query was refused or failed.
public enum SQLQueryError: Error, Sendable, CustomStringConvertible {
    /// The statement would write (UPDATE, DROP, INSERT …).
    case notReadOnly
    /// A `:name` parameter has no value (`-p name value`).
    case missingParameter(String)
    /// `?` parameters cannot be given by name.
    case anonymousParameter
    /// SQLite's own error (the SQL is kept in it, not repeated in the message).
    case sqlite(SQLiteError)
    /// The statement ran past the time limit and was stopped.
    case timedOut(seconds: Double)
    /// The result has more rows than a table held in memory should.
    case tooManyRows(Int)

    public var description: String {
        switch self {
        case .notReadOnly: "only read-only SQL (SELECT, WITH …) is allowed here; nothing was changed"
        case .missingParameter(let name): "parameter :\(name) has no value; pass -p \(name) VALUE"
        case .anonymousParameter: "use named parameters (:name), not ?"
        // A statement may be pages long: SQLite's message names the place ("near \"FORM\"").
        case .sqlite(let error): error.message
        case .timedOut(let seconds):
            "the statement ran longer than \(seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)) s and was stopped; pass --timeout SECONDS (0 for no limit)"
        case .tooManyRows(let limit):
            "the result has more than \(limit) rows; add a LIMIT or a WHERE, or use `nianbao export` for every fact"
        }
    }
}
