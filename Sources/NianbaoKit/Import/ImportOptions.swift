/// How `nianbao import` treats its files.
public struct ImportOptions: Sendable {
    /// Replace an already imported report of the same bureau and year.
    public var replace: Bool
    /// Decode every file with this encoding (`--encoding`).
    public var encoding: TextEncoding?
    /// Year and bureau overrides (`--year`, `--bureau`).
    public var extraction: ExtractionOptions
    /// Bureau aliases: the bundled table plus `--aliases` files.
    public var aliases: BureauAliasTable
    /// Per-file year and bureau (`--manifest`), on top of `extraction`.
    public var manifest: ImportManifest?

    /// What the user states about the file at `path`: its manifest line, else `extraction`.
    public func extraction(for path: String) -> ExtractionOptions {
        guard let listed = manifest?.options(for: path) else { return extraction }
        var options = extraction
        options.year = listed.year ?? options.year
        options.bureau = listed.bureau ?? options.bureau
        return options
    }

    public init(
        replace: Bool = false, encoding: TextEncoding? = nil, extraction: ExtractionOptions = .init(),
        aliases: BureauAliasTable = .bundled, manifest: ImportManifest? = nil
    ) {
        self.replace = replace
        self.encoding = encoding
        self.extraction = extraction
        self.aliases = aliases
        self.manifest = manifest
    }
}
