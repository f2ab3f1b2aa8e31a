import NianbaoKit

/// Warnings every reading command gives about the database as a whole.
enum Warnings {
    /// One line when a body-year is stored more than once (a database from
    /// before one report per body and year was enforced): every trend counts each copy.
    static func duplicates(_ store: Store) throws {
        let groups = try store.duplicateGroups()
        guard let first = groups.first else { return }
        let example = "\(first[0].canonicalBureau) \(first[0].year) ×\(first.count)"
        Console.note(
            "nianbao: warning: \(groups.count) body-year\(groups.count == 1 ? " is" : "s are") stored more than once (\(example)"
                + (groups.count > 1 ? ", …" : "") + "): trends count each copy; keep one with `nianbao remove`")
    }
}
