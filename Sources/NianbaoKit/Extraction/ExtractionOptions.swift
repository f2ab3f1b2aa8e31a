/// What the user states about a file, overriding what the document says.
public struct ExtractionOptions: Sendable, Equatable {
    /// The report year (`--year`): wins over the title and the period sentence.
    public var year: Int?
    /// The bureau name (`--bureau`): wins over the title.
    public var bureau: String?
    /// Import a file that ends before its last statistics sections
    /// (`--partial`): the missing cells are NULL with a finding instead of
    /// the file being refused as truncated.
    public var partial: Bool

    public init(year: Int? = nil, bureau: String? = nil, partial: Bool = false) {
        self.year = year
        self.bureau = bureau
        self.partial = partial
    }
}
