import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Turns a file's bytes into text: byte-order mark first, then a forced or
/// declared encoding, then UTF-8 when valid and GB18030 otherwise
/// (architecture.md, "decode").
///
/// Decoding is strict: an invalid byte is an error naming its offset, never a
/// replacement character, so a mis-decoded label can never silently fail to
/// match and a number can never be read from garbage.
public enum TextDecoder {
    /// Bytes inspected for NUL and other control bytes that show binary data.
    static let binaryProbeLength = 8192

    /// Decodes `bytes`.
    /// - Parameters:
    ///   - forced: an encoding chosen by the user (`--encoding`), used even when a BOM disagrees.
    ///   - declared: an encoding the document declares (an HTML meta charset), used when there is no BOM.
    public static func decode(
        _ bytes: [UInt8], forced: TextEncoding? = nil, declared: TextEncoding? = nil
    ) throws(DecodingError) -> DecodedText {
        guard !bytes.isEmpty else { throw .empty }
        if let forced {
            let body = Self.strippingBOM(bytes, for: forced)
            return DecodedText(text: try decode(body, as: forced), encoding: forced, hadByteOrderMark: body.count != bytes.count)
        }
        if let (encoding, bomLength) = byteOrderMark(bytes) {
            let body = Array(bytes[bomLength...])
            return DecodedText(text: try decode(body, as: encoding), encoding: encoding, hadByteOrderMark: true)
        }
        if let offset = binaryOffset(bytes) { throw .binary(offset: offset) }
        if let declared {
            // Pages saved from a browser keep their `charset=gb2312` meta although
            // the browser wrote UTF-8. GBK text is practically never valid UTF-8
            // with multi-byte characters, so such bytes are read as UTF-8.
            if declared != .utf8, bytes.contains(where: { $0 >= 0x80 }), let text = String(validating: bytes, as: UTF8.self) {
                return DecodedText(text: text, encoding: .utf8, hadByteOrderMark: false)
            }
            return DecodedText(text: try decode(bytes, as: declared), encoding: declared, hadByteOrderMark: false)
        }
        do {
            return DecodedText(text: try decodeUTF8(bytes), encoding: .utf8, hadByteOrderMark: false)
        } catch {
            // Valid UTF-8 cut short stays a UTF-8 error: GB18030 would decode
            // the same bytes into plausible-looking nonsense.
            if case .truncated = error { throw error }
            guard case .invalid(_, let utf8Offset) = error else { throw error }
            do {
                return DecodedText(text: try decodeGB18030(bytes), encoding: .gb18030, hadByteOrderMark: false)
            } catch {
                if case .truncated = error { throw error }
                let gbOffset = if case .invalid(_, let offset) = error { offset } else { 0 }
                throw .unknownEncoding(utf8Offset: utf8Offset, gb18030Offset: gbOffset)
            }
        }
    }

    /// Decodes `bytes` strictly as `encoding`.
    public static func decode(_ bytes: [UInt8], as encoding: TextEncoding) throws(DecodingError) -> String {
        switch encoding {
        case .utf8: try decodeUTF8(bytes)
        case .gb18030: try decodeGB18030(bytes)
        case .utf16LE, .utf16BE: try decodeUTF16(bytes, bigEndian: encoding == .utf16BE)
        }
    }

    // MARK: - Detection

