import Foundation
import NianbaoFuzzing
import Testing
@testable import NianbaoKit

/// Every input a fuzzer (or a user) found that once crashed, hung or ran
/// away with memory, replayed through the same code the fuzz targets run
/// (`.ci/fuzz`): `Fixtures/fuzz/TARGET/` holds them. Each must also go
/// through `ReportParser.parse` as a report or one error line.
@Suite struct FuzzRegressionTests {
    static let directory = FormatFixtures.url("fuzz")

    static var inputs: [(target: FuzzTarget, name: String)] {
        FuzzTarget.allCases.flatMap { target in
            let folder = directory.appendingPathComponent(target.rawValue)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            return names.filter { !$0.hasPrefix(".") }.sorted().map { (target, $0) }
        }
    }

    @Test func thereAreRegressionInputs() {
        #expect(Self.inputs.contains { $0.target == .docx && $0.name == "central-directory-past-end.docx" })
    }

    @Test(arguments: Self.inputs.map { "\($0.target.rawValue)/\($0.name)" })
    func replaysWithoutCrashing(_ path: String) throws {
        let target = try #require(FuzzTarget(rawValue: String(path.prefix { $0 != "/" })))
        let bytes = [UInt8](try Data(contentsOf: Self.directory.appendingPathComponent(path)))
        bytes.withUnsafeBytes { target.run($0) }
        guard DocumentFormat.detect(bytes) != .pdf else { return }
        do {
            _ = try ReportParser().parse(bytes, path: path)
        } catch {
            #expect(!error.description.contains("\n"), "one line: \(error.description)")
            #expect(error.description.hasPrefix(path + ": "))
        }
    }

    /// The seeds the fuzz script starts from: every target has some, made
    /// from `Data/` and the Synthesis module; the dictionary holds the labels.
    @Test(arguments: FuzzTarget.allCases)
    func seedsExistForEveryTarget(_ target: FuzzTarget) throws {
        let seeds = try FuzzSeeds.seeds(for: target, data: TestSupport.data)
        #expect(seeds.count >= 3, "\(target): \(seeds.map(\.name))")
        #expect(Set(seeds.map(\.name)).count == seeds.count)
        let dictionary = FuzzSeeds.dictionary()
        #expect(dictionary.contains(#""<w:tbl>""#) && dictionary.contains(#""PK\x05\x06""#))
        // 行政处罚 as UTF-8 escapes: the labels reach the fuzzer byte for byte.
        let penalty = "行政处罚".utf8.map { String(format: "\\x%02X", $0) }.joined()
        #expect(dictionary.contains(penalty))
    }
}
