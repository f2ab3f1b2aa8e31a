/// A report already in the database, as a conflict, a removal or the
/// history names it.
public struct StoredReport: Sendable, Equatable {
    public let id: Int64
    /// The bureau name as the report printed it.
    public let bureau: String
    /// The body it is filed under, after aliases.
    public let canonicalBureau: String
    public let year: Int
    /// A body's own report, or a government's consolidated one: two reports of one body and year, never duplicates.
    public let scope: BureauScope
    public let sourcePath: String
    public let sha256: String
    public let facts: Int

    /// "山亭区应急管理局 2023 (printed 山亭区应急局, from FILE)".
    public var description: String {
        canonicalBureau + " \(year)" + (scope == .aggregate ? " (aggregate report)" : "")
            + (bureau == canonicalBureau ? "" : " (printed \(bureau))") + ", from " + sourcePath
    }
}
