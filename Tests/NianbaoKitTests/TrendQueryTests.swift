import Foundation
import Testing
@testable import NianbaoKit
import NianbaoTestSupport

/// Trends over the fixture (TrendFixture's table): grouping, filters,
/// year-over-year change, comparability across the template change, the
/// aggregate-scope rule and the wide pivot. Expected values are worked out by
/// hand from the fixture's cells.
@Suite struct TrendQueryTests {
    static let header = "group,year,measure,label,value,unit,numerator,denominator,reports,yoy_change,yoy_pct,templates,comparable_yoy,flagged_reports\n"

    /// The fixture's premise: every report imports with exactly the cells it was given.
    @Test func fixtureReportsImportExactly() throws {
        for report in TrendFixture.reports {
            let parsed = try TrendFixture.parse(report)
            let synthetic = report.synthetic()
            #expect(parsed.report.bureau == report.bureau)
            #expect(parsed.report.year == report.year)
            #expect(parsed.report.version == report.version)
            #expect(parsed.report.scope == (report.aggregate ? .aggregate : .own), "\(report.bureau) \(report.year)")
            #expect(parsed.report.findings.filter { $0.severity != .info }.isEmpty, "\(parsed.report.findings.map(\.message))")
            for (key, value) in synthetic.cells {
                let cell = parsed.report.cells[key]
                if let value {
                    #expect(cell?.status == .reported && cell?.value == value, "\(report.bureau) \(report.year) \(key)")
                } else {
                    #expect(cell?.status == .blank, "\(report.bureau) \(report.year) \(key)")
                }
            }
        }
    }

