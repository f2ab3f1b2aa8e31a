import Foundation
import Testing
@testable import NianbaoKit
@testable import NianbaoSynthesis

/// The hand-rolled NFKC must equal Foundation's for any text: cells are
/// parsed from it, so a difference would change a number. Random strings mix
/// the scalars it maps itself with those it must hand to Foundation
/// (compatibility ideographs, Kangxi radicals, circled digits, combining
/// marks, the ellipsis, ligatures).
@Suite struct NFKCTests {
    static let pool: [Unicode.Scalar] = [
        "0", "7", "9", "a", "Z", " ", "\t", "\n", ",", ".", "-", "(", ")", "/",
        "\u{FF10}", "\u{FF19}", "\u{FF0C}", "\u{FF0E}", "\u{FF08}", "\u{FF09}", "\u{FF0D}", "\u{FF0F}", "\u{3000}",
        "一", "件", "万", "元", "無", "統", "计", "、", "。", "《", "》", "【", "】", "“", "”", "—",
        "\u{2026}", "\u{F900}", "\u{2F00}", "\u{2F47}", "\u{2460}", "\u{0301}", "\u{00E8}", "\u{FB01}", "\u{00A0}",
        "\u{200B}", "\u{FEFF}", "\u{3131}", "\u{FF61}", "\u{FFE5}",
    ]

    @Test func equalsFoundationOnRandomText() {
        var random = SeededGenerator(seed: 42)
        for _ in 0..<5_000 {
            let length = Int.random(in: 0...12, using: &random)
            let text = String(String.UnicodeScalarView((0..<length).map { _ in Self.pool.randomElement(using: &random)! }))
            #expect(text.nfkc == text.precomposedStringWithCompatibilityMapping, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            let compact = String(String.UnicodeScalarView(text.precomposedStringWithCompatibilityMapping.unicodeScalars.filter {
                !$0.properties.isWhitespace && $0 != "\u{200B}" && $0 != "\u{FEFF}"
            }))
            #expect(text.compactNFKC == compact)
        }
    }

    @Test func fullWidthDigitsBecomeASCII() {
        #expect("１，３４７".nfkc == "1,347")
        #expect("１ ３４７\u{3000}件".compactNFKC == "1347件")
        #expect(ValueParser.parse("１，３４７", unit: .count).value == ExactDecimal(1347))
    }

    @Test func valueDetectionFastPathsAgreeWithTheFullRule() {
        for text in ["0", "12", "", " ", "\u{3000}", "/", "无", "12件", "3.5万元", "行政许可", "１２", "12 ", "—", "1,347", "二"] {
            let full = ValueParser.compact(text)
            let expected = full.isEmpty || ValueParser.notApplicableMarks.contains(full)
                || ExactDecimal(ValueParser.withoutSeparators(ValueParser.unitSuffixes.first { full.hasSuffix($0) }
                    .map { String(full.dropLast($0.count)) } ?? full)) != nil
            #expect(ValueParser.isValueLike(text) == expected, "\(text)")
            #expect(ValueParser.isBlank(text) == full.isEmpty, "\(text)")
        }
    }
}

/// Plain-digit cells take a short way through parsing: it must end where the full rule does.
@Suite struct DigitFastPathTests {
    @Test func plainDigitsParseAsTheFullRuleWould() {
        for text in ["0", "00", "007", "1347", "18446744073709551616"] {
            let value = ExactDecimal(text)
            #expect(value == ExactDecimal("+" + text), "\(text)")
            #expect(value?.description == ExactDecimal("+" + text)?.description)
            for (unit, header) in [(MetricUnit.count, true), (.tenThousandYuan, true), (.tenThousandYuan, false)] {
                let cell = ValueParser.parse(text, unit: unit, unitInHeader: header)
                let full = ValueParser.parse(text + " ", unit: unit, unitInHeader: header)
                #expect(cell.value == full.value && cell.status == full.status && cell.flags == full.flags, "\(text) \(unit)")
            }
        }
    }
}
