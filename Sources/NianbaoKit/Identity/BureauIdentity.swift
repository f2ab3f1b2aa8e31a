/// Everything derived from one reported name: the canonical bureau its
/// reports are filed under, its region and its kind.
///
/// Region and kind come from the canonical name, not the reported one, so
/// every report of a bureau lands in the same region and kind whichever
/// variant it was published under (an OCR misspelling such as 沐阳县人民政府
/// names no region at all until the alias corrects it).
public struct BureauIdentity: Sendable, Equatable {
    public let reported: String
    public let canonical: String
    public let region: BureauRegion
    public let kind: String

    public init(reported: String, canonical: String, region: BureauRegion, kind: String) {
        self.reported = reported
        self.canonical = canonical
        self.region = region
        self.kind = kind
    }

    public static func resolve(
        _ reported: String, year: Int, aliases: BureauAliasTable = .bundled, divisions: DivisionTable = .bundled
    ) -> BureauIdentity {
        let canonical = aliases.canonical(reported, year: year)
        return BureauIdentity(
            reported: reported, canonical: canonical, region: divisions.region(of: canonical), kind: BureauKind.of(canonical, divisions: divisions))
    }
}
