/// A printed label with the variants real reports use for it (report-format.md §2.3, §4.2).
///
/// Matching always goes through ``LabelNormalizer``, so variants only need to
/// list differences that normalisation cannot remove: other wording,
/// truncations, older names. Whitespace, bracket width and quote style are
/// handled by normalisation and need no variant.
public struct LabelSet: Sendable, Hashable {
    /// The label as the template prints it.
    public let canonical: String
    /// Other spellings seen in real reports.
    public let variants: [String]
    /// ``all`` through ``LabelNormalizer``, once per catalog row rather than per report.
    public let normalized: [String]

    public init(_ canonical: String, variants: [String] = []) {
        self.canonical = canonical
        self.variants = variants
        normalized = ([canonical] + variants).map(LabelNormalizer.normalize)
    }

    /// The canonical label followed by its variants.
    public var all: [String] { [canonical] + variants }
}
