import Foundation
import Testing
@testable import NianbaoKit
import NianbaoTestSupport

/// The cross-year checks run at import (S1 carry-over, S2 normative-document
/// stock-flow, identical section 三/四 tables), in both import orders, stored
/// as warnings on the report being imported.
@Suite struct CrossYearTests {
    static let bureau = "山亭区应急管理局"

    /// A V2021 report of `bureau` with the carry-over cells and normative documents given.
    static func report(
        _ year: Int, bureau: String = bureau, carriedIn: Int = 0, carriedOut: Int = 0, granted: Int = 10,
        normative: [Int] = [0, 0, 0], version: TemplateVersion = .v2021, review: [Int] = [1, 0, 0, 0]
    ) -> FixtureReport {
        FixtureReport(
            bureau: bureau, year: year, version: version, penalties: year - 2000, granted: granted + year % 7,
            carriedIn: carriedIn, carriedOut: carriedOut, review: review, normative: normative)
    }

    /// The findings stored on a report: "rule|severity|metric|message".
    static func findings(_ db: TrendDatabase, _ reportID: Int64) throws -> [String] {
        try db.store.findingListing(reportID: reportID).rows.map { row in
            "\(row[1] ?? "")|\(row[0] ?? "")|\(row[2] ?? "")|\(row[3] ?? "")"
        }
    }

    static func crossYear(_ outcome: SaveOutcome) -> [String] {
        outcome.crossYearFindings.map { "\($0.rule)|\($0.severity.rawValue)|\($0.metric ?? "")|\($0.message)" }
    }

    // MARK: - S1

    @Test func s1CarryOverMismatchWarnsOnTheNewReport() throws {
        let db = try TrendDatabase()
        let first = try db.save(Self.report(2021, carriedOut: 2))
        #expect(first.crossYearFindings.isEmpty)
        let second = try db.save(Self.report(2022, carriedIn: 3, carriedOut: 1))
        let expected = "S1|warning|requests.carried_in.total|S1 山亭区应急管理局: 2022 carries in 3 applications but 2021 carried forward 2"
        #expect(Self.crossYear(second) == [expected])
        #expect(try Self.findings(db, second.reportID).contains(expected))
        // The earlier report is left as it was.
        #expect(try Self.findings(db, first.reportID).allSatisfy { !$0.hasPrefix("S1|") })
    }

