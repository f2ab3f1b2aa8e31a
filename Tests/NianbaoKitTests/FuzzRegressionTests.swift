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
        // PDF seeds are poppler's word boxes of Data/'s PDFs, and one written by hand.
        #expect(seeds.count >= (target == .pdf && !FormatFixtures.hasPDFToText ? 1 : 3), "\(target): \(seeds.map(\.name))")
        #expect(Set(seeds.map(\.name)).count == seeds.count)
        let dictionary = FuzzSeeds.dictionary()
        #expect(dictionary.contains(#""<w:tbl>""#) && dictionary.contains(#""PK\x05\x06""#))
        // 行政处罚 as UTF-8 escapes: the labels reach the fuzzer byte for byte.
        let penalty = "行政处罚".utf8.map { String(format: "\\x%02X", $0) }.joined()
        #expect(dictionary.contains(penalty))
    }
}

/// Found by the fuzzers (markdown and layout targets): 19-digit numbers in
/// one identity overflowed Int and trapped the whole import.
@Suite struct OverflowRegressionTests {
    @Test(arguments: ["markdown/int64-overflow-in-identity.md", "layout/int64-overflow-in-identity.txt"])
    func hugeNumbersAreAnErrorFindingNotATrap(_ path: String) throws {
        let bytes = [UInt8](try Data(contentsOf: FuzzRegressionTests.directory.appendingPathComponent(path)))
        let parsed = try ReportParser().parse(bytes, path: path)
        let r1 = parsed.report.findings.filter { $0.rule == "R1" && $0.message.contains("too large to add up") }
        #expect(!r1.isEmpty, "\(parsed.report.findings.map(\.message))")
        #expect(r1.allSatisfy { $0.severity == .error })
        #expect(parsed.report.cells["requests.new.natural_person"]?.value == ExactDecimal("9223372036854775807"), "stored as printed")
        #expect(parsed.report.cells["requests.new.natural_person"]?.flags.contains("identity_violation") == true)
    }
}
