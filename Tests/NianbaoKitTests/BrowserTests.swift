import Foundation
import NianbaoTestSupport
import Testing
@testable import NianbaoKit

/// The page and a chart as a person sees them: headless Chromium renders
/// them to PNG (not blank, the size asked for) and its DOM, with no script
/// run, holds the numbers. CI installs chromium and fonts-noto-cjk.
@Suite(.enabled(if: Chromium.path != nil, "chromium is not installed here (apt-get install chromium fonts-noto-cjk); CI runs these"))
struct BrowserTests {
    @Test func thePageRendersWithItsNumbers() throws {
        let db = try TrendDatabase.standard()
        let directory = try TestSupport.temporaryDirectory()
        defer { TestSupport.cleanUp(directory) }
        try Site.build(store: db.store).write(to: directory)
        let page = directory.appendingPathComponent("index.html")
        let png = directory.appendingPathComponent("page.png")
        try Chromium.run(["--window-size=1200,1600", "--screenshot=\(png.path)", page.absoluteString])
        let (width, height, bytes) = try Chromium.png(png)
        #expect(width == 1200 && height == 1600)
        #expect(bytes > 20_000, "a blank page compresses to a few kilobytes; got \(bytes) bytes")
        let dom = try Chromium.run(["--dump-dom", page.absoluteString])
        let applications = try TrendQuery(TrendRequest(measures: [try #require(MeasureCatalog.standard.measure("applications"))]))
            .run(on: db.store).compactMap(\.value)
        #expect(!applications.isEmpty)
        for value in applications { #expect(dom.contains(">\(value)<"), "\(value)") }
        #expect(dom.contains("覆盖情况"))
    }

    @Test func aChartRenders() throws {
        let db = try TrendDatabase.standard()
        let directory = try TestSupport.temporaryDirectory()
        defer { TestSupport.cleanUp(directory) }
        let measures = ["penalties", "disclosure_rate"].compactMap(MeasureCatalog.standard.measure)
        let rows = try TrendQuery(TrendRequest(measures: measures, grouping: .bureau)).run(on: db.store)
        let svg = directory.appendingPathComponent("chart.svg")
        try Data(SVGChart.render(TrendChart.panels(rows, measures: measures, top: 8, others: .sum, language: "zh")).utf8).write(to: svg)
        let png = directory.appendingPathComponent("chart.png")
        try Chromium.run(["--window-size=800,640", "--screenshot=\(png.path)", svg.absoluteString])
        let (width, height, bytes) = try Chromium.png(png)
        #expect(width == 800 && height == 640)
        #expect(bytes > 10_000, "\(bytes) bytes")
    }
}

/// Finding and running headless Chromium.
enum Chromium {
    static let path: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Runs Chromium headless with `arguments`; its standard output.
    @discardableResult
    static func run(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(path))
        // A profile of its own, removed afterwards.
        let profile = try TestSupport.temporaryDirectory()
        defer { TestSupport.cleanUp(profile) }
        // Root in a container has no sandbox; no GPU; /dev/shm may be small.
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
                             "--no-first-run", "--user-data-dir=\(profile.path)"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// Width, height (from the PNG header) and size in bytes of a PNG file.
    static func png(_ url: URL) throws -> (Int, Int, Int) {
        let bytes = [UInt8](try Data(contentsOf: url))
        try #require(bytes.count > 24 && bytes[1...3] == [0x50, 0x4E, 0x47], "not a PNG")
        let int = { (at: Int) in bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (int(16), int(20), bytes.count)
    }
}
