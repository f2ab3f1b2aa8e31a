/// Why a file's bytes could not be turned into text. The importer adds the file name.
public enum DecodingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file has no bytes at all.
    case empty
    /// NUL bytes or other control bytes show the file is not text.
    case binary(offset: Int)
    /// The bytes end in the middle of a multi-byte character.
    case truncated(encoding: TextEncoding, offset: Int)
    /// A byte sequence is invalid in the encoding.
    case invalid(encoding: TextEncoding, offset: Int)
    /// Neither UTF-8 nor GB18030 decode the bytes.
    case unknownEncoding(utf8Offset: Int, gb18030Offset: Int)

    public var description: String {
        switch self {
        case .empty: "empty file"
        case .binary(let offset): "binary data at byte \(offset), not a text report"
        case .truncated(let encoding, let offset):
            "file ends inside a \(encoding.rawValue) character at byte \(offset) (truncated?)"
        case .invalid(let encoding, let offset): "invalid \(encoding.rawValue) byte sequence at byte \(offset)"
        case .unknownEncoding(let utf8Offset, let gbOffset):
            "neither UTF-8 (invalid at byte \(utf8Offset)) nor GB18030 (invalid at byte \(gbOffset))"
        }
    }
}