    @Test func penaltiesPerYearInFull() throws {
        let db = try TrendDatabase.standard()
        let rows = try db.trend(["penalties"])
        #expect(CSV.text(TrendTable.long(rows)) == CSV.crlf(Self.header + """
            全部,2018,penalties,行政处罚决定,5,件,,,1,,,V2019,,0
            全部,2019,penalties,行政处罚决定,12,件,,,1,7,140,V2019,yes,0
            全部,2020,penalties,行政处罚决定,0,件,,,1,-12,-100,V2019,yes,0
            全部,2021,penalties,行政处罚决定,22,件,,,2,22,,V2021,yes,0
            全部,2022,penalties,行政处罚决定,29,件,,,2,7,31.82,V2021,yes,0
            全部,2023,penalties,行政处罚决定,18,件,,,1,-11,-37.93,V2021,yes,0

            """))
    }

    @Test func disclosureRatePerYearWithPartsAndChanges() throws {
        let db = try TrendDatabase.standard()
        let rows = try db.trend(["disclosure_rate"])
        #expect(CSV.text(TrendTable.long(rows)) == CSV.crlf(Self.header + """
            全部,2018,disclosure_rate,公开率,75,%,3,4,1,,,V2019,,0
            全部,2019,disclosure_rate,公开率,77.78,%,7,9,1,2.78,3.71,V2019,yes,0
            全部,2020,disclosure_rate,公开率,42.86,%,3,7,1,-34.92,-44.9,V2019,yes,0
            全部,2021,disclosure_rate,公开率,77.42,%,24,31,2,34.56,80.63,V2021,yes,0
            全部,2022,disclosure_rate,公开率,56,%,14,25,2,-21.42,-27.67,V2021,yes,0
            全部,2023,disclosure_rate,公开率,66.67,%,6,9,1,10.67,19.05,V2021,yes,0

            """))
    }

    @Test func otherMeasuresPerYear() throws {
        let db = try TrendDatabase.standard()
        let rows = try db.trend(["applications", "handled", "carried_in", "carried_out", "granted", "reviews", "lawsuits", "fees", "licences"])
        #expect(rows.values("全部", "applications") == [2018: "4", 2019: "10", 2020: "8", 2021: "32", 2022: "24", 2023: "9"])
        #expect(rows.values("全部", "handled") == [2018: "4", 2019: "9", 2020: "7", 2021: "31", 2022: "25", 2023: "9"])
        #expect(rows.values("全部", "carried_in") == [2018: "0", 2019: "0", 2020: "1", 2021: "2", 2022: "4", 2023: "1"])
        #expect(rows.values("全部", "carried_out") == [2018: "0", 2019: "1", 2020: "2", 2021: "3", 2022: "3", 2023: "1"])
        #expect(rows.values("全部", "granted") == [2018: "3", 2019: "7", 2020: "3", 2021: "24", 2022: "14", 2023: "6"])
        #expect(rows.values("全部", "reviews") == [2018: "1", 2019: "2", 2020: "0", 2021: "4", 2022: "1", 2023: "1"])
        #expect(rows.values("全部", "lawsuits") == [2018: "0", 2019: "2", 2020: "1", 2021: "1", 2022: "3", 2023: "1"])
        #expect(rows.values("全部", "fees") == [2021: "39.941094", 2022: "28.8", 2023: "0"])
        #expect(rows.values("全部", "licences") == [2018: "2", 2019: "3", 2020: "4", 2021: "35", 2022: "31", 2023: "7"])
        // Rows come measure by measure, in the order asked.
        #expect(rows.map(\.measure).removingAdjacentDuplicates() == [
            "applications", "handled", "carried_in", "carried_out", "granted", "reviews", "lawsuits", "fees", "licences",
        ])
    }

    // MARK: - Grouping

    @Test func groupedByBureau() throws {
        let db = try TrendDatabase.standard()
        let rows = try db.trend(["penalties"], by: .bureau)
        #expect(rows.map(\.group).removingAdjacentDuplicates() == ["山亭区应急管理局", "沭阳县人民政府", "沭阳县发展和改革局"])
        #expect(rows.values("山亭区应急管理局", "penalties") == [2018: "5", 2019: "12", 2020: "0", 2021: "15", 2022: "20", 2023: "18"])
        #expect(rows.values("沭阳县人民政府", "penalties") == [2022: "100"])
        #expect(rows.values("沭阳县发展和改革局", "penalties") == [2021: "7", 2022: "9"])
        let b22 = try #require(rows.series("沭阳县发展和改革局", "penalties")[2022])
        #expect(b22.change?.description == "2")
        #expect(b22.changePercent?.description == "28.57")
        #expect(b22.reports == 1)
        // Years ascending within a group.
        #expect(rows.filter { $0.group == "山亭区应急管理局" }.map(\.year) == [2018, 2019, 2020, 2021, 2022, 2023])
    }

    @Test func groupedByRegionProvinceCityCountyAndKind() throws {
        let db = try TrendDatabase.standard()
        let region = try db.trend(["penalties"], by: .region)
        #expect(region.map(\.group).removingAdjacentDuplicates() == ["宿迁市", "枣庄市"])
        #expect(region.values("宿迁市", "penalties") == [2021: "7", 2022: "9"])
        #expect(region.values("枣庄市", "penalties") == [2018: "5", 2019: "12", 2020: "0", 2021: "15", 2022: "20", 2023: "18"])
        #expect(try db.trend(["penalties"], by: .city).map(\.group).removingAdjacentDuplicates() == ["宿迁市", "枣庄市"])
        let province = try db.trend(["penalties"], by: .province)
        #expect(province.map(\.group).removingAdjacentDuplicates() == ["山东省", "江苏省"])
        #expect(province.values("江苏省", "penalties") == [2021: "7", 2022: "9"])
        let county = try db.trend(["penalties"], by: .county)
        #expect(county.map(\.group).removingAdjacentDuplicates() == ["山亭区", "沭阳县"])
        let kind = try db.trend(["penalties", "disclosure_rate"], by: .kind)
        #expect(Set(kind.map(\.group)) == ["应急", "发展改革"])
        #expect(kind.values("发展改革", "penalties") == [2021: "7", 2022: "9"])
        #expect(kind.values("发展改革", "disclosure_rate") == [2021: "77.78", 2022: "50"])
        #expect(kind.values("应急", "disclosure_rate") == [2018: "75", 2019: "77.78", 2020: "42.86", 2021: "76.92", 2022: "66.67", 2023: "66.67"])
    }

    @Test func aBureauWithoutARegionIsUnknown() throws {
        let db = try TrendDatabase()
        try db.save(bureau: "应急管理部", year: 2022, cells: ["proactive.penalty.decisions": "3"])
        #expect(try db.trend(["penalties"], by: .region).values("未知地区", "penalties") == [2022: "3"])
        #expect(try db.trend(["penalties"], by: .province).values("未知地区", "penalties") == [2022: "3"])
        #expect(try db.trend(["penalties"], by: .kind).values("应急", "penalties") == [2022: "3"])
    }

    // MARK: - Filters

    @Test func filterByBureauNameCanonicalOrReported() throws {
        let db = try TrendDatabase.standard()
        #expect(try db.trend(["penalties"], bureau: "山亭").values("全部", "penalties")
            == [2018: "5", 2019: "12", 2020: "0", 2021: "15", 2022: "20", 2023: "18"])
        // An alias matches too, and selects the whole body: 应急局 is in 山亭区应急局, 安全生产 in
        // 山亭区安全生产监督管理局, both names of 山亭区应急管理局.
        let body = [2018: "5", 2019: "12", 2020: "0", 2021: "15", 2022: "20", 2023: "18"]
        #expect(try db.trend(["penalties"], by: .bureau, bureau: "应急局").values("山亭区应急管理局", "penalties") == body)
        #expect(try db.trend(["penalties"], by: .bureau, bureau: "安全生产").values("山亭区应急管理局", "penalties") == body)
        // 沭阳 names two bodies; grouped by year the consolidated report stays out.
        #expect(try db.trend(["penalties"], bureau: "沭阳").values("全部", "penalties") == [2021: "7", 2022: "9"])
        #expect(Set(try db.trend(["penalties"], by: .bureau, bureau: "沭阳").map(\.group)) == ["沭阳县人民政府", "沭阳县发展和改革局"])
        #expect(try db.trend(["penalties"], bureau: "无此局").isEmpty)
    }

    @Test func filterByRegion() throws {
        let db = try TrendDatabase.standard()
        #expect(try db.trend(["penalties"], region: "江苏").values("全部", "penalties") == [2021: "7", 2022: "9"])
        #expect(try db.trend(["penalties"], region: "宿迁").values("全部", "penalties") == [2021: "7", 2022: "9"])
        #expect(try db.trend(["penalties"], region: "沭阳").values("全部", "penalties") == [2021: "7", 2022: "9"])
        #expect(try db.trend(["penalties"], region: "枣庄").values("全部", "penalties")
            == [2018: "5", 2019: "12", 2020: "0", 2021: "15", 2022: "20", 2023: "18"])
        #expect(try db.trend(["penalties"], region: "广东").isEmpty)
    }

    @Test func filterByKind() throws {
        let db = try TrendDatabase.standard()
        #expect(try db.trend(["penalties"], kind: "发展改革").values("全部", "penalties") == [2021: "7", 2022: "9"])
        #expect(try db.trend(["penalties"], kind: "应急").values("全部", "penalties").count == 6)
        // The kind is matched exactly.
        #expect(try db.trend(["penalties"], kind: "应").isEmpty)
        // The government's only report is consolidated: kept by bureau, left out by year.
        #expect(try db.trend(["penalties"], by: .bureau, kind: "人民政府").values("沭阳县人民政府", "penalties") == [2022: "100"])
        #expect(try db.trend(["penalties"], kind: "人民政府").isEmpty)
    }

    @Test func fromAndToLimitTheYears() throws {
        let db = try TrendDatabase.standard()
        let rows = try db.trend(["penalties"], from: 2020, to: 2022)
        #expect(rows.values("全部", "penalties") == [2020: "0", 2021: "22", 2022: "29"])
        // 2019 is outside the range: 2020 has nothing to compare with.
        #expect(rows.series("全部", "penalties")[2020]?.change == nil)
        #expect(rows.series("全部", "penalties")[2020]?.comparableWithPrevious == nil)
        #expect(rows.series("全部", "penalties")[2021]?.change?.description == "22")
        #expect(try db.trend(["penalties"], from: 2023).values("全部", "penalties") == [2023: "18"])
        #expect(try db.trend(["penalties"], to: 2018).values("全部", "penalties") == [2018: "5"])
    }

    // MARK: - Year-over-year change

    @Test func yoyIsNilWithoutThePreviousYearAndPercentNilAfterZero() throws {
        let db = try TrendDatabase.standard()
        let a = try db.trend(["penalties"], by: .bureau).series("山亭区应急管理局", "penalties")
        #expect(a[2018]?.change == nil && a[2018]?.changePercent == nil)
        #expect(a[2019]?.change?.description == "7")
        #expect(a[2019]?.changePercent?.description == "140")
        #expect(a[2020]?.change?.description == "-12")
        #expect(a[2020]?.changePercent?.description == "-100")
        // 0 → 15: the change is known, its percentage is not.
        #expect(a[2021]?.change?.description == "15")
        #expect(a[2021]?.changePercent == nil)
        #expect(a[2022]?.changePercent?.description == "33.33")
        #expect(a[2023]?.changePercent?.description == "-10")
        // The consolidated report's only year has nothing before it.
        let g = try db.trend(["penalties"], by: .bureau).series("沭阳县人民政府", "penalties")
        #expect(g[2022]?.change == nil && g[2022]?.comparableWithPrevious == nil)
    }

    @Test func aGapYearBreaksTheComparison() throws {
        let db = try TrendDatabase()
        try db.save(bureau: "甲县公安局", year: 2019, cells: ["proactive.penalty.decisions": "10"])
        try db.save(bureau: "甲县公安局", year: 2021, cells: ["proactive.penalty.decisions": "12"])
        let row = try #require(try db.trend(["penalties"], by: .bureau).series("甲县公安局", "penalties")[2021])
        #expect(row.change == nil)
        #expect(row.changePercent == nil)
        #expect(row.comparableWithPrevious == nil)
    }

    @Test func yoyOfARateIsInPercentagePoints() throws {
        let db = try TrendDatabase.standard()
        let b = try db.trend(["disclosure_rate"], by: .bureau).series("沭阳县发展和改革局", "disclosure_rate")
        #expect(b[2021]?.value?.description == "77.78")  // 14/18
        #expect(b[2022]?.value?.description == "50")  // 8/16: 部分公开 blank counts 0
        #expect(b[2022]?.change?.description == "-27.78")
        #expect(b[2022]?.changePercent?.description == "-35.72")  // -27.78 / 77.78 = -0.35716…
    }

    // MARK: - Comparability across the template change

    @Test func approxMetricIsNotComparableAcrossTheTemplateChange() throws {
        let db = try TrendDatabase.standard()
        let rows = try db.trend(["proactive.normative_doc.issued"], by: .bureau)
        let a = rows.series("山亭区应急管理局", "proactive.normative_doc.issued")
        #expect(a.mapValues { $0.value?.description ?? "" } == [2018: "1", 2019: "2", 2020: "3", 2021: "4", 2022: "3", 2023: "1"])
        #expect(a.mapValues(\.comparableWithPrevious) == [2018: nil, 2019: true, 2020: true, 2021: false, 2022: true, 2023: true])
        #expect(a.mapValues(\.templates) == [2018: "V2019", 2019: "V2019", 2020: "V2019", 2021: "V2021", 2022: "V2021", 2023: "V2021"])
        let csv = CSV.text(TrendTable.long(rows))
        #expect(csv.contains("\r\n山亭区应急管理局,2021,proactive.normative_doc.issued,第二十条第（一）项 / 行政规范性文件 / 本年制发件数,4,件,,,1,1,33.33,V2021,no,0\r\n"))
        // Grouped by year as well.
        let year = try db.trend(["proactive.normative_doc.issued"]).series("全部", "proactive.normative_doc.issued")
        #expect(year[2021]?.comparableWithPrevious == false)
        #expect(year[2022]?.comparableWithPrevious == true)
    }

    @Test func sameMeasuresAreComparableAcrossTheTemplateChange() throws {
        let db = try TrendDatabase.standard()
        for id in ["penalties", "applications", "disclosure_rate", "reviews", "lawsuits"] {
            let a = try db.trend([id], by: .bureau).series("山亭区应急管理局", id)
            #expect(a[2021]?.comparableWithPrevious == true, "\(id)")
            #expect(a[2018]?.comparableWithPrevious == nil, "\(id)")
        }
    }

    @Test func mixedTemplatesInOneYear() throws {
        let db = try TrendDatabase()
        try db.save(bureau: "甲县公安局", year: 2020, version: .v2019, cells: ["proactive.normative_doc.issued": "2", "proactive.penalty.decisions": "1"])
        try db.save(bureau: "甲县公安局", year: 2021, version: .v2019, cells: ["proactive.normative_doc.issued": "3", "proactive.penalty.decisions": "2"])
        try db.save(bureau: "乙县公安局", year: 2021, version: .v2021, cells: ["proactive.normative_doc.issued": "4", "proactive.penalty.decisions": "3"])
        let rows = try db.trend(["proactive.normative_doc.issued", "penalties"])
        let issued = rows.series("全部", "proactive.normative_doc.issued")
        #expect(issued[2021]?.templates == "V2019+V2021")
        #expect(issued[2021]?.value?.description == "7")
        #expect(issued[2021]?.comparableWithPrevious == false)
        #expect(rows.series("全部", "penalties")[2021]?.comparableWithPrevious == true)
    }

    // MARK: - Aggregate scope

    @Test func aggregateReportsAreLeftOutUnlessGroupedByBureau() throws {
        let db = try TrendDatabase.standard()
        #expect(try db.csv("SELECT b.name, r.scope FROM reports r JOIN bureaus b ON b.id = r.bureau_id WHERE r.scope = 'aggregate'")
            == "name,scope\r\n沭阳县人民政府,aggregate\r\n")
        // By year: 20 + 9, not 20 + 9 + 100.
        let year = try db.trend(["penalties", "applications", "reviews"])
        #expect(year.values("全部", "penalties")[2022] == "29")
        #expect(year.values("全部", "applications")[2022] == "24")
        #expect(year.series("全部", "penalties")[2022]?.reports == 2)
        // By region: 宿迁市 holds only the department's own report.
        #expect(try db.trend(["penalties"], by: .region).values("宿迁市", "penalties") == [2021: "7", 2022: "9"])
        #expect(try db.trend(["penalties"], by: .county).values("沭阳县", "penalties") == [2021: "7", 2022: "9"])
        #expect(try db.trend(["penalties"], by: .province).values("江苏省", "penalties") == [2021: "7", 2022: "9"])
        // By kind the government kind has no own report at all.
        #expect(try !db.trend(["penalties"], by: .kind).contains { $0.group == "人民政府" })
        // By bureau it is its own group.
        let bureau = try db.trend(["penalties", "disclosure_rate"], by: .bureau)
        #expect(bureau.values("沭阳县人民政府", "penalties") == [2022: "100"])
        #expect(bureau.values("沭阳县人民政府", "disclosure_rate") == [2022: "100"])
        #expect(bureau.series("沭阳县人民政府", "penalties")[2022]?.reports == 1)
    }

    // MARK: - Wide pivot

    @Test func widePivotYearsAscendingOneRowPerGroupAndMeasure() throws {
        let db = try TrendDatabase.standard()
        let rows = try db.trend(["penalties", "disclosure_rate"], by: .bureau)
        let wide = TrendTable.wide(rows)
        #expect(wide.columns.map(\.name) == ["group", "measure", "label", "unit", "2018", "2019", "2020", "2021", "2022", "2023"])
        #expect(wide.columns.map(\.isNumeric) == [false, false, false, false, true, true, true, true, true, true])
        #expect(CSV.text(wide) == CSV.crlf("""
            group,measure,label,unit,2018,2019,2020,2021,2022,2023
            山亭区应急管理局,penalties,行政处罚决定,件,5,12,0,15,20,18
            沭阳县人民政府,penalties,行政处罚决定,件,,,,,100,
            沭阳县发展和改革局,penalties,行政处罚决定,件,,,,7,9,
            山亭区应急管理局,disclosure_rate,公开率,%,75,77.78,42.86,76.92,66.67,66.67
            沭阳县人民政府,disclosure_rate,公开率,%,,,,,100,
            沭阳县发展和改革局,disclosure_rate,公开率,%,,,,77.78,50,

            """))
    }

    @Test func widePivotWithEnglishLabelsAndOnlyTheYearsPresent() throws {
        let db = try TrendDatabase.standard()
        let wide = TrendTable.wide(try db.trend(["fees"], by: .bureau), language: "en")
        #expect(CSV.text(wide) == CSV.crlf("""
            group,measure,label,unit,2021,2022,2023
            山亭区应急管理局,fees,Administrative fees,万元,38.441094,26.55,0
            沭阳县人民政府,fees,Administrative fees,万元,,10,
            沭阳县发展和改革局,fees,Administrative fees,万元,1.5,2.25,

            """))
    }

    @Test func widePivotOfNoRows() {
        let wide = TrendTable.wide([])
        #expect(wide.columns.map(\.name) == ["group", "measure", "label", "unit"])
        #expect(wide.rows.isEmpty)
    }

    @Test func longTableWithEnglishLabels() throws {
        let db = try TrendDatabase.standard()
        let table = TrendTable.long(try db.trend(["backlog_share"], from: 2023), language: "en")
        #expect(CSV.text(table) == CSV.crlf(Self.header + """
            全部,2023,backlog_share,Backlog share,10,%,1,10,1,,,V2021,,0

            """))
    }
}

extension Array where Element: Equatable {
    func removingAdjacentDuplicates() -> [Element] {
        reduce(into: []) { result, element in if result.last != element { result.append(element) } }
    }
}