    static func byteOrderMark(_ bytes: [UInt8]) -> (TextEncoding, Int)? {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return (.utf8, 3) }
        if bytes.starts(with: [0x84, 0x31, 0x95, 0x33]) { return (.gb18030, 4) }
        if bytes.starts(with: [0xFF, 0xFE]) { return (.utf16LE, 2) }
        if bytes.starts(with: [0xFE, 0xFF]) { return (.utf16BE, 2) }
        return nil
    }

    private static func strippingBOM(_ bytes: [UInt8], for encoding: TextEncoding) -> [UInt8] {
        if let (bomEncoding, length) = byteOrderMark(bytes), bomEncoding == encoding {
            return Array(bytes[length...])
        }
        return bytes
    }

    /// The offset of the first byte that no text file holds (NUL and the C0
    /// controls other than tab, line feed, form feed, carriage return, escape).
    static func binaryOffset(_ bytes: [UInt8]) -> Int? {
        let probe = bytes.prefix(binaryProbeLength)
        return probe.firstIndex { byte in
            byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0C && byte != 0x0D && byte != 0x1B
        }
    }

    // MARK: - Decoders

    static func decodeUTF8(_ bytes: [UInt8]) throws(DecodingError) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        let offset = firstInvalidUTF8Offset(bytes)
        if isIncompleteUTF8Tail(bytes, from: offset) { throw .truncated(encoding: .utf8, offset: offset) }
        throw .invalid(encoding: .utf8, offset: offset)
    }

    /// The offset where the first ill-formed UTF-8 sequence starts (only run on failure).
    private static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int {
        var i = 0
        while i < bytes.count {
            let lead = bytes[i]
            let (length, low, high): (Int, UInt8, UInt8) =
                switch lead {
                case 0x00...0x7F: (1, 0x80, 0xBF)
                case 0xC2...0xDF: (2, 0x80, 0xBF)
                case 0xE0: (3, 0xA0, 0xBF)
                case 0xE1...0xEC, 0xEE...0xEF: (3, 0x80, 0xBF)
                case 0xED: (3, 0x80, 0x9F)
                case 0xF0: (4, 0x90, 0xBF)
                case 0xF1...0xF3: (4, 0x80, 0xBF)
                case 0xF4: (4, 0x80, 0x8F)
                default: (0, 0, 0)
                }
            guard length > 0, i + length <= bytes.count else { return i }
            for k in 1..<max(length, 1) {
                let byte = bytes[i + k]
                let (lo, hi) = k == 1 ? (low, high) : (UInt8(0x80), UInt8(0xBF))
                if byte < lo || byte > hi { return i }
            }
            i += length
        }
        return bytes.count
    }

    /// Whether the bytes from `offset` to the end are a valid but unfinished UTF-8 sequence.
    private static func isIncompleteUTF8Tail(_ bytes: [UInt8], from offset: Int) -> Bool {
        let tail = bytes[offset...]
        guard let lead = tail.first, tail.count < 4 else { return false }
        let needed: Int =
            switch lead {
            case 0xC2...0xDF: 2
            case 0xE0...0xEF: 3
            case 0xF0...0xF4: 4
            default: 0
            }
        return needed > tail.count && tail.dropFirst().allSatisfy { $0 & 0xC0 == 0x80 }
    }

    static func decodeUTF16(_ bytes: [UInt8], bigEndian: Bool) throws(DecodingError) -> String {
        let encoding: TextEncoding = bigEndian ? .utf16BE : .utf16LE
        guard bytes.count % 2 == 0 else { throw .truncated(encoding: encoding, offset: bytes.count - 1) }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = 0
        while i < bytes.count {
            let (a, b) = (UInt16(bytes[i]), UInt16(bytes[i + 1]))
            units.append(bigEndian ? a << 8 | b : b << 8 | a)
            i += 2
        }
        var scalars = String.UnicodeScalarView()
        var decoder = UTF16()
        var iterator = units.makeIterator()
        var index = 0
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                scalars.append(scalar)
                index += scalar.value > 0xFFFF ? 2 : 1
            case .emptyInput: break loop
            case .error: throw .invalid(encoding: encoding, offset: index * 2)
            }
        }
        return String(scalars)
    }

    /// GB18030 through glibc's iconv, strict (no `//IGNORE`, no transliteration).
    static func decodeGB18030(_ bytes: [UInt8]) throws(DecodingError) -> String {
        let converter = iconv_open("UTF-8", "GB18030")
        guard converter != iconv_t(bitPattern: -1) else {
            // glibc always ships GB18030; without it the bytes cannot be read.
            throw .invalid(encoding: .gb18030, offset: 0)
        }
        defer { iconv_close(converter) }
        var output = [UInt8](repeating: 0, count: bytes.count * 2 + 16)
        var input = bytes
        let result: (status: Int, errno: Int32, consumed: Int, produced: Int) = input.withUnsafeMutableBytes { inRaw in
            output.withUnsafeMutableBytes { outRaw in
                var inPointer = inRaw.baseAddress?.assumingMemoryBound(to: CChar.self)
                var inLeft = inRaw.count
                var outPointer = outRaw.baseAddress?.assumingMemoryBound(to: CChar.self)
                var outLeft = outRaw.count
                let status = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                return (status, errno, inRaw.count - inLeft, outRaw.count - outLeft)
            }
        }
        if result.status == -1 {
            if result.errno == EINVAL { throw .truncated(encoding: .gb18030, offset: result.consumed) }
            throw .invalid(encoding: .gb18030, offset: result.consumed)
        }
        return String(decoding: output[..<result.produced], as: UTF8.self)
    }
}
