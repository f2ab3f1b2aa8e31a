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

    public init(
        replace: Bool = false, encoding: TextEncoding? = nil, extraction: ExtractionOptions = .init(),
        aliases: BureauAliasTable = .bundled
    ) {
        self.replace = replace
        self.encoding = encoding
        self.extraction = extraction
        self.aliases = aliases
    }
}
