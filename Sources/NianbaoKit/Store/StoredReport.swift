/// A report already in the database, as a conflict, a removal or the
/// history names it.
public struct StoredReport: Sendable, Equatable {
    public let id: Int64
    /// The bureau name as the report printed it.
    public let bureau: String
    /// The body it is filed under, after aliases.
    public let canonicalBureau: String
    public let year: Int
    public let sourcePath: String
    public let sha256: String
    public let facts: Int

    public init(id: Int64, bureau: String, canonicalBureau: String, year: Int, sourcePath: String, sha256: String, facts: Int) {
        self.id = id
        self.bureau = bureau
        self.canonicalBureau = canonicalBureau
        self.year = year
        self.sourcePath = sourcePath
        self.sha256 = sha256
        self.facts = facts
    }

    /// "山亭区应急管理局 2023 (printed 山亭区应急局, from FILE)".
    public var description: String {
        canonicalBureau + " \(year)" + (bureau == canonicalBureau ? "" : " (printed \(bureau))") + ", from " + sourcePath
    }
}
