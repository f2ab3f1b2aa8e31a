import NianbaoSQLite

/// The bureau identity columns of `reports`: canonical name, region, kind.
extension Store {
    /// Writes the identity of one report.
    func storeIdentity(reportID: Int64, bureau: String, year: Int, aliases: BureauAliasTable) throws {
        let identity = BureauIdentity.resolve(bureau, year: year, aliases: aliases)
        try connection.run(
            "UPDATE reports SET canonical_bureau = ?, province = ?, city = ?, county = ?, kind = ? WHERE id = ?",
            [
                .text(identity.canonical), identity.region.province.map(SQLiteValue.text) ?? .null,
                identity.region.city.map(SQLiteValue.text) ?? .null, identity.region.county.map(SQLiteValue.text) ?? .null,
                .text(identity.kind), .integer(reportID),
            ])
    }

    /// Resolves the identity of reports again: after a migration (only those
    /// without one), or for every report with a new alias table.
    func resolveIdentities(onlyMissing: Bool, aliases: BureauAliasTable = .bundled) throws {
        let rows = try connection.rows(
            "SELECT r.id, b.name, r.year FROM reports r JOIN bureaus b ON b.id = r.bureau_id"
                + (onlyMissing ? " WHERE r.canonical_bureau IS NULL" : ""))
        for row in rows {
            guard let id = row[0].int64, let name = row[1].string, let year = row[2].int64 else { continue }
            try storeIdentity(reportID: id, bureau: name, year: Int(year), aliases: aliases)
        }
    }

    /// Re-resolves every report's canonical bureau, region and kind with `aliases` (`nianbao import --aliases` of nothing new).
    public func applyAliases(_ aliases: BureauAliasTable) throws(StoreError) {
        try wrap {
            try connection.transaction(.immediate) {
                try resolveIdentities(onlyMissing: false, aliases: aliases)
                // New aliases can make two stored reports one body: say so on both.
                try flagDuplicates()
                try refreshTotals()
            }
        }
    }
}
