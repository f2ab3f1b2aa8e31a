import NianbaoSQLite

/// The names of `names` ids, looked up as a trend meets them: a trend by
/// year needs a handful, one by bureau every body. Reading the whole table
/// first cost 50 ms at a million reports, more than the trend itself.
final class NameCache {
    private let connection: Connection
    private var known: [Int64: String] = [:]
    private var lookups = 0
    private var loadedAll = false

    init(_ connection: Connection) { self.connection = connection }

    /// The name of `id`; after a few hundred lookups the whole table is read at once.
    func name(_ id: Int64) throws -> String? {
        if let name = known[id] { return name }
        if loadedAll { return nil }
        lookups += 1
        if lookups > 256 {
            try connection.prepare("SELECT id, name FROM names").forEachRow { row in
                if let id = row.value(at: 0).int64, let name = row.value(at: 1).string { known[id] = name }
            }
            loadedAll = true
            return known[id]
        }
        let name = try connection.cachedStatement("SELECT name FROM names WHERE id = ?").rows([.integer(id)]).first?[0].string
        if let name { known[id] = name }
        return name
    }
}
