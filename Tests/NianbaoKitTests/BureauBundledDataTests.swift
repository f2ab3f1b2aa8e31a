import Foundation
import Testing
@testable import NianbaoKit

/// The tables compiled into the library (`BundledAliases`, `BundledDivisions`)
/// must be byte-identical to Data/bureau-aliases.csv and Data/divisions.csv,
/// which are what people read and edit. After editing a Data file, run
///
///     NIANBAO_REGENERATE=1 swift test --filter BureauBundledData
///
/// which rewrites the Swift file from the Data file; build and test again.
@Suite struct BureauBundledDataTests {
    struct Bundle: Sendable, CustomTestStringConvertible {
        let dataFile: String
        let swiftFile: String
        let typeName: String
        let what: String
        let compiled: String
        /// Parses the Data file's text the way the library will.
        let parse: @Sendable (String) throws -> Void
        var testDescription: String { dataFile }
    }

    static let bundles = [
        Bundle(dataFile: "bureau-aliases.csv", swiftFile: "BundledAliases.swift", typeName: "BundledAliases",
               what: "the bundled aliases", compiled: BundledAliases.csv,
               parse: { _ = try BureauAliasTable(csv: $0, source: "Data/bureau-aliases.csv") }),
        Bundle(dataFile: "divisions.csv", swiftFile: "BundledDivisions.swift", typeName: "BundledDivisions",
               what: "the division table", compiled: BundledDivisions.csv,
               parse: { _ = try DivisionTable(csv: $0) }),
    ]

    static let identityFolder = TestSupport.packageRoot.appendingPathComponent("Sources/NianbaoKit/Identity")

    @Test(arguments: bundles)
    func compiledTextIsTheDataFile(_ bundle: Bundle) throws {
        let dataURL = TestSupport.data.appendingPathComponent(bundle.dataFile)
        let bytes = try Data(contentsOf: dataURL)
        let text = try #require(String(data: bytes, encoding: .utf8), "Data/\(bundle.dataFile) is not UTF-8")
        #expect(!text.contains("\r"), "Data/\(bundle.dataFile) has CR line ends; save it with LF (Swift source cannot keep them)")
        // A Data file that does not parse would make the library stop at its first lookup.
        do {
            try bundle.parse(text)
        } catch {
            Issue.record("Data/\(bundle.dataFile) does not parse: \(error)")
            return
        }
        if Array(bundle.compiled.utf8) == Array(bytes) { return }
        if ProcessInfo.processInfo.environment["NIANBAO_REGENERATE"] == "1" {
            let swiftURL = Self.identityFolder.appendingPathComponent(bundle.swiftFile)
            try Self.swiftSource(bundle, csv: text).write(to: swiftURL, atomically: true, encoding: .utf8)
            Issue.record("rewrote Sources/NianbaoKit/Identity/\(bundle.swiftFile) from Data/\(bundle.dataFile); build and run the tests again")
        } else {
            Issue.record("""
                Sources/NianbaoKit/Identity/\(bundle.swiftFile) is not Data/\(bundle.dataFile); \
                regenerate it with: NIANBAO_REGENERATE=1 swift test --filter BureauBundledData
                """)
        }
    }

    /// The generated file: the CSV in a raw multi-line string literal with
    /// enough `#` that nothing in the CSV can end it or escape.
    static func swiftSource(_ bundle: Bundle, csv: String) -> String {
        var hashes = "#"
        while csv.contains("\"\"\"" + hashes) || csv.contains("\\" + hashes) { hashes += "#" }
        // The line break before the closing delimiter is not part of the
        // literal, so a CSV ending in a line break needs one more.
        return """
            // Generated from Data/\(bundle.dataFile) by BureauBundledDataTests; do not edit.
            // After changing Data/\(bundle.dataFile), run:
            //   NIANBAO_REGENERATE=1 swift test --filter BureauBundledData

            /// The text of Data/\(bundle.dataFile), compiled into the library so an installed
            /// binary has \(bundle.what) without the source tree.
            enum \(bundle.typeName) {
                static let csv = \(hashes)\"\"\"

            """ + csv + "\n" + "\"\"\"" + hashes + "\n}\n"
    }

    @Test func generatorReproducesTheCommittedFiles() throws {
        for bundle in Self.bundles {
            let committed = try String(contentsOf: Self.identityFolder.appendingPathComponent(bundle.swiftFile), encoding: .utf8)
            #expect(Self.swiftSource(bundle, csv: bundle.compiled) == committed, "\(bundle.swiftFile)")
        }
    }

    @Test func bundledTablesParse() throws {
        let aliases = try BureauAliasTable(csv: BundledAliases.csv, source: "bureau-aliases.csv")
        #expect(aliases.rows.count >= 6)
        #expect(BureauAliasTable.bundled.rows == aliases.rows)
        _ = try DivisionTable(csv: BundledDivisions.csv)
        #expect(DivisionTable.bundled.divisions.count == BundledDivisions.csv.split(separator: "\n").count - 1)
    }

    @Test func lookupsAreFast() {
        let names = ["沭阳县发展和改革局", "淮安市洪泽区人民政府", "上海市科委", "鼓楼区财政局", "应急管理部"]
        _ = DivisionTable.bundled
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            for _ in 0..<200 {
                for name in names { _ = BureauIdentity.resolve(name, year: 2021) }
            }
        }
        // 1 000 resolutions; generous for a debug build on a busy machine.
        #expect(elapsed < .seconds(5), "1 000 resolutions took \(elapsed)")
    }
}
