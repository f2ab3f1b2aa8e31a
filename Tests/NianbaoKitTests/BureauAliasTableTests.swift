import Testing
@testable import NianbaoKit

/// The alias file format (RFC 4180, BOM, CRLF, typed errors naming file and
/// line) and `canonical(_:year:)`: validity years, chains, cycles, user rows.
@Suite struct BureauAliasTableTests {
    static let header = "alias,canonical,valid_from,valid_to\n"

    // MARK: Parsing

    @Test func parsesPlainRowsWithOpenYears() throws {
        let table = try BureauAliasTable(csv: Self.header + "沭阳县发改局,沭阳县发展和改革局,,\n甲局,乙局,2019,2021\n", source: "a.csv")
        #expect(table.rows == [
            BureauAlias(alias: "沭阳县发改局", canonical: "沭阳县发展和改革局", validFrom: nil, validTo: nil),
            BureauAlias(alias: "甲局", canonical: "乙局", validFrom: 2019, validTo: 2021),
        ])
    }

    @Test func quotedFieldsKeepCommasQuotesAndLineBreaks() throws {
        let csv = Self.header
            + "\"金华市市场监管局(知识产权局),金华\",\"金华市\"\"市场\"\"监督管理局\",\"2019\",\n"
            + "\"两行\n的名字\",乙局,,\n"
        let table = try BureauAliasTable(csv: csv, source: "a.csv")
        #expect(table.rows.map(\.alias) == ["金华市市场监管局(知识产权局),金华", "两行\n的名字"])
        #expect(table.rows.map(\.canonical) == ["金华市\"市场\"监督管理局", "乙局"])
        #expect(table.rows[0].validFrom == 2019)
    }

    @Test func byteOrderMarkAndCRLF() throws {
        let csv = "\u{FEFF}alias,canonical,valid_from,valid_to\r\n甲局,乙局,,2018\r\n\r\n丙局,丁局,2019,\r\n"
        let table = try BureauAliasTable(csv: csv, source: "excel.csv")
        #expect(table.rows == [
            BureauAlias(alias: "甲局", canonical: "乙局", validFrom: nil, validTo: 2018),
            BureauAlias(alias: "丙局", canonical: "丁局", validFrom: 2019, validTo: nil),
        ])
    }

    @Test func badYearNamesFileLineAndValue() {
        let csv = Self.header + (2...6).map { "别名\($0),正名\($0),,\n" }.joined() + "沐阳县人民政府,沭阳县人民政府,abc,\n"
        let expected = BureauAliasError(source: "aliases.csv", line: 7, reason: "valid_from 'abc' is not a year")
        #expect(throws: expected) { try BureauAliasTable(csv: csv, source: "aliases.csv") }
        #expect(expected.description == "aliases.csv line 7: valid_from 'abc' is not a year")
    }

    @Test func lineNumbersCountLinesInsideQuotedFieldsAndCRLF() {
        let csv = "alias,canonical,valid_from,valid_to\r\n\"一\r\n二\",三,,\r\n甲局,乙局,,20x8\r\n"
        #expect(throws: BureauAliasError(source: "u.csv", line: 4, reason: "valid_to '20x8' is not a year")) {
            try BureauAliasTable(csv: csv, source: "u.csv")
        }
    }

    struct BadFile: Sendable, CustomTestStringConvertible {
        let csv: String
        let error: BureauAliasError
        var testDescription: String { error.description }
    }

    static let badFiles: [BadFile] = [
        BadFile(csv: "", error: .init(source: "f.csv", line: 1, reason: "empty file; the first line must be the header alias,canonical,valid_from,valid_to")),
        BadFile(csv: "name,canonical\n", error: .init(source: "f.csv", line: 1, reason: "header must be alias,canonical,valid_from,valid_to, found 'name,canonical'")),
        BadFile(csv: header + "甲局,乙局,\n", error: .init(source: "f.csv", line: 2, reason: "expected 4 fields (alias,canonical,valid_from,valid_to), found 3")),
        BadFile(csv: header + ",乙局,,\n", error: .init(source: "f.csv", line: 2, reason: "alias is empty")),
        BadFile(csv: header + "甲局, ,,\n", error: .init(source: "f.csv", line: 2, reason: "canonical is empty")),
        BadFile(csv: header + "甲局,乙局,19,\n", error: .init(source: "f.csv", line: 2, reason: "valid_from '19' is not a year")),
        BadFile(csv: header + "甲局,乙局,2020,2018\n", error: .init(source: "f.csv", line: 2, reason: "valid_from 2020 is after valid_to 2018")),
        BadFile(csv: header + "甲局,乙局,,\n\"丙局,丁局,,\n", error: .init(source: "f.csv", line: 3, reason: "quoted field is never closed")),
        BadFile(csv: header + "甲\"局,乙局,,\n", error: .init(source: "f.csv", line: 2, reason: "quote inside an unquoted field (quote the whole field and write a quote as \"\")")),
        BadFile(csv: header + "\"甲局\"x,乙局,,\n", error: .init(source: "f.csv", line: 2, reason: "text after the closing quote of a field")),
        BadFile(
            csv: header + "甲局,乙局,,2018\n甲 局,丙局,2018,\n",
            error: .init(source: "f.csv", line: 3, reason: "alias '甲 局' already maps to '乙局' on line 2 for overlapping years")),
    ]

    @Test(arguments: badFiles)
    func badFilesNameTheLine(_ bad: BadFile) {
        #expect(throws: bad.error) { try BureauAliasTable(csv: bad.csv, source: "f.csv") }
    }

    @Test func sameAliasInDisjointYearsIsNoConflict() throws {
        let table = try BureauAliasTable(csv: Self.header + "甲局,乙局,,2018\n甲局,丙局,2019,\n", source: "f.csv")
        #expect(table.canonical("甲局", year: 2018) == "乙局")
        #expect(table.canonical("甲局", year: 2019) == "丙局")
    }

    // MARK: canonical()

    @Test func renameOf2018AppliesUpTo2018Inclusive() {
        let table = BureauAliasTable.bundled
        #expect(table.canonical("山亭区安全生产监督管理局", year: 2016) == "山亭区应急管理局")
        #expect(table.canonical("山亭区安全生产监督管理局", year: 2018) == "山亭区应急管理局")
        #expect(table.canonical("山亭区安全生产监督管理局", year: 2019) == "山亭区安全生产监督管理局")
    }

    @Test func validFromAndValidToAreInclusiveBounds() {
        let table = BureauAliasTable(rows: [BureauAlias(alias: "甲局", canonical: "乙局", validFrom: 2019, validTo: 2021)])
        #expect(table.canonical("甲局", year: 2018) == "甲局")
        #expect(table.canonical("甲局", year: 2019) == "乙局")
        #expect(table.canonical("甲局", year: 2021) == "乙局")
        #expect(table.canonical("甲局", year: 2022) == "甲局")
    }

    @Test func bundledShortLongAndMisspelledForms() {
        let table = BureauAliasTable.bundled
        #expect(table.canonical("沐阳县人民政府", year: 2025) == "沭阳县人民政府")
        #expect(table.canonical("沭阳县发改局", year: 2023) == "沭阳县发展和改革局")
        #expect(table.canonical("上海市科委", year: 2024) == "上海市科学技术委员会")
        #expect(table.canonical("山亭区应急局", year: 2021) == "山亭区应急管理局")
        #expect(table.canonical("枣庄市山亭区应急管理局", year: 2021) == "山亭区应急管理局")
        #expect(table.canonical("山亭区应急管理局", year: 2021) == "山亭区应急管理局")
    }

    @Test func matchIsNFKCAndWhitespaceInsensitiveButUnknownNamesComeBackUntouched() {
        let table = BureauAliasTable.bundled
        #expect(table.canonical("金华市市场监管局（知识产权局）", year: 2022) == "金华市市场监督管理局")
        #expect(table.canonical("山亭区 应急局", year: 2021) == "山亭区应急管理局")
        #expect(table.canonical("山亭区\u{3000}应急局\n", year: 2021) == "山亭区应急管理局")
        #expect(table.canonical(" 某某县 某某局 ", year: 2021) == " 某某县 某某局 ")
    }

    @Test func chainsAreFollowedWithTheSameYear() {
        let table = BureauAliasTable(rows: [
            BureauAlias(alias: "甲局", canonical: "乙局"),
            BureauAlias(alias: "乙局", canonical: "丙局", validFrom: 2020),
        ])
        #expect(table.canonical("甲局", year: 2019) == "乙局")
        #expect(table.canonical("甲局", year: 2020) == "丙局")
        #expect(table.canonical("乙局", year: 2020) == "丙局")
    }

    @Test func cyclesEndAtTheSmallestNameOfTheCycle() {
        let table = BureauAliasTable(rows: [
            BureauAlias(alias: "甲局", canonical: "乙局"),
            BureauAlias(alias: "乙局", canonical: "丁局"),
            BureauAlias(alias: "丁局", canonical: "甲局"),
            BureauAlias(alias: "戊局", canonical: "甲局"),
        ])
        let smallest = ["甲局", "乙局", "丁局"].min()!
        for name in ["甲局", "乙局", "丁局", "戊局"] {
            #expect(table.canonical(name, year: 2021) == smallest, "\(name)")
        }
    }

    @Test func selfMappingRowGivesTheSpellingAndEnds() {
        let table = BureauAliasTable(rows: [BureauAlias(alias: "甲局（乙）", canonical: "甲局(乙)")])
        #expect(table.canonical("甲局（乙）", year: 2021) == "甲局(乙)")
    }

    // MARK: User rows

    @Test func userRowsWinOverBundledOnTheSameAliasAndYear() throws {
        let user = try BureauAliasTable(
            csv: Self.header + "沭阳县发改局,沭阳县发展和改革委员会,2024,\n", source: "my-aliases.csv")
        let table = BureauAliasTable.bundled.adding(user)
        #expect(table.canonical("沭阳县发改局", year: 2024) == "沭阳县发展和改革委员会")
        #expect(table.canonical("沭阳县发改局", year: 2023) == "沭阳县发展和改革局")
        // The other order lets the bundled row win.
        #expect(user.adding(.bundled).canonical("沭阳县发改局", year: 2024) == "沭阳县发展和改革局")
        // Bundled rows the user did not touch still apply.
        #expect(table.canonical("上海市科委", year: 2024) == "上海市科学技术委员会")
    }

    @Test func userRowPointingBackAtABundledAliasCannotLoop() {
        let user = BureauAliasTable(rows: [BureauAlias(alias: "山亭区应急管理局", canonical: "山亭区应急局")])
        let table = BureauAliasTable.bundled.adding(user)
        let smallest = ["山亭区应急管理局", "山亭区应急局"].min()!
        #expect(table.canonical("山亭区应急局", year: 2021) == smallest)
        #expect(table.canonical("山亭区应急管理局", year: 2021) == smallest)
        #expect(table.canonical("枣庄市山亭区应急管理局", year: 2021) == smallest)
    }
}
