/// The file a report was read from: path, content hash, format and encoding.
public struct SourceFile: Sendable, Equatable {
    public var path: String
    /// Lower-case hex SHA-256 of the bytes: the same file is never imported twice.
    public var sha256: String
    public var format: DocumentFormat
    /// The encoding that decoded the text, for text formats.
    public var encoding: TextEncoding?

    public init(path: String, sha256: String, format: DocumentFormat, encoding: TextEncoding?) {
        self.path = path
        self.sha256 = sha256
        self.format = format
        self.encoding = encoding
    }
}
