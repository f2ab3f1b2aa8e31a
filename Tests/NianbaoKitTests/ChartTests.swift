import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import NianbaoTestSupport
import Testing
@testable import NianbaoKit

/// SVG charts: well-formed XML whatever the names hold, the same numbers as
/// `trend`, gaps where a year has no value, and the groups beyond `--top`
/// summed from their parts.
@Suite struct ChartTests {
    /// The points of an SVG, parsed back as XML: (measure, group, year, value, flagged).
    final class Points: NSObject, XMLParserDelegate {
        var points: [(measure: String, group: String, year: Int, value: String, flagged: Int)] = []
        var polylines = 0
        var texts: [String] = []
        private var measure = ""
        private var text = ""

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            if name == "g", let id = attributes["data-measure"] { measure = id }
            if name == "polyline" { polylines += 1 }
            if name == "circle", attributes["class"] == "point" {
                points.append((measure, attributes["data-group"] ?? "", Int(attributes["data-year"] ?? "") ?? 0,
                               attributes["data-value"] ?? "", Int(attributes["data-flagged"] ?? "") ?? 0))
            }
            text = ""
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "text" { texts.append(text) }
        }

        static func read(_ svg: String) throws -> Points {
            let parser = XMLParser(data: Data(svg.utf8))
            let points = Points()
            parser.delegate = points
            #expect(parser.parse(), "well-formed XML: \(String(describing: parser.parserError))")
            return points
        }
    }

    @Test func theChartHoldsTheTrendsNumbers() throws {
        let db = try TrendDatabase.standard()
        let measures = ["penalties", "disclosure_rate", "fees"].compactMap(MeasureCatalog.standard.measure)
        let rows = try TrendQuery(TrendRequest(measures: measures, grouping: .bureau)).run(on: db.store)
        let svg = SVGChart.render(TrendChart.panels(rows, measures: measures, top: 10, others: .sum, language: "zh"))
        let read = try Points.read(svg)
        let expected = rows.filter { $0.value != nil }.map { "\($0.measure)|\($0.group)|\($0.year)|\($0.value!)|\($0.flagged)" }.sorted()
        let drawn = read.points.map { "\($0.measure)|\($0.group)|\($0.year)|\($0.value)|\($0.flagged)" }.sorted()
        #expect(drawn == expected)
        #expect(read.texts.contains("行政处罚决定（件）"))
        #expect(read.texts.contains("公开率（%）"))
    }

    @Test func aMissingYearIsAGapNotAZero() throws {
        let penalties = try #require(MeasureCatalog.standard.measure("penalties"))
        let row = { (year: Int, value: Int?) in
            TrendRow(group: "甲局", year: year, measure: "penalties", value: value.map(ExactDecimal.init), numerator: nil, denominator: nil,
                     reports: value == nil ? 0 : 1, change: nil, changePercent: nil, templates: "V2021", comparableWithPrevious: nil)
        }
        let rows = [row(2019, 5), row(2020, 7), row(2021, nil), row(2022, 9), row(2023, 4)]
        let read = try Points.read(SVGChart.render(TrendChart.panels(rows, measures: [penalties], top: 5, others: .sum, language: "zh")))
        #expect(read.points.map(\.year) == [2019, 2020, 2022, 2023])
        #expect(read.polylines == 2, "the line breaks at 2021")
    }

    @Test func groupsBeyondTheTopAreSummedFromTheirParts() throws {
        let rate = try #require(MeasureCatalog.standard.measure("disclosure_rate"))
        let row = { (group: String, n: Int, d: Int) in
            TrendRow(group: group, year: 2023, measure: rate.id,
                     value: MeasureEvaluator.value(rate, numerator: ExactDecimal(n), denominator: ExactDecimal(d)),
                     numerator: ExactDecimal(n), denominator: ExactDecimal(d), reports: 1, change: nil, changePercent: nil,
                     templates: "V2021", comparableWithPrevious: nil)
        }
        let rows = [row("甲", 9, 10), row("乙", 1, 10), row("丙", 1, 90)]
        let summed = TrendChart.panels(rows, measures: [rate], top: 1, others: .sum, language: "zh")
        #expect(summed[0].series.map(\.name) == ["甲", "其他（2 个）"])
        // (1 + 1) / (10 + 90) = 2.00 %, not 10 % + 1.11 %.
        #expect(summed[0].series[1].points[0].value == ExactDecimal(2))
        let omitted = TrendChart.panels(rows, measures: [rate], top: 2, others: .omit, language: "en")
        #expect(omitted[0].series.map(\.name) == ["甲", "乙"])
    }

    @Test func namesAreShownNeverParsed() throws {
        let penalties = try #require(MeasureCatalog.standard.measure("penalties"))
        let hostile = "<script>alert('x')</script> & \"局\""
        let rows = [TrendRow(group: hostile, year: 2023, measure: "penalties", value: ExactDecimal(3), numerator: nil, denominator: nil,
                             reports: 1, change: nil, changePercent: nil, templates: "V2021", comparableWithPrevious: nil)]
        let svg = SVGChart.render(TrendChart.panels(rows, measures: [penalties], top: 5, others: .sum, language: "zh"))
        #expect(!svg.contains("<script>"))
        let read = try Points.read(svg)
        #expect(read.points.first?.group == hostile)
    }

    /// A point whose value leaves reports out (an invalid, missing or blank cell) is marked, and every path counts them alike.
    @Test func pointsThatLeaveReportsOutAreMarked() throws {
        let db = try TrendSumTests.database()
        let penalties = try #require(MeasureCatalog.standard.measure("penalties"))
        var request = TrendRequest(measures: [penalties])
        let fast = try TrendQuery(request).run(on: db.store)
        try db.store.connection.execute("UPDATE measure_state SET totals = -1")
        let scanned = try TrendQuery(request).run(on: db.store)
        request.aliases = BureauAliasTable(rows: [])
        let exact = try TrendQuery(request).run(on: db.store)
        #expect(fast.map(\.reportsPresent) == scanned.map(\.reportsPresent))
        #expect(fast.map(\.reportsPresent) == exact.map(\.reportsPresent))
        let year2023 = try #require(fast.first { $0.year == 2023 })
        #expect(year2023.reportsPresent == year2023.reports + 1, "the invalid penalty cell of 沭阳县公安局 2023")
        let svg = SVGChart.render(TrendChart.panels(fast, measures: [penalties], top: 8, others: .sum, language: "zh"))
        #expect(try Points.read(svg).points.contains { $0.year == 2023 })
        #expect(svg.contains("class=\"left-out\""))
    }

    @Test func ticksAreRound() {
        #expect(SVGChart.ticks(low: 0, high: 2_870) == [0, 1_000, 2_000, 3_000])
        #expect(SVGChart.ticks(low: 0, high: 9) == [0, 2, 4, 6, 8, 10])
        #expect(SVGChart.ticks(low: 0, high: 0.8).count >= 4)
    }
}
