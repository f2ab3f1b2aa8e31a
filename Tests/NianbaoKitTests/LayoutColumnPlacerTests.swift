import Foundation
import Testing
@testable import NianbaoKit
@testable import NianbaoSynthesis

/// Layout text whose blank cells are only spaces: each number is placed under
/// the column it stands in, by display width (a CJK character is two columns).
@Suite struct LayoutColumnPlacerTests {
    /// A V2019 report where only 自然人 and 总计 are filled, as many are.
    static func naturalPersonsOnly(seed: UInt64) -> SyntheticReport {
        var report = RoundTrip.report(seed: seed, version: .v2019, blankZeros: true)
        let organisations = ["org_commercial", "org_research", "org_public_interest", "org_legal_service", "org_other"]
        for key in report.cells.keys where organisations.contains(where: { key.hasSuffix("." + $0) }) {
            report.cells[key] = .some(nil)
        }
        for key in report.cells.keys where key.hasSuffix(".total") && !key.hasPrefix("review") && !key.hasPrefix("litigation") {
            let person = String(key.dropLast("total".count)) + "natural_person"
            if let value = report.cells[person] { report.cells[key] = value ?? ExactDecimal(0) }
        }
        return report
    }

    @Test(arguments: 0..<12)
    func twoNumbersOfSevenArePlacedByTheirColumns(_ seed: Int) throws {
        let synthetic = Self.naturalPersonsOnly(seed: UInt64(seed))
        let text = LayoutTextRenderer.render(synthetic, quirks: [])
        let parsed = try ReportParser().parse(Array(text.utf8), path: "natural-persons.txt")
        #expect(parsed.source.layout == .columns)
        let requests = synthetic.cells.keys.filter { !$0.hasPrefix("proactive") && !$0.hasPrefix("review") && !$0.hasPrefix("litigation") }
        for key in requests.sorted() {
            let cell = parsed.report.cells[key]
            if let expected = synthetic.value(key) {
                #expect(cell?.value == expected && cell?.status == .reported, "\(key): \(cell.map { "\($0.status) \($0.value?.description ?? "nil")" } ?? "not stored")")
            } else {
                #expect(cell?.status == .blank, "\(key): \(cell.map { "\($0.status) \($0.value?.description ?? "nil")" } ?? "not stored")")
            }
        }
        #expect(!parsed.report.findings.contains { $0.rule == "ambiguous_row" && $0.message.hasPrefix("section 三") }, "\(parsed.report.findings.map(\.message))")
    }

    @Test func cellsCarryTheirColumnsBothWays() {
        let cells = LayoutTextReader.spannedCells("规章  12     3")
        #expect(cells.map(\.text) == ["规章", "12", "3"])
        // 规章 is two characters but four display columns.
        #expect(cells.map(\.span.characters) == [0...1, 4...5, 11...11])
        #expect(cells.map(\.span.display) == [0...3, 6...7, 13...13])
        #expect(LayoutTextReader.spannedCells("1339 3279").map(\.span.characters) == [0...3, 5...8])
    }

    /// `text` padded with spaces to `width` characters, as pdftotext pads (one column per character).
    static func pad(_ text: String, _ width: Int) -> String { text + String(repeating: " ", count: max(width - text.count, 1)) }

    static let header = pad("", 40) + ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"].map { pad($0, 8) }.joined()

    /// Numbers under 自然人 and 总计 are placed; the blank columns between stay blank.
    @Test func numbersUnderTheirHeadersArePlaced() {
        let text = Self.header + "\n" + Self.pad("一、本年新收政府信息公开申请数量", 40) + Self.pad("7", 48) + "7\n"
        let rows = LayoutTextReader.read(text).tables.first?.rows ?? []
        #expect(rows.last?.cells.map(\.text) == ["一、本年新收政府信息公开申请数量", "7", "", "", "", "", "", "7"])
    }

    /// A number that stands between two headers is left for the extractor, never guessed.
    @Test func aNumberBetweenTwoHeadersIsNotPlaced() {
        let text = Self.header + "\n" + Self.pad("一、本年新收政府信息公开申请数量", 40) + Self.pad("7", 48) + "7\n"
            + Self.pad("二、上年结转政府信息公开申请数量", 40) + Self.pad("", 6) + Self.pad("1", 42) + "1\n"
        let rows = LayoutTextReader.read(text).tables.first?.rows ?? []
        #expect(rows.count == 3)
        #expect(rows[1].cells.map(\.text) == ["一、本年新收政府信息公开申请数量", "7", "", "", "", "", "", "7"])
        // The 1 at column 46 stands in the gap after 自然人 (40–42) and before 商业企业 (48–51).
        #expect(rows[2].cells.map(\.text) == ["二、上年结转政府信息公开申请数量", "1", "1"])
    }
}
