import Foundation
@testable import NianbaoKit
import NianbaoTestSupport

/// A temporary database holding reports; the folder goes when the value does.
final class TrendDatabase {
    let directory: URL
    let store: Store
    /// What storing each report returned, in order.
    private(set) var outcomes: [SaveOutcome] = []

    var path: String { store.path }

    /// An empty database.
    init() throws {
        directory = try TestSupport.temporaryDirectory()
        store = try Store(path: directory.appendingPathComponent("trends.db").path)
    }

    /// A database with `reports` parsed and saved in this order.
    convenience init(_ reports: [FixtureReport], aliases: BureauAliasTable = .bundled) throws {
        try self.init()
        for report in reports { try save(report, aliases: aliases) }
    }

    /// The standard fixture.
    static func standard() throws -> TrendDatabase { try TrendDatabase(TrendFixture.reports) }

    /// Parses and saves one report; its outcome.
    @discardableResult
    func save(_ report: FixtureReport, aliases: BureauAliasTable = .bundled) throws -> SaveOutcome {
        let outcome = try store.save(try TrendFixture.parse(report), replace: false, aliases: aliases)
        try store.refreshTotals()
        outcomes.append(outcome)
        return outcome
    }

    /// Saves a report built cell by cell, without a document: for cells a
    /// rendered page cannot hold (missing, ambiguous, invalid, derived).
    ///
    /// Cell text: a number is reported; "" blank; "/" not applicable; "=N"
    /// derived N; "missing", "ambiguous", "invalid" those statuses.
    @discardableResult
    func save(
        bureau: String, year: Int, version: TemplateVersion = .v2021, scope: BureauScope = .own,
        cells: [String: String]
    ) throws -> SaveOutcome {
        var values: [String: CellValue] = [:]
        for (key, text) in cells { values[key] = Self.cell(text) }
        var report = ExtractedReport(
            bureau: bureau, year: year, version: version,
            metadata: ReportMetadata(bureau: bureau, year: year, title: "\(bureau)\(year)年政府信息公开工作年度报告", periodYear: year),
            cells: values, findings: [])
        report.scope = scope
        let source = SourceFile(
            path: "cells/\(bureau)-\(year)", sha256: ReportParser.sha256(Array("\(bureau)|\(year)|\(UUID())".utf8)),
            format: .text, layout: .tabbed, encoding: .utf8)
        let outcome = try store.save(ParsedReport(report: report, source: source), replace: false)
        try store.refreshTotals()
        outcomes.append(outcome)
        return outcome
    }

    static func cell(_ text: String) -> CellValue {
        switch text {
        case "": CellValue(raw: "", status: .blank)
        case "/": CellValue(raw: "/", status: .notApplicable)
        case "missing": CellValue.missing
        case "ambiguous": CellValue(raw: "3 4", status: .ambiguous)
        case "invalid": CellValue(raw: "若干", status: .invalid)
        case let derived where derived.hasPrefix("="):
            CellValue(value: ExactDecimal(String(derived.dropFirst()))!, raw: "", status: .derived)
        default: CellValue(value: ExactDecimal(text)!, raw: text, status: .reported)
        }
    }

    /// Runs a trend.
    func trend(
        _ measures: [String], by grouping: TrendGrouping = .year, from: Int? = nil, to: Int? = nil,
        bureau: String? = nil, region: String? = nil, kind: String? = nil, aliases: BureauAliasTable? = nil
    ) throws -> [TrendRow] {
        let request = TrendRequest(
            measures: measures.map { MeasureCatalog.standard.measure($0)! }, from: from, to: to, grouping: grouping,
            bureau: bureau, region: region, kind: kind, aliases: aliases)
        return try TrendQuery(request).run(on: store)
    }

    /// SQL results as CSV text (via RowWriter).
    func csv(_ sql: String, _ parameters: [String: String] = [:]) throws -> String {
        CSV.text(try store.readOnlyQuery(sql, parameters: parameters))
    }

    deinit { TestSupport.cleanUp(directory) }
}

/// CSV rendering of tables for comparisons.
enum CSV {
    static func text(_ table: ResultTable, byteOrderMark: Bool = false, chineseHeaders: Bool = false) -> String {
        let sink = OutputSink()
        RowWriter.write(table, format: .csv, to: sink, byteOrderMark: byteOrderMark, chineseHeaders: chineseHeaders)
        return sink.text
    }

    /// Lines as written in a test (LF) turned into CSV records (CRLF).
    static func crlf(_ text: String) -> String { text.replacingOccurrences(of: "\n", with: "\r\n") }
}

extension Array where Element == TrendRow {
    /// The rows of one group and measure by year.
    func series(_ group: String, _ measure: String) -> [Int: TrendRow] {
        Dictionary(filter { $0.group == group && $0.measure == measure }.map { ($0.year, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// The values of one group and measure by year, as text ("" for nil).
    func values(_ group: String, _ measure: String) -> [Int: String] {
        series(group, measure).mapValues { $0.value?.description ?? "" }
    }
}