    @Test func s1InTheOtherImportOrderWarnsOnTheEarlierYear() throws {
        let db = try TrendDatabase()
        let later = try db.save(Self.report(2022, carriedIn: 3, carriedOut: 1))
        #expect(later.crossYearFindings.isEmpty)
        let earlier = try db.save(Self.report(2021, carriedOut: 2))
        #expect(Self.crossYear(earlier) == [
            "S1|warning|requests.carried_in.total|S1 山亭区应急管理局: 2022 carries in 3 applications but 2021 carried forward 2"
        ])
        #expect(try Self.findings(db, earlier.reportID).contains { $0.hasPrefix("S1|warning|") })
    }

    @Test func s1EqualCarryOverGivesNoWarning() throws {
        for order in [[2021, 2022], [2022, 2021]] {
            let db = try TrendDatabase()
            let reports = [2021: Self.report(2021, carriedOut: 2), 2022: Self.report(2022, carriedIn: 2, carriedOut: 1)]
            for year in order {
                let outcome = try db.save(reports[year]!)
                #expect(outcome.crossYearFindings.isEmpty, "\(order): \(Self.crossYear(outcome))")
            }
            #expect(try db.csv("SELECT COUNT(*) AS n FROM findings WHERE rule = 'S1'") == "n\r\n0\r\n")
        }
    }

    @Test func s1BetweenAYearAndBothNeighbours() throws {
        let db = try TrendDatabase()
        try db.save(Self.report(2020, carriedOut: 4))
        try db.save(Self.report(2022, carriedIn: 7))
        // 2021 carries in 5 (2020 said 4) and forward 6 (2022 says 7): two warnings.
        let middle = try db.save(Self.report(2021, carriedIn: 5, carriedOut: 6))
        #expect(Self.crossYear(middle) == [
            "S1|warning|requests.carried_in.total|S1 山亭区应急管理局: 2021 carries in 5 applications but 2020 carried forward 4",
            "S1|warning|requests.carried_in.total|S1 山亭区应急管理局: 2022 carries in 7 applications but 2021 carried forward 6",
        ])
    }

    @Test func s1FollowsTheCanonicalBureauAcrossAliases() throws {
        let db = try TrendDatabase()
        try db.save(Self.report(2022, carriedOut: 2))
        let alias = try db.save(Self.report(2023, bureau: "山亭区应急局", carriedIn: 1))
        #expect(Self.crossYear(alias).contains { $0.hasPrefix("S1|warning|requests.carried_in.total|S1 山亭区应急管理局: 2023 carries in 1") })
    }

    @Test func s1NeverComparesDifferentBureausOrNonConsecutiveYears() throws {
        let db = try TrendDatabase()
        try db.save(Self.report(2021, carriedOut: 2))
        let other = try db.save(Self.report(2022, bureau: "沭阳县发展和改革局", carriedIn: 9))
        #expect(other.crossYearFindings.isEmpty)
        let gap = try db.save(Self.report(2023, carriedIn: 9))
        #expect(gap.crossYearFindings.isEmpty)
    }

    @Test func s1IgnoresABlankCarryOver() throws {
        let db = try TrendDatabase()
        var earlier = Self.report(2021, carriedOut: 0)
        earlier.blank = Set(MetricCatalog.standard.applicantColumns.map { "carried_out." + $0.key })
        try db.save(earlier)
        let later = try db.save(Self.report(2022, carriedIn: 0))
        #expect(later.crossYearFindings.isEmpty)
    }

    // MARK: - S2

    @Test func s2StockFlowOfNormativeDocuments() throws {
        let db = try TrendDatabase()
        try db.save(Self.report(2021, normative: [5, 0, 10]))
        // 10 + 2 − 1 = 11, but 12 in force.
        let wrong = try db.save(Self.report(2022, normative: [2, 1, 12]))
        #expect(Self.crossYear(wrong) == [
            "S2|warning|proactive.normative_doc.in_force|S2 山亭区应急管理局: 行政规范性文件 in force 2022 is 12, but 2021's 10 + issued 2 − repealed 1 = 11"
        ])
        let right = try db.save(Self.report(2023, normative: [3, 2, 13]))
        #expect(right.crossYearFindings.isEmpty)
    }

    @Test func s2InTheOtherImportOrder() throws {
        let db = try TrendDatabase()
        try db.save(Self.report(2022, normative: [2, 1, 12]))
        let earlier = try db.save(Self.report(2021, normative: [5, 0, 10]))
        #expect(Self.crossYear(earlier).map { String($0.prefix(3)) } == ["S2|"])
        #expect(try Self.findings(db, earlier.reportID).contains { $0.hasPrefix("S2|warning|proactive.normative_doc.in_force|") })
    }

    @Test func s2OnlyBetweenTwoV2021Reports() throws {
        let db = try TrendDatabase()
        // V2019's columns (本年新制作, 本年新公开, 对外公开总数) are not a stock.
        try db.save(Self.report(2020, normative: [5, 5, 10], version: .v2019))
        let first2021 = try db.save(Self.report(2021, normative: [2, 1, 30]))
        #expect(first2021.crossYearFindings.isEmpty)
    }

    // MARK: - Identical tables

    @Test func identicalTablesInConsecutiveYearsWarn() throws {
        let db = try TrendDatabase()
        var a = Self.report(2021, carriedIn: 1, carriedOut: 1, granted: 4, review: [1, 1, 0, 0])
        a.granted = 4
        var b = a
        b.year = 2022
        b.penalties = 99  // section 二 may differ
        b.normative = [1, 0, 1]
        try db.save(a)
        let outcome = try db.save(b)
        #expect(Self.crossYear(outcome) == [
            "identical_tables|warning||山亭区应急管理局: sections 三 and 四 of 2021 and 2022 hold exactly the same numbers (copy-paste?)"
        ])
    }

    @Test func identicalTablesInTheOtherImportOrder() throws {
        let db = try TrendDatabase()
        var a = Self.report(2022, carriedIn: 1, carriedOut: 1, granted: 4)
        a.granted = 4
        var b = a
        b.year = 2021
        try db.save(a)
        let outcome = try db.save(b)
        #expect(Self.crossYear(outcome) == [
            "identical_tables|warning||山亭区应急管理局: sections 三 and 四 of 2021 and 2022 hold exactly the same numbers (copy-paste?)"
        ])
        #expect(try Self.findings(db, outcome.reportID).contains { $0.hasPrefix("identical_tables|warning|") })
    }

    @Test func identicalTablesAcrossAnAliasName() throws {
        let db = try TrendDatabase()
        let fixture = TrendFixture.reports
        try db.save(fixture.first { $0.year == 2022 && $0.bureau == TrendFixture.shanting }!)
        let outcome = try db.save(fixture.first { $0.year == 2023 }!)
        #expect(Self.crossYear(outcome) == [
            "identical_tables|warning||山亭区应急管理局: sections 三 and 四 of 2022 and 2023 hold exactly the same numbers (copy-paste?)"
        ])
    }

    @Test func oneDifferentCellOrAllZeroTablesAreNotIdentical() throws {
        let db = try TrendDatabase()
        var a = Self.report(2021, granted: 4)
        a.granted = 4
        var b = a
        b.year = 2022
        b.review = [1, 0, 1, 0]  // one 四 cell differs (and the 总计)
        try db.save(a)
        #expect(try db.save(b).crossYearFindings.isEmpty)

        let zeros = try TrendDatabase()
        let empty = FixtureReport(bureau: Self.bureau, year: 2021, version: .v2021, penalties: 1)
        var next = empty
        next.year = 2022
        try zeros.save(empty)
        #expect(try zeros.save(next).crossYearFindings.isEmpty, "all-zero tables are no copy-paste evidence")
    }

    @Test func theFixtureHasExactlyItsPlantedWarnings() throws {
        let db = try TrendDatabase.standard()
        let csv = try db.csv(
            """
            SELECT b.name, r.year, f.rule, f.message FROM findings f JOIN reports r ON r.id = f.report_id
            JOIN bureaus b ON b.id = r.bureau_id WHERE f.severity <> 'info' ORDER BY r.year, b.name, f.rule
            """)
        #expect(csv == CSV.crlf("""
            name,year,rule,message
            沭阳县发展和改革局,2022,S1,S1 沭阳县发展和改革局: 2022 carries in 3 applications but 2021 carried forward 2
            沭阳县发展和改革局,2022,S2,"S2 沭阳县发展和改革局: 行政规范性文件 in force 2022 is 12, but 2021's 10 + issued 2 − repealed 1 = 11"
            山亭区应急局,2023,identical_tables,山亭区应急管理局: sections 三 and 四 of 2022 and 2023 hold exactly the same numbers (copy-paste?)

            """))
    }
}
