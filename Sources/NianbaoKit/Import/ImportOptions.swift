/// How `nianbao import` treats its files.
public struct ImportOptions: Sendable, Equatable {
    /// Replace an already imported report of the same bureau and year.
    public var replace: Bool
    /// Decode every file with this encoding (`--encoding`).
    public var encoding: TextEncoding?
    /// Year and bureau overrides (`--year`, `--bureau`).
    public var extraction: ExtractionOptions

    public init(replace: Bool = false, encoding: TextEncoding? = nil, extraction: ExtractionOptions = .init()) {
        self.replace = replace
        self.encoding = encoding
        self.extraction = extraction
    }
}
