import Foundation
import NianbaoKit

/// Writes a synthetic corpus for benchmarks and tests: many bureaus over the
/// report years 2019–2025 (both template versions), every report satisfying
/// every identity, rendered in a realistic mix of formats — 60 % HTML with
/// layout noise, 20 % tabbed text, 10 % PDF layout text, 10 % DOCX — or
/// HTML and tabbed text alternately (``Mix/htmlAndText``, the formats whose
/// import issue 15 sets at 1 000 reports a second).
/// Deterministic for a seed: the same seed writes the same bytes.
public struct CorpusGenerator: Sendable {
    /// Which formats the reports are rendered in.
    public enum Mix: String, Sendable, CaseIterable {
        /// 60 % HTML, 20 % tabbed text, 10 % layout text, 10 % DOCX.
        case mixed
        /// HTML and tabbed text, one each in turn.
        case htmlAndText = "html-text"
    }

    public let seed: UInt64
    public let mix: Mix
    /// The report years; 2019–2020 print V2019 tables, later years V2021.
    public static let years = Array(2019...2025)
    static let kinds = ["应急管理局", "公安局", "市场监督管理局", "自然资源局", "交通运输局", "卫生健康委员会", "人民政府办公室", "发展和改革局"]

    public init(seed: UInt64 = 1, mix: Mix = .mixed) {
        self.seed = seed
        self.mix = mix
    }

    /// The bureau of report `index`: a place named in Chinese numerals (never
    /// digits, which a title would confuse with the year) and a kind.
    public static func bureau(_ index: Int) -> String {
        let place = index / kinds.count
        return "样例" + chineseNumeral(place) + "县" + kinds[index % kinds.count]
    }

    /// Writes `count` reports under `directory` (in folders of 1 000) and
    /// returns their paths and total size in bytes.
    public func write(count: Int, to directory: URL) throws -> (files: [String], bytes: Int) {
        var files: [String] = []
        var bytes = 0
        let manager = FileManager.default
        for index in 0..<count {
            let bureau = Self.bureau(index / Self.years.count)
            let year = Self.years[index % Self.years.count]
            var synthesizer = ReportSynthesizer(seed: seed &* 1_000_003 &+ UInt64(index))
            let report = synthesizer.make(
                bureau: bureau, year: year, version: year <= 2020 ? .v2019 : .v2021, blankZeros: index % 3 == 0)
            let slot = mix == .mixed ? index % 10 : index % 2 == 0 ? 0 : 6
            let (data, suffix): (Data, String) =
                switch slot {
                case 0...5:
                    (Data(HTMLReportRenderer.render(report, quirks: [.layoutWrapper, .spanSoup])), "html")
                case 6, 7: (Data(TextReportRenderer.render(report).utf8), "txt")
                case 8: (Data(LayoutTextRenderer.render(report, quirks: .all).utf8), "layout.txt")
                default: (try DOCXReportRenderer.render(report), "docx")
                }
            let folder = directory.appendingPathComponent(String(format: "%04d", index / 1000))
            if index % 1000 == 0 { try manager.createDirectory(at: folder, withIntermediateDirectories: true) }
            let url = folder.appendingPathComponent(String(format: "%07d.%@", index, suffix))
            try data.write(to: url)
            files.append(url.path)
            bytes += data.count
        }
        return (files, bytes)
    }

    /// 12 → "一二": digits spelled one by one.
    static func chineseNumeral(_ number: Int) -> String {
        let digits = Array("零一二三四五六七八九")
        return String(String(number).map { digits[Int(String($0))!] })
    }
}
