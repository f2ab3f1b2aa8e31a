/// What the user states about a file, overriding what the document says.
public struct ExtractionOptions: Sendable, Equatable {
    /// The report year (`--year`): wins over the title and the period sentence.
    public var year: Int?
    /// The bureau name (`--bureau`): wins over the title.
    public var bureau: String?

    public init(year: Int? = nil, bureau: String? = nil) {
        self.year = year
        self.bureau = bureau
    }
}
