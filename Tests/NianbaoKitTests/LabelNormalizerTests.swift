import Testing
@testable import NianbaoKit
import NianbaoSynthesis

/// report-format.md §2.3: labels are compared only after NFKC, whitespace
/// removal and quote / separator unification.
@Suite struct LabelNormalizerTests {
    private func n(_ text: String) -> String { LabelNormalizer.normalize(text) }

    @Test func halfAndFullWidthBracketsAreEqual() {
        #expect(n("(一)") == n("（一）"))
        #expect(n("(三)不予公开") == n("（三）不予公开"))
        #expect(n("第二十条第（一）项") == n("第二十条第(一)项"))
        // NFKC turns the full-width bracket into ASCII.
        #expect(n("（一）予以公开") == "(一)予以公开")
    }

    @Test func fullWidthDigitsBecomeASCII() {
        #expect(n("１.属于国家秘密") == n("1.属于国家秘密"))
        #expect(n("２０２１") == "2021")
    }

    @Test(arguments: [
        ("规 章", "规章"),
        ("本年新\n制作数量", "本年新制作数量"),
        ("本年新\r\n制作数量", "本年新制作数量"),
        ("商业　企业", "商业企业"),  // U+3000 ideographic space
        ("科研\t机构", "科研机构"),
        ("  行政许可  ", "行政许可"),
        ("(三)\n不予公开", "(三)不予公开"),
        ("行政\u{00A0}处罚", "行政处罚"),  // NBSP
        ("行政\u{200B}强制", "行政强制"),  // zero-width space
    ])
    func whitespaceAndLineBreaksAreRemoved(_ input: String, _ expected: String) {
        #expect(n(input) == expected)
        #expect(n(input) == n(expected))
    }

    @Test func quotesAreUnified() {
        #expect(n("3.危及“三安全一稳定”") == n("3.危及\"三安全一稳定\""))
        #expect(n("“三安全一稳定”") == n("\"三安全一稳定\""))
        #expect(n("‘三安全一稳定’") == n("\"三安全一稳定\""))
        #expect(n("「三安全一稳定」") == n("\"三安全一稳定\""))
    }

    @Test func listSeparatorsAreUnified() {
        let forms = ["1.属于国家秘密", "1．属于国家秘密", "1、属于国家秘密", "1。属于国家秘密"]
        let normalized = Set(forms.map(n))
        #expect(normalized.count == 1, "\(normalized)")
        // The （六） sub-rows appear with "，" as well as "、".
        #expect(
            n("1.申请人无正当理由逾期不补正，行政机关不再处理其政府信息公开申请")
                == n("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"))
    }

    @Test func differentLabelsStayDifferent() {
        #expect(n("规章") != n("行政规范性文件"))
        #expect(n("1.属于国家秘密") != n("2.属于国家秘密"))
        #expect(n("（一）予以公开") != n("（二）部分公开"))
    }

    @Test func normalizationIsIdempotent() {
        for label in ["（三） 不予公开", "3.危及“三安全一稳定”", "本年新\n制作数量", "第二十条第（一）项"] {
            #expect(n(n(label)) == n(label))
        }
    }

    @Test func emptyAndWhitespaceOnlyBecomeEmpty() {
        #expect(n("") == "")
        #expect(n(" \n\t　") == "")
    }

    // §2.3 / §11.3: mirror copies in traditional characters, with pinyin glosses.

    @Test(arguments: [
        ("規章", "规章"),
        ("本年制發件數", "本年制发件数"),
        ("現行有效件數", "现行有效件数"),
        ("（三）不予公開", "（三）不予公开"),
        ("4.保護第三方合法權益", "4.保护第三方合法权益"),
        ("行政複議", "行政复议"),
    ])
    func traditionalCharactersBecomeSimplified(_ traditional: String, _ simplified: String) {
        #expect(n(traditional) == n(simplified))
    }

    @Test func pinyinGlossesAreDropped() {
        #expect(n("鎮(zhèn)") == n("镇"))
        #expect(n("規(guī)章(zhāng)") == n("规章"))
        #expect(n("行政許(xǔ)可") == n("行政许可"))
        // Brackets that are not a gloss stay.
        #expect(n("（一）予以公开") == "(一)予以公开")
        #expect(n("(三)不予公开") == "(三)不予公开")
    }

    /// The one-pass path gives what the general steps give, on random text of
    /// the scalars it takes and those it hands over (brackets, traditional
    /// characters, other spaces, compatibility forms), and takes most labels.
    @Test func onePassEqualsTheGeneralSteps() {
        var random = SeededGenerator(seed: 21)
        let pieces = [
            "本年", "新收", "规章", "規", "章", "(", ")", "（", "）", "[", "［", "】", "【", "〔", "「", "』", "\"", "'", "‘", "’", "“", "”",
            "„", "‚", "、", "，", ",", ".", "．", "。", "､", " ", "\u{3000}", "\u{00A0}", "\t", "\n", "\u{200B}", "１２", "12", "ａ",
            "zhèn", "zhen", "ab", "x", "abcdefghi", "Ｚｈ", "—", "–", "⼀", "㈠", "①", "Ⅱ", "e\u{301}",
            // Glosses broken by a space of either kind (the one-pass path once dropped "(ab　cd)").
            "(a", "（zh", "b)", "en）", "\u{3000}", " ",
        ]
        var simple = 0
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 0...8, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            #expect(LabelNormalizer.compute(text) == LabelNormalizer.computeGeneral(text), "\(text.debugDescription)")
            if LabelNormalizer.computeSimple(text) != nil { simple += 1 }
        }
        #expect(simple > 2_000)
        #expect(LabelNormalizer.computeSimple("本年新收政府信息公开申请数量") == "本年新收政府信息公开申请数量")
        #expect(LabelNormalizer.computeSimple("1．主动公开") == "1、主动公开")
        #expect(LabelNormalizer.computeSimple("规(gui)章（zhang）(一)") == "规章(一)")
        // A space inside the brackets ends the letters: not a gloss, kept (without the space).
        #expect(LabelNormalizer.compute("规(zh\u{3000}en)章") == "规(zhen)章")
    }
}
