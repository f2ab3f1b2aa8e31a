import Testing
@testable import NianbaoKit
import NianbaoSynthesis

/// report-format.md §10.1 title patterns and §10.2 year; MetadataExtractor on wrapped titles.
@Suite struct TitleParserTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let title: String
        let bureau: String?
        let year: Int
        var testDescription: String { title }
    }

    /// One example per row of the §10.1 table (and the other examples given there).
    static let patterns: [Case] = [
        // {bureau}{YYYY}年政府信息公开工作年度报告
        Case(title: "重庆市开州区公安局2021年政府信息公开工作年度报告", bureau: "重庆市开州区公安局", year: 2021),
        Case(title: "昆明市应急管理局2022年政府信息公开工作年度报告", bureau: "昆明市应急管理局", year: 2022),
        Case(title: "佳荣里街2021年政府信息公开工作年度报告", bureau: "佳荣里街", year: 2021),
        // {YYYY}年{bureau}政府信息公开工作年度报告
        Case(title: "2021年迎宾路街道政府信息公开工作年度报告", bureau: "迎宾路街道", year: 2021),
        Case(title: "2022年金华市市场监管局政府信息公开工作年度报告", bureau: "金华市市场监管局", year: 2022),
        // {bureau}{YYYY}年度政府信息公开工作年度报告
        Case(title: "临夏州公安局2023年度政府信息公开工作年度报告", bureau: "临夏州公安局", year: 2023),
        // {YYYY}年度{bureau}政府信息公开工作年度报告
        Case(title: "2022年度螅镇政府信息公开工作年度报告", bureau: "螅镇", year: 2022),
        // {bureau}{YYYY}年度政府信息公开工作报告
        Case(title: "台安县人民政府办公室2020年度政府信息公开工作报告", bureau: "台安县人民政府办公室", year: 2020),
        Case(title: "朝阳市自然资源局2025年度政府信息公开工作报告", bureau: "朝阳市自然资源局", year: 2025),
        // {bureau}{YYYY}年政府信息公开工作报告 (ministries)
        Case(title: "应急管理部2023年政府信息公开工作报告", bureau: "应急管理部", year: 2023),
        Case(title: "自然资源部2024年政府信息公开工作报告", bureau: "自然资源部", year: 2024),
        // {YYYY}年{bureau}信息公开年报
        Case(title: "2022年湖口县卫生健康委员会信息公开年报", bureau: "湖口县卫生健康委员会", year: 2022),
        // {bureau}关于{YYYY}年度政府信息公开情况的报告
        Case(title: "宁强县自然资源局关于2021年度政府信息公开情况的报告", bureau: "宁强县自然资源局", year: 2021),
        // {bureau}{YYYY}年政务信息公开年度报告 (older)
        Case(title: "舒兰市市场监督管理局2016年政务信息公开年度报告", bureau: "舒兰市市场监督管理局", year: 2016),
        // bare {YYYY}年度政府信息公开年度报告
        Case(title: "2019年度政府信息公开年度报告", bureau: nil, year: 2019),
        // Other spellings in the corpus and §10.
        Case(title: "2019年上海市人民政府办公厅政府信息公开工作年度报告", bureau: "上海市人民政府办公厅", year: 2019),
        Case(title: "2021年山亭区应急局政府信息公开工作年度报告", bureau: "山亭区应急局", year: 2021),
    ]

    @Test(arguments: patterns)
    func everyPatternOfTheSpec(_ c: Case) throws {
        let parsed = try #require(TitleParser.parse(c.title), "title not recognised: \(c.title)")
        #expect(parsed.bureau == c.bureau, "bureau of \(c.title)")
        #expect(parsed.year == c.year, "year of \(c.title)")
    }

    static let spaced: [Case] = [
        Case(title: "重庆市开州区公安局 2021 年政府信息公开工作年度报告", bureau: "重庆市开州区公安局", year: 2021),
        Case(title: "2021年山亭区应急局政府信息公开工作\n年度报告", bureau: "山亭区应急局", year: 2021),
        Case(title: "  2021年迎宾路街道政府信息公开\r\n工作年度报告  ", bureau: "迎宾路街道", year: 2021),
        Case(title: "临夏州公安局　2023年度政府信息公开工作年度报告", bureau: "临夏州公安局", year: 2023),  // U+3000
        Case(title: "应急管理部２０２３年政府信息公开工作报告", bureau: "应急管理部", year: 2023),  // full-width digits
        Case(title: "宁强县自然资源局 关于 2021 年度政府信息公开情况的报告", bureau: "宁强县自然资源局", year: 2021),
    ]

    @Test(arguments: spaced)
    func whitespaceLineBreaksAndFullWidthDigits(_ c: Case) throws {
        let parsed = try #require(TitleParser.parse(c.title), "title not recognised: \(c.title.debugDescription)")
        #expect(parsed.bureau == c.bureau)
        #expect(parsed.year == c.year)
    }

    @Test func traditionalCharacterTitle() throws {
        // Mirror copies print titles in traditional characters (§11.3).
        let parsed = try #require(TitleParser.parse("重慶市開州區公安局2021年政府信息公開工作年度報告"))
        #expect(parsed.bureau == "重庆市开州区公安局")
        #expect(parsed.year == 2021)
    }

    @Test(arguments: [
        "",
        "一、总体情况",
        "二、主动公开政府信息情况",
        "本报告所列数据的统计期限自2021年1月1日至2021年12月31日",
        "政府信息公开工作年度报告",  // no year
        "山亭区应急局政府信息公开工作年度报告",  // no year
        "2021年山亭区应急局政府信息公开工作",  // no suffix (first line of a wrapped title)
        "关于印发2021年政务公开工作要点的通知",
        "2021年1月1日",
        "（一）予以公开",
    ])
    func nonTitlesAreNil(_ text: String) {
        let parsed = TitleParser.parse(text)
        let recognised = parsed != nil
        #expect(!recognised, "\(text.debugDescription) parsed as \(String(describing: parsed))")
    }

    @Test func overlongTextIsNotATitle() {
        let prose = String(repeating: "本机关认真贯彻落实条例要求，", count: 10) + "2021年政府信息公开工作年度报告"
        let recognised = TitleParser.parse(prose) != nil
        #expect(!recognised)
    }

    // MARK: MetadataExtractor

    private func document(_ paragraphs: [String], title: String? = nil) -> Document {
        Document(
            blocks: paragraphs.enumerated().map { .paragraph(Paragraph(text: $1, line: $0 + 1)) },
            title: title)
    }

    @Test func titleWrappedOverTwoParagraphs() {
        let metadata = MetadataExtractor.extract(document([
            "2021年山亭区应急局政府信息公开工作",
            "年度报告",
            "根据《中华人民共和国政府信息公开条例》规定，特向社会公布本机关2021年度政府信息公开工作年度报告。",
            "本报告所列数据的统计期限自2021年1月1日至2021年12月31日。",
        ]))
        #expect(metadata.title == "2021年山亭区应急局政府信息公开工作年度报告")
        #expect(metadata.bureau == "山亭区应急局")
        #expect(metadata.year == 2021)
        #expect(metadata.periodYear == 2021)
    }

    @Test func periodSentenceYearIsKeptEvenWhenItDisagrees() {
        // §10.2: a 2021 report stating a 2020 period; extraction records both.
        let metadata = MetadataExtractor.extract(document([
            "淮安市某局2021年政府信息公开工作年度报告",
            "本报告中所列数据的统计期限自2020年1月1日起至2020年12月31日止。",
        ]))
        #expect(metadata.year == 2021)
        #expect(metadata.periodYear == 2020)
    }

    @Test func bareTitleTakesTheBureauFromTheNextLine() {
        let metadata = MetadataExtractor.extract(document(["2019年度政府信息公开年度报告", "衡阳市国资委", "一、总体情况"]))
        #expect(metadata.year == 2019)
        #expect(metadata.bureau == "衡阳市国资委")
    }

    @Test func documentTitleIsUsedFirst() {
        let metadata = MetadataExtractor.extract(document(
            ["一、总体情况", "2021年，我局认真贯彻落实…"],
            title: "重庆市开州区公安局2021年政府信息公开工作年度报告"))
        #expect(metadata.bureau == "重庆市开州区公安局")
        #expect(metadata.year == 2021)
        #expect(metadata.periodYear == nil)
    }

    @Test func bareTitleTakesTheBureauFromThePublisherLine() {
        let metadata = MetadataExtractor.extract(document([
            "2019年度政府信息公开年度报告", "发布机构：衡阳市国资委 发布日期：2020-01-20", "一、总体情况",
        ]))
        #expect(metadata.year == 2019)
        #expect(metadata.bureau == "衡阳市国资委")
        #expect(metadata.publishedOn == "2020-01-20")
    }

    @Test func publicationDateInChineseNotation() {
        let metadata = MetadataExtractor.extract(document(["应急管理部2023年政府信息公开工作报告", "发布日期：2024年1月5日"]))
        #expect(metadata.publishedOn == "2024-01-05")
    }

    @Test func pageTitleWithSiteSuffix() {
        let metadata = MetadataExtractor.extract(document(
            ["一、总体情况"], title: "2023年沭阳县发展和改革局政府信息公开工作年度报告-沭阳县发改局"))
        #expect(metadata.bureau == "沭阳县发展和改革局")
        #expect(metadata.year == 2023)
    }

    @Test func noTitleNoMetadata() {
        let metadata = MetadataExtractor.extract(document(["一、总体情况", "本机关认真贯彻落实条例。"]))
        #expect(metadata.year == nil)
        #expect(metadata.bureau == nil)
        #expect(metadata.title == nil)
    }

    /// The line filter names the same characters as its documented set, and
    /// lets through every line that holds one (or a Kangxi or compatibility form).
    @Test func metadataLineFilterMatchesItsCharacters() {
        for value in 0..<0x30000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let expected = MetadataExtractor.metadataCharacters.contains(scalar) || (0x2E80...0x2FDF).contains(value)
                || (0xF900...0xFAFF).contains(value) || (0x2F800...0x2FA1F).contains(value)
            #expect(MetadataExtractor.mayStateMetadata("前" + String(scalar) + "后") == expected, "U+\(String(value, radix: 16))")
        }
    }

    /// The check that lets most lines skip the title pattern never skips one
    /// the pattern matches (random titles with suffixes, brackets, noise).
    @Test func theSuffixCheckNeverSkipsATitle() throws {
        var random = SeededGenerator(seed: 10)
        let parts: [[String]] = [
            ["", "", "关于", "x"], ["", "样例县应急管理局"], ["2023", "1999", "23"], ["年", "年度", ""], ["", "的"], ["", "样例县公安局"],
            TitleParser.suffixes + ["报告", "年报"],
            ["", "", "(第二版)", "（修订）", "(" + String(repeating: "字", count: 20) + ")", "(" + String(repeating: "字", count: 21) + ")", "()", "(", ")", "-x"],
        ]
        var matched = 0
        for _ in 0..<20_000 {
            let text = TitleParser.compact(parts.map { $0.randomElement(using: &random)! }.joined())
            guard try TitleParser.pattern.wholeMatch(in: text) != nil else { continue }
            matched += 1
            #expect(TitleParser.endsLikeATitle(text) && text.includes("年"), "\(text)")
        }
        #expect(matched > 200)
    }

    /// The hand-scanned period and date patterns find what the regexes find
    /// (the year; "y-m-d") on random lines made of the patterns' pieces, and
    /// leave lines with other characters to the regexes.
    @Test func scannedMetadataPatternsEqualTheRegexes() throws {
        var random = SeededGenerator(seed: 11)
        let pieces = [
            "统计", "统计", "期限", "时限", "期间", "时间", "区间", "周期", "期", "自", "2019", "2023", "1899", "2100", "年", "年", "1", "01", "0",
            "月", "月", "日", "日", "。", "；", ";", "至", "x", "本年度", "12345678", "发布日期", "公开日期", "发布时间", "成文日期", "印发日期",
            "发文日期", ":", "：", "-", "/", ".", "5", "12", "123", "统",
        ]
        var periods = 0, dates = 0
        let noise = ["", "", "自", "数据", "。", "；", ";", "x", "1", "年", "至"]
        for round in 0..<30_000 {
            var text = (0..<Int.random(in: 1...14, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            if round % 2 == 0 {
                // Near-misses of both patterns around random pieces.
                let gap = (0..<Int.random(in: 0...9, using: &random)).map { _ in noise.randomElement(using: &random)! }.joined()
                let period = "统计" + ["", "期限", "期间", "期"].randomElement(using: &random)! + gap
                    + ["2019", "2022", "1899", "202"].randomElement(using: &random)! + "年" + ["1", "01", "001", "2"].randomElement(using: &random)!
                    + "月" + ["1", "01", "10"].randomElement(using: &random)! + "日"
                let date = ["发布日期", "成文日期", "发布时"].randomElement(using: &random)! + ["", ":", "："].randomElement(using: &random)!
                    + ["2023", "1999", "2123"].randomElement(using: &random)! + ["-", "年", "/", "x"].randomElement(using: &random)!
                    + ["1", "01", "12", "123", ""].randomElement(using: &random)! + ["-", "月", "."].randomElement(using: &random)!
                    + ["5", "05", "123", ""].randomElement(using: &random)!
                text = [text + period + date, period + text + date, date + period + text].randomElement(using: &random)!
            }
            #expect(MetadataScanner.isSimple(text))
            let period = try MetadataExtractor.periodPattern.firstMatch(in: text).flatMap { $0["year"]?.substring }.flatMap { Int($0) }
            #expect(MetadataScanner.periodYear(text) == period, "\(text)")
            let date = try MetadataExtractor.datePattern.firstMatch(in: text).map { match in
                [match["y"], match["m"], match["d"]].compactMap { $0?.substring.map(String.init) }.joined(separator: "-")
            }
            #expect(MetadataScanner.date(text) == date, "\(text)")
            if period != nil { periods += 1 }
            if date != nil { dates += 1 }
        }
        #expect(periods > 300 && dates > 300, "\(periods) periods, \(dates) dates")
        #expect(!MetadataScanner.isSimple("统计期限２０２２年"))
        #expect(!MetadataScanner.isSimple("统计期限2\u{0301}022年"))
    }
}
