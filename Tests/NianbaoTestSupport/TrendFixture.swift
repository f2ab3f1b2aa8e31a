import Foundation
import NianbaoKit

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
public enum TrendFixture {
    public static let shanting = "山亭区应急管理局"
    public static let shantingShort = "山亭区应急局"
    public static let shantingOld = "山亭区安全生产监督管理局"
    public static let shuyangNDRC = "沭阳县发展和改革局"
    public static let shuyangGov = "沭阳县人民政府"
    public static let consolidationSentence = "本报告涵盖县政府各部门和各乡镇的政府信息公开工作情况。"

    public static var reports: [FixtureReport] {
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
    public static func parse(_ report: FixtureReport) throws -> ParsedReport {
        try ReportParser().parse(Array(report.text().utf8), path: "fixture/" + report.fileName)
    }

    /// Writes every report as a text file into `directory`; the paths.
    @discardableResult
    public static func write(_ reports: [FixtureReport] = reports, to directory: URL) throws -> [URL] {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return try reports.map { report in
            let url = directory.appendingPathComponent(report.fileName)
            try report.text().write(to: url, atomically: true, encoding: .utf8)
            return url
        }
    }
}
