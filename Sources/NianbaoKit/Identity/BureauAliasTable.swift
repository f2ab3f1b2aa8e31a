import Foundation

/// The alias table: bundled rows plus user files (`--aliases FILE`).
///
/// Bureaus publish under short and long names, OCR misreads characters and
/// the 2018 reform renamed whole families of bodies (report-format.md §10.3),
/// so one bureau's reports only line up across years when every variant maps
/// to one canonical name. Rows are exact names (compared after NFKC and with
/// whitespace removed), never patterns: a pattern that merges two real bodies
/// would corrupt every trend silently, a missing row only leaves two series
/// apart, which a user sees and fixes with a row of their own.
public struct BureauAliasTable: Sendable {
    /// The rows in order; on the same alias and year a later row wins.
    let rows: [BureauAlias]
    /// Row indices by `BureauNameKey` of the alias, in row order.
    private let index: [String: [Int]]

    public init(rows: [BureauAlias]) {
        self.rows = rows
        var index: [String: [Int]] = [:]
        for (position, row) in rows.enumerated() {
            index[BureauNameKey.make(row.alias), default: []].append(position)
        }
        self.index = index
    }

    /// Parses CSV text with the header alias,canonical,valid_from,valid_to (RFC 4180 quoting, UTF-8,
    /// optional BOM, CRLF or LF). Errors name the source and the line:
    /// "aliases.csv line 7: valid_from 'abc' is not a year".
    ///
    /// Within one file two rows that give the same alias different canonical
    /// names for an overlapping year are an error: nothing says which is meant.
    /// Between files, `adding(_:)` decides (the user's file wins).
    public init(csv: String, source: String) throws(BureauAliasError) {
        let records: [CSVRecord]
        do {
            records = try CSVRecordReader.records(csv)
        } catch {
            throw BureauAliasError(source: source, line: error.line, reason: error.reason)
        }
        let header = ["alias", "canonical", "valid_from", "valid_to"]
        guard let first = records.first else {
            throw BureauAliasError(source: source, line: 1, reason: "empty file; the first line must be the header \(header.joined(separator: ","))")
        }
        guard first.fields.map({ $0.trimmingCharacters(in: .whitespaces) }) == header else {
            throw BureauAliasError(
                source: source, line: first.line,
                reason: "header must be \(header.joined(separator: ",")), found '\(first.fields.joined(separator: ","))'")
        }
        var rows: [BureauAlias] = []
        var earlier: [String: [(row: BureauAlias, line: Int)]] = [:]
        for record in records.dropFirst() {
            func fail(_ reason: String) -> BureauAliasError {
                BureauAliasError(source: source, line: record.line, reason: reason)
            }
            guard record.fields.count == header.count else {
                throw fail("expected 4 fields (alias,canonical,valid_from,valid_to), found \(record.fields.count)")
            }
            let alias = record.fields[0].trimmingCharacters(in: .whitespaces)
            let canonical = record.fields[1].trimmingCharacters(in: .whitespaces)
            guard !BureauNameKey.make(alias).isEmpty else { throw fail("alias is empty") }
            guard !BureauNameKey.make(canonical).isEmpty else { throw fail("canonical is empty") }
            guard let validFrom = Self.year(record.fields[2]) else {
                throw fail("valid_from '\(record.fields[2])' is not a year")
            }
            guard let validTo = Self.year(record.fields[3]) else {
                throw fail("valid_to '\(record.fields[3])' is not a year")
            }
            if let validFrom, let validTo, validFrom > validTo {
                throw fail("valid_from \(validFrom) is after valid_to \(validTo)")
            }
            let row = BureauAlias(alias: alias, canonical: canonical, validFrom: validFrom, validTo: validTo)
            let key = BureauNameKey.make(alias)
            if let clash = earlier[key]?.first(where: {
                $0.row.overlaps(row) && BureauNameKey.make($0.row.canonical) != BureauNameKey.make(canonical)
            }) {
                throw fail("alias '\(alias)' already maps to '\(clash.row.canonical)' on line \(clash.line) for overlapping years")
            }
            earlier[key, default: []].append((row, record.line))
            rows.append(row)
        }
        self.init(rows: rows)
    }

    /// A year cell: `.some(nil)` when empty (open), the year for four ASCII
    /// digits, nil when it is anything else.
    private static func year(_ cell: String) -> Int?? {
        let text = cell.trimmingCharacters(in: .whitespaces)
        if text.isEmpty { return .some(nil) }
        guard text.utf8.count == 4, text.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        return Int(text)
    }

    /// The bundled table (the content of Data/bureau-aliases.csv, compiled into
    /// the library so an installed binary has it; `BundledAliases`).
    public static let bundled: BureauAliasTable = {
        do {
            return try BureauAliasTable(csv: BundledAliases.csv, source: "bundled bureau-aliases.csv")
        } catch {
            // Only a broken build can get here: BureauBundledDataTests parses it.
            fatalError("\(error)")
        }
    }()

    /// This table with `other`'s rows added (user rows win over bundled rows on the same alias and year).
    public func adding(_ other: BureauAliasTable) -> BureauAliasTable {
        BureauAliasTable(rows: rows + other.rows)
    }

    /// The row for `name` in `year`: the last applicable one.
    private func step(_ key: String, year: Int) -> String? {
        guard let positions = index[key] else { return nil }
        for position in positions.reversed() where rows[position].applies(in: year) {
            return rows[position].canonical
        }
        return nil
    }

    /// The canonical name for `name` reported in `year`: follows chains (A→B→C), guards cycles,
    /// NFKC + whitespace-insensitive match; returns `name` itself when no alias applies.
    ///
    /// Every step uses the same report year, so a rename chain (安监局 → 应急管理局 →
    /// a later name) only goes as far as the rows valid in that year. A cycle
    /// (a mistake in the tables, e.g. a user row pointing back at a bundled
    /// alias) resolves every name on it to the same member, the smallest in
    /// Unicode order, so the reports still group together whichever name they
    /// used.
    public func canonical(_ name: String, year: Int) -> String {
        var current = name
        var currentKey = BureauNameKey.make(name)
        var seen: [String] = [currentKey]
        var names: [String: String] = [currentKey: name]
        while let next = step(currentKey, year: year) {
            let nextKey = BureauNameKey.make(next)
            if nextKey == currentKey {
                // A row that only respells the name (width, spaces) gives the spelling.
                current = next
                break
            }
            if let start = seen.firstIndex(of: nextKey) {
                let cycle = seen[start...]
                let smallest = cycle.min()!
                return names[smallest]!
            }
            seen.append(nextKey)
            names[nextKey] = next
            current = next
            currentKey = nextKey
        }
        return current
    }
}
