import NianbaoSQLite

/// Ad-hoc and named SQL over the database, read-only: `nianbao sql` and
/// `nianbao query` must never change what was imported.
extension Store {
    /// Runs one read-only statement with named parameters (`:year` → value).
    ///
    /// Four guards keep it read-only: the statement must be one statement,
    /// must not start with a writing keyword (SQLite calls ATTACH, BEGIN and
    /// SAVEPOINT read-only, yet they change the connection), SQLite must classify it read-only
    /// (`sqlite3_stmt_readonly`), and the connection is put in `query_only`
    /// mode for its duration.
    ///
    /// - Parameter timeout: seconds after which the statement is stopped
    ///   (``SQLQueryError/timedOut(seconds:)``); 0 for no limit.
    /// - Parameter maximumRows: more rows than this are refused
    ///   (``SQLQueryError/tooManyRows(_:)``): the table is held in memory.
    public func readOnlyQuery(
        _ sql: String, parameters: [String: String] = [:], timeout: Double = 0, maximumRows: Int = 5_000_000
    ) throws(SQLQueryError) -> ResultTable {
        // Statements that change the database or the connection; anything else
        // unknown goes on to SQLite, which names a syntax error with the SQL.
        let writing: Set<String> = [
            "INSERT", "UPDATE", "DELETE", "REPLACE", "UPSERT", "DROP", "CREATE", "ALTER", "ATTACH", "DETACH", "BEGIN",
            "COMMIT", "END", "ROLLBACK", "SAVEPOINT", "RELEASE", "VACUUM", "REINDEX", "ANALYZE",
        ]
        if writing.contains(Self.firstKeyword(sql)) { throw .notReadOnly }
        do {
            try connection.execute("PRAGMA query_only = ON")
            defer { try? connection.execute("PRAGMA query_only = OFF") }
            let statement = try connection.prepare(sql)
            guard statement.isReadOnly else { throw SQLQueryError.notReadOnly }
            var values: [String: SQLiteValue] = [:]
            for name in statement.parameterNames.compactMap({ $0 }) {
                let key = String(name.dropFirst())
                guard let text = parameters[key] else { throw SQLQueryError.missingParameter(key) }
                // Integers as written ("2020") bind as numbers; "007" stays text.
                if let number = Int64(text), String(number) == text {
                    values[name] = .integer(number)
                } else {
                    values[name] = .text(text)
                }
            }
            if statement.parameterCount > 0 {
                guard statement.parameterNames.allSatisfy({ $0 != nil }) else { throw SQLQueryError.anonymousParameter }
                try statement.bind(named: values)
            }
            let names = statement.columnNames
            var rows: [[String?]] = []
            var numeric = [Bool](repeating: true, count: names.count)
            try connection.withTimeLimit(seconds: timeout) {
                try statement.forEachRow { row in
                    guard rows.count < maximumRows else { throw SQLQueryError.tooManyRows(maximumRows) }
                    var values: [String?] = []
                    for index in names.indices {
                        let value = row.value(at: index)
                        switch value {
                        case .integer, .real, .null: break
                        case .text, .blob: numeric[index] = false
                        }
                        values.append(Self.text(value))
                    }
                    rows.append(values)
                }
            }
            return ResultTable(columns: zip(names, numeric).map { ResultColumn($0, numeric: $1) }, rows: rows)
        } catch let error as SQLQueryError {
            throw error
        } catch let error as SQLiteError {
            if error.isInterrupt { throw .timedOut(seconds: timeout) }
            throw error.primaryResultCode == SQLiteError.SQLITE_READONLY ? .notReadOnly : .sqlite(error)
        } catch {
            throw .sqlite(SQLiteError(resultCode: 1, message: "\(error)"))
        }
    }

    /// The first keyword of `sql`, upper-cased, after whitespace and comments.
    static func firstKeyword(_ sql: String) -> String {
        var rest = Substring(sql)
        while true {
            rest = rest.drop { $0.isWhitespace }
            if rest.hasPrefix("--") {
                rest = rest.drop { $0 != "\n" }
            } else if rest.hasPrefix("/*"), let end = rest.range(of: "*/") {
                rest = rest[end.upperBound...]
            } else {
                break
            }
        }
        return rest.prefix { $0.isLetter }.uppercased()
    }
}
