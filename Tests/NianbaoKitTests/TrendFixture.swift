import Foundation
@testable import NianbaoKit
@testable import NianbaoSynthesis

/// One report whose every cell the test states: everything not named here is
/// printed as 0. Section 三 values go in the 自然人 column and its 总计 (the
/// other applicant columns are 0), so R1–R4 hold by construction when
/// `applications` is derived from the others (new = handled + carried out −
/// carried in).
struct FixtureReport {
    var bureau: String
    var year: Int
    var version: TemplateVersion
    /// A government's consolidated report: its text says it covers the departments.
    var aggregate = false
    /// 行政处罚 decisions (nil: the cell is printed blank).
    var penalties: Int? = 0
    var licences = 0
    var coercion = 0
    var granted = 0
    var partial = 0
    /// （三）不予公开 rows by sub-key (`third_party`, `state_secret` …).
    var denied: [String: Int] = [:]
    /// （四）无法提供 rows by sub-key (`not_held`, `needs_creation`, `still_unclear`).
    var unavailable: [String: Int] = [:]
    var carriedIn = 0
    var carriedOut = 0
    /// Section 四 blocks: [维持, 纠正, 其他, 尚未审结]; the 总计 is their sum.
    var review = [0, 0, 0, 0]
    var direct = [0, 0, 0, 0]
    var afterReview = [0, 0, 0, 0]
    /// 行政规范性文件: V2021 [issued, repealed, in_force]; V2019 [issued, new_published, published_total].
    var normative = [0, 0, 0]
    /// V2021 行政事业性收费 本年收费金额 (万元).
    var fee = "0"
    /// Keys printed blank (after everything else is set).
    var blank: Set<String> = []

    var handled: Int {
        granted + partial + denied.values.reduce(0, +) + unavailable.values.reduce(0, +)
    }

    var applications: Int { handled + carriedOut - carriedIn }

    /// The synthetic report with exactly these cells.
    func synthetic() -> SyntheticReport {
        var cells: [String: ExactDecimal?] = [:]
        for metric in MetricCatalog.standard.requiredMetrics(for: version) { cells[metric.key] = .some(ExactDecimal(0)) }
        func set(_ key: String, _ value: Int) {
            precondition(cells[key] != nil, "\(key) is not a required cell of \(version)")
            cells[key] = .some(ExactDecimal(value))
        }
        func setRow(_ row: String, _ value: Int) {
            set(row + ".natural_person", value)
            set(row + ".total", value)
        }
        if let penalties { set("proactive.penalty.decisions", penalties) } else { cells["proactive.penalty.decisions"] = .some(nil) }
        set("proactive.license.decisions", licences)
        set("proactive.coercion.decisions", coercion)
        let normativeColumns = version == .v2021 ? ["issued", "repealed", "in_force"] : ["issued", "new_published", "published_total"]
        for (column, value) in zip(normativeColumns, normative) { set("proactive.normative_doc." + column, value) }
        if version == .v2021 { cells["proactive.fee.amount_10k_yuan"] = .some(ExactDecimal(fee)!) }
        setRow("outcome.granted", granted)
        setRow("outcome.partial", partial)
        for (reason, value) in denied { setRow("outcome.denied." + reason, value) }
        for (reason, value) in unavailable { setRow("outcome.unavailable." + reason, value) }
        setRow("outcome.total", handled)
        setRow("requests.carried_in", carriedIn)
        setRow("carried_out", carriedOut)
        precondition(applications >= 0, "negative applications for \(bureau) \(year)")
        setRow("requests.new", applications)
        for (block, values) in [("review", review), ("litigation.direct", direct), ("litigation.after_review", afterReview)] {
            for (column, value) in zip(["upheld", "corrected", "other", "pending"], values) { set(block + "." + column, value) }
            set(block + ".total", values.reduce(0, +))
        }
        for key in blank {
            precondition(cells[key] != nil, "\(key) is not a required cell of \(version)")
            cells[key] = .some(nil)
        }
        return SyntheticReport(bureau: bureau, year: year, version: version, cells: cells, publishedOn: "\(year + 1)-01-20")
    }

    /// The report as text (the DOCX-to-text layout), with the consolidated-report
    /// sentence ScopeDetector recognises when `aggregate`.
    func text() -> String {
        let text = TextReportRenderer.render(synthetic())
        guard aggregate else { return text }
        let anchor = "其他需要报告的事项。"
        precondition(text.contains(anchor))
        return text.replacingOccurrences(of: anchor, with: anchor + TrendFixture.consolidationSentence)
    }

    /// A file name for the report.
    var fileName: String { "\(bureau)-\(year).txt" }
}

