import Testing
@testable import NianbaoKit

/// Strict decoding (report-format.md §11.3): BOM, forced / declared encoding,
/// UTF-8, then GB18030; never a replacement character.
@Suite struct TextDecoderTests {
    // Bytes produced offline with Python: '山亭区'.encode('gb18030') etc.
    /// "山亭区" in GB18030 (its first four bytes happen to be valid UTF-8).
    static let shantingGB: [UInt8] = [0xC9, 0xBD, 0xCD, 0xA4, 0xC7, 0xF8]
    /// "政府信息公开" in GB18030.
    static let disclosureGB: [UInt8] = [0xD5, 0xFE, 0xB8, 0xAE, 0xD0, 0xC5, 0xCF, 0xA2, 0xB9, 0xAB, 0xBF, 0xAA]
    /// "规章 0" in GB18030.
    static let regulationGB: [UInt8] = [0xB9, 0xE6, 0xD5, 0xC2, 0x20, 0x30]
    /// "😀" in GB18030: a four-byte sequence, outside GBK.
    static let emojiGB: [UInt8] = [0x94, 0x39, 0xFC, 0x36]
    /// "山亭区" in UTF-8.
    static let shantingUTF8: [UInt8] = [0xE5, 0xB1, 0xB1, 0xE4, 0xBA, 0xAD, 0xE5, 0x8C, 0xBA]

    private func decode(
        _ bytes: [UInt8], forced: TextEncoding? = nil, declared: TextEncoding? = nil
    ) -> Result<DecodedText, NianbaoKit.DecodingError> {
        do {
            return .success(try TextDecoder.decode(bytes, forced: forced, declared: declared))
        } catch {
            return .failure(error)
        }
    }

    private func error(of result: Result<DecodedText, NianbaoKit.DecodingError>) -> NianbaoKit.DecodingError? {
        if case .failure(let error) = result { error } else { nil }
    }

    // MARK: UTF-8

    @Test func utf8WithoutBOM() throws {
        let decoded = try decode(Self.shantingUTF8).get()
        #expect(decoded.text == "山亭区")
        #expect(decoded.encoding == .utf8)
        #expect(!decoded.hadByteOrderMark)
    }

    @Test func utf8WithBOM() throws {
        let decoded = try decode([0xEF, 0xBB, 0xBF] + Self.shantingUTF8).get()
        #expect(decoded.text == "山亭区")
        #expect(!decoded.text.unicodeScalars.contains("\u{FEFF}"))
        #expect(decoded.encoding == .utf8)
        #expect(decoded.hadByteOrderMark)
    }

    @Test func asciiIsUTF8() throws {
        let decoded = try decode(Array("\t0\n\t12\r\n".utf8)).get()
        #expect(decoded.text == "\t0\n\t12\r\n")
        #expect(decoded.encoding == .utf8)
    }

    // MARK: GB18030

    @Test func gb18030IsDetectedWhenUTF8Fails() throws {
        let decoded = try decode(Self.shantingGB).get()
        #expect(decoded.text == "山亭区")
        #expect(decoded.encoding == .gb18030)
        #expect(!decoded.hadByteOrderMark)
    }

    @Test(arguments: [
        (TextDecoderTests.shantingGB, "山亭区"), (TextDecoderTests.disclosureGB, "政府信息公开"),
        (TextDecoderTests.regulationGB, "规章 0"), (TextDecoderTests.emojiGB, "😀"),
        (Array("2021年".utf8.prefix(4)) + [0xC4, 0xEA], "2021年"),  // "年" = C4 EA
    ])
    func gb18030Samples(_ bytes: [UInt8], _ expected: String) throws {
        let decoded = try decode(bytes).get()
        #expect(decoded.text == expected)
        #expect(decoded.encoding == .gb18030)
    }

    @Test func truncatedGB18030() {
        // "政府信息公开" without its last byte: UTF-8 fails at byte 0, GB18030 ends inside "开".
        let result = decode(Array(Self.disclosureGB.dropLast()))
        #expect(error(of: result) == .truncated(encoding: .gb18030, offset: 10), "\(result)")
    }

    // MARK: Errors

    @Test func emptyIsAnError() {
        #expect(error(of: decode([])) == .empty)
        #expect(throws: NianbaoKit.DecodingError.empty) { try TextDecoder.decode([]) }
    }

