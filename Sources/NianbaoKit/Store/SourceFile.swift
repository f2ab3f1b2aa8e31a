/// The file a report was read from: path, content hash, format and encoding.
public struct SourceFile: Sendable, Equatable {
    public var path: String
    /// Lower-case hex SHA-256 of the bytes: the same file is never imported twice.
    public var sha256: String
    public var format: DocumentFormat
    /// How a text's lines were laid out (tab cells, pipe tables, columns), for text and PDF.
    public var layout: TextLayout?
    /// The encoding that decoded the text, for text formats.
    public var encoding: TextEncoding?

    public init(path: String, sha256: String, format: DocumentFormat, layout: TextLayout? = nil, encoding: TextEncoding?) {
        self.path = path
        self.sha256 = sha256
        self.format = format
        self.layout = layout
        self.encoding = encoding
    }

    /// Format and layout as stored in `reports.source_format`: `html`, `pdf`, `text-tabbed`, `text-markdown`.
    public var formatName: String {
        format == .text ? format.rawValue + "-" + (layout ?? .tabbed).rawValue : format.rawValue
    }
}