/// A small deterministic set of reports in a temporary database, for the
/// trend, query and cross-year tests. Every number below is stated, so the
/// expected trends can be worked out by hand (they are, in the tests).
///
/// | report | version | penalties | new | in | handled (granted+partial) | out | 复议 | 诉讼 | 规范性文件 | fee |
/// |---|---|---|---|---|---|---|---|---|---|---|
/// | 山亭区安全生产监督管理局 2018 (alias → 山亭区应急管理局) | V2019 | 5 | 4 | 0 | 4 (2+1) | 0 | 1 | 0 | 1,1,5 | – |
/// | 山亭区应急管理局 2019 | V2019 | 12 | 10 | 0 | 9 (6+1) | 1 | 2 (纠正 1) | 2 (direct: 纠正 1, pending 1) | 2,2,7 | – |
/// | 山亭区应急管理局 2020 | V2019 | 0 | 8 | 1 | 7 (3+0) | 2 | 0 | 1 | 3,3,10 | – |
/// | 山亭区应急管理局 2021 | V2021 | 15 | 12 | 2 | 13 (8+2) | 1 | 3 (纠正 1) | 1 (after review: 其他) | 4,0,20 | 38.441094 |
/// | 山亭区应急管理局 2022 | V2021 | 20 | 9 | 1 | 9 (5+1) | 1 | 1 (pending) | 1 (direct: 维持) | 3,1,22 | 26.55 |
/// | 山亭区应急局 2023 (alias; 三/四 identical to 2022) | V2021 | 18 | 9 | 1 | 9 (5+1) | 1 | 1 | 1 | 1,0,23 | 0 |
/// | 沭阳县发展和改革局 2021 | V2021 | 7 | 20 | 0 | 18 (10+4) | 2 | 1 | 0 | 5,0,10 | 1.5 |
/// | 沭阳县发展和改革局 2022 (S1: in 3 ≠ 2; S2: 10+2−1 ≠ 12; 部分公开 blank) | V2021 | 9 | 15 | 3 | 16 (8+blank) | 2 | 0 | 2 (direct: 纠正 2) | 2,1,12 | 2.25 |
/// | 沭阳县人民政府 2022 (aggregate) | V2021 | 100 | 50 | 0 | 50 (50+0) | 0 | 1 (纠正 1) | 0 | 0,0,0 | 10 |
enum TrendFixture {
    static let shanting = "山亭区应急管理局"
    static let shantingShort = "山亭区应急局"
    static let shantingOld = "山亭区安全生产监督管理局"
    static let shuyangNDRC = "沭阳县发展和改革局"
    static let shuyangGov = "沭阳县人民政府"
    static let consolidationSentence = "本报告涵盖县政府各部门和各乡镇的政府信息公开工作情况。"

    static var reports: [FixtureReport] {
        let a22 = FixtureReport(
            bureau: shanting, year: 2022, version: .v2021, penalties: 20, licences: 6, coercion: 0,
            granted: 5, partial: 1, denied: ["third_party": 1], unavailable: ["not_held": 2], carriedIn: 1, carriedOut: 1,
            review: [0, 0, 0, 1], direct: [1, 0, 0, 0], normative: [3, 1, 22], fee: "26.55")
        var a23 = a22
        a23.bureau = shantingShort
        a23.year = 2023
        a23.penalties = 18
        a23.licences = 7
        a23.coercion = 1
        a23.normative = [1, 0, 23]
        a23.fee = "0"
        return [
            FixtureReport(
                bureau: shantingOld, year: 2018, version: .v2019, penalties: 5, licences: 2, coercion: 1,
                granted: 2, partial: 1, denied: ["third_party": 1], review: [1, 0, 0, 0], normative: [1, 1, 5]),
            FixtureReport(
                bureau: shanting, year: 2019, version: .v2019, penalties: 12, licences: 3, coercion: 0,
                granted: 6, partial: 1, unavailable: ["not_held": 2], carriedIn: 0, carriedOut: 1,
                review: [1, 1, 0, 0], direct: [0, 1, 0, 1], normative: [2, 2, 7]),
            FixtureReport(
                bureau: shanting, year: 2020, version: .v2019, penalties: 0, licences: 4, coercion: 2,
                granted: 3, denied: ["process_info": 2], unavailable: ["not_held": 2], carriedIn: 1, carriedOut: 2,
                direct: [1, 0, 0, 0], normative: [3, 3, 10]),
            FixtureReport(
                bureau: shanting, year: 2021, version: .v2021, penalties: 15, licences: 5, coercion: 3,
                granted: 8, partial: 2, unavailable: ["needs_creation": 3], carriedIn: 2, carriedOut: 1,
                review: [2, 1, 0, 0], afterReview: [0, 0, 1, 0], normative: [4, 0, 20], fee: "38.441094"),
            a22,
            a23,
            FixtureReport(
                bureau: shuyangNDRC, year: 2021, version: .v2021, penalties: 7, licences: 30, coercion: 0,
                granted: 10, partial: 4, denied: ["state_secret": 1], unavailable: ["not_held": 3], carriedIn: 0, carriedOut: 2,
                review: [1, 0, 0, 0], normative: [5, 0, 10], fee: "1.5"),
            FixtureReport(
                bureau: shuyangNDRC, year: 2022, version: .v2021, penalties: 9, licences: 25, coercion: 1,
                granted: 8, partial: 0, unavailable: ["not_held": 8], carriedIn: 3, carriedOut: 2,
                direct: [0, 2, 0, 0], normative: [2, 1, 12], fee: "2.25",
                blank: Set(MetricCatalog.standard.applicantColumns.map { "outcome.partial." + $0.key })),
            FixtureReport(
                bureau: shuyangGov, year: 2022, version: .v2021, aggregate: true, penalties: 100, licences: 200, coercion: 10,
                granted: 50, review: [0, 1, 0, 0], normative: [0, 0, 0], fee: "10"),
        ]
    }

    /// Parses a report the way `import` does (text layout, ReportParser).
    static func parse(_ report: FixtureReport) throws -> ParsedReport {
        try ReportParser().parse(Array(report.text().utf8), path: "fixture/" + report.fileName)
    }

    /// Writes every report as a text file into `directory`; the paths.
    @discardableResult
    static func write(_ reports: [FixtureReport] = reports, to directory: URL) throws -> [URL] {
        try reports.map { report in
            let url = directory.appendingPathComponent(report.fileName)
            try report.text().write(to: url, atomically: true, encoding: .utf8)
            return url
        }
    }
}

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
