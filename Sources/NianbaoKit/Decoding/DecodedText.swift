/// Text decoded from a file, with the encoding that decoded it (recorded on the report).
public struct DecodedText: Sendable, Equatable {
    public let text: String
    public let encoding: TextEncoding
    /// Whether the bytes began with a byte-order mark (removed from `text`).
    public let hadByteOrderMark: Bool
}