    @Test func nulMeansBinary() {
        #expect(error(of: decode([0x61, 0x00, 0x62])) == .binary(offset: 1))
        #expect(error(of: decode([0x00])) == .binary(offset: 0))
        // An OLE header (legacy .doc) is binary too.
        let ole: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0x00, 0x00]
        #expect(error(of: decode(ole)) == .binary(offset: 2))
    }

    @Test func utf8CutInsideACharacterIsTruncated() {
        // "山" is E5 B1 B1: keep two of its three bytes.
        #expect(error(of: decode([0xE5, 0xB1])) == .truncated(encoding: .utf8, offset: 0))
        // "abc山亭区" minus its last byte: the cut character starts at byte 9.
        let cut = Array("abc".utf8) + Self.shantingUTF8.dropLast()
        #expect(error(of: decode(cut)) == .truncated(encoding: .utf8, offset: 9))
        #expect(error(of: decode(Array(cut.dropLast()))) == .truncated(encoding: .utf8, offset: 9))
    }

    @Test func undecodableBytesNameBothOffsets() {
        // 0x80 is neither a UTF-8 lead byte nor a GB18030 lead byte; 0xFF is invalid in both.
        let result = decode([0x41, 0x80, 0xFF, 0x41])
        guard case .unknownEncoding = error(of: result) else {
            Issue.record("expected unknownEncoding, got \(result)")
            return
        }
        #expect(error(of: result) == .unknownEncoding(utf8Offset: 1, gb18030Offset: 1))
    }

    // MARK: Forced and declared

    @Test func forcedGB18030() throws {
        let decoded = try decode(Self.disclosureGB, forced: .gb18030).get()
        #expect(decoded.text == "政府信息公开")
        #expect(decoded.encoding == .gb18030)
        #expect(!decoded.hadByteOrderMark)
    }

    @Test func forcedEncodingWinsOverDetection() throws {
        // ASCII is valid UTF-8, but the user said GB18030.
        let decoded = try decode(Array("abc".utf8), forced: .gb18030).get()
        #expect(decoded.text == "abc")
        #expect(decoded.encoding == .gb18030)
    }

    @Test func forcedUTF8OnGBBytesIsAnErrorNotAFallback() {
        #expect(error(of: decode(Self.disclosureGB, forced: .utf8)) == .invalid(encoding: .utf8, offset: 0))
    }

    @Test func forcedUTF8StripsItsOwnBOM() throws {
        let decoded = try decode([0xEF, 0xBB, 0xBF] + Self.shantingUTF8, forced: .utf8).get()
        #expect(decoded.text == "山亭区")
        #expect(decoded.hadByteOrderMark)
    }

    @Test func forcedEncodingIsUsedEvenWhenTheBOMDisagrees() throws {
        let decoded = try decode([0xEF, 0xBB, 0xBF] + Array("abc".utf8), forced: .gb18030).get()
        #expect(decoded.encoding == .gb18030)
        #expect(!decoded.hadByteOrderMark)
    }

    @Test func declaredEncodingIsUsedWithoutBOM() throws {
        let decoded = try decode(Self.shantingGB, declared: .gb18030).get()
        #expect(decoded.text == "山亭区")
        #expect(decoded.encoding == .gb18030)
        let ascii = try decode(Array("abc".utf8), declared: .gb18030).get()
        #expect(ascii.encoding == .gb18030)
    }

    @Test func utf8BytesUnderAStaleGB2312MetaAreUTF8() throws {
        // A page saved by a browser: UTF-8 bytes, meta still says gb2312 (README, "Encodings").
        let decoded = try decode(Self.shantingUTF8, declared: TextEncoding(label: "gb2312")).get()
        #expect(decoded.text == "山亭区")
        #expect(decoded.encoding == .utf8)
    }

    @Test func bomWinsOverTheDeclaredEncoding() throws {
        let decoded = try decode([0xEF, 0xBB, 0xBF] + Self.shantingUTF8, declared: .gb18030).get()
        #expect(decoded.text == "山亭区")
        #expect(decoded.encoding == .utf8)
    }

    @Test func utf16WithBOM() throws {
        // "山" U+5C71.
        let le = try decode([0xFF, 0xFE, 0x71, 0x5C]).get()
        #expect(le.text == "山")
        #expect(le.encoding == .utf16LE)
        #expect(le.hadByteOrderMark)
        let be = try decode([0xFE, 0xFF, 0x5C, 0x71]).get()
        #expect(be.text == "山")
        #expect(be.encoding == .utf16BE)
        #expect(error(of: decode([0xFF, 0xFE, 0x71])) == .truncated(encoding: .utf16LE, offset: 0))
    }

    @Test(arguments: [
        ("gb2312", TextEncoding.gb18030), ("GBK", .gb18030), ("GB18030", .gb18030), ("utf-8", .utf8), ("UTF8", .utf8),
        (" UTF-8 ", .utf8), ("utf-16le", .utf16LE),
    ])
    func encodingLabels(_ label: String, _ expected: TextEncoding) {
        #expect(TextEncoding(label: label) == expected)
    }

    @Test func unknownEncodingLabel() {
        #expect(TextEncoding(label: "latin1") == nil)
        #expect(TextEncoding(label: "big5") == nil)
    }
}
