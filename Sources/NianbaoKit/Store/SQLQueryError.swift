import NianbaoSQLite

/// Why a read-only query was refused or failed.
public enum SQLQueryError: Error, Sendable, CustomStringConvertible {
    /// The statement would write (UPDATE, DROP, INSERT …).
    case notReadOnly
    /// A `:name` parameter has no value (`-p name value`).
    case missingParameter(String)
    /// `?` parameters cannot be given by name.
    case anonymousParameter
    /// SQLite's own error, with the SQL.
    case sqlite(SQLiteError)

    public var description: String {
        switch self {
        case .notReadOnly: "only read-only SQL (SELECT, WITH …) is allowed here; nothing was changed"
        case .missingParameter(let name): "parameter :\(name) has no value; pass -p \(name) VALUE"
        case .anonymousParameter: "use named parameters (:name), not ?"
        case .sqlite(let error): "\(error.message)" + (error.sql.map { " in `\($0)`" } ?? "")
        }
    }
}
