import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import NianbaoTestSupport
import Testing
@testable import NianbaoKit

/// The HTML page: well-formed (it parses as XML), the trend's numbers in its
/// own markup, names escaped, the CSV of every table beside it.
@Suite struct SiteTests {
    static func site(language: String = "zh") throws -> (TrendDatabase, Site) {
        let db = try TrendDatabase.standard()
        try db.save(bureau: "<script>alert('x')</script> & 局", year: 2023, cells: ["requests.new.total": "4", "proactive.penalty.decisions": "2"])
        return (db, try Site.build(store: db.store, language: language))
    }

    @Test func thePageIsWellFormedAndHoldsTheNumbers() throws {
        let (db, site) = try Self.site()
        let parser = XMLParser(data: Data(site.html.utf8))
        #expect(parser.parse(), "\(String(describing: parser.parserError))")
        let measures = Site.headline.compactMap(MeasureCatalog.standard.measure)
        let rows = try TrendQuery(TrendRequest(measures: measures)).run(on: db.store)
        for row in rows {
            guard let value = row.value else { continue }
            #expect(site.html.contains("<td class=\"n\">\(value)</td>"), "\(row.measure) \(row.year)")
            #expect(site.html.contains("data-year=\"\(row.year)\" data-value=\"\(value)\""), "\(row.measure) \(row.year)")
        }
        #expect(site.html.contains("山亭区应急管理局"))
        #expect(!site.html.contains("<script"))
        #expect(site.html.contains("&lt;script&gt;"))
        // No network: the only URLs are the SVG namespace names.
        #expect(site.html.components(separatedBy: "http").count - 1 == site.html.components(separatedBy: "xmlns=\"http://www.w3.org/2000/svg\"").count - 1)
        #expect(!site.html.contains("src=") && !site.html.contains("<link"))
    }

    @Test func everyTableHasItsCSV() throws {
        let (_, site) = try Self.site(language: "en")
        #expect(site.files.map(\.name).sorted() == ["coverage.csv", "findings.csv", "trends-by-bureau.csv", "trends-by-year.csv"])
        for (name, text) in site.files {
            #expect(site.html.contains("href=\"\(name)\""))
            #expect(text.split(separator: "\r\n").count > 1, "\(name)")
        }
        let directory = try TestSupport.temporaryDirectory()
        defer { TestSupport.cleanUp(directory) }
        try site.write(to: directory)
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("index.html").path))
        #expect(site.html.contains("Coverage"))
    }
}
