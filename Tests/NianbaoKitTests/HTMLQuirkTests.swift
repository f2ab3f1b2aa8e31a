import Foundation
import Testing
@testable import NianbaoKit
@testable import NianbaoSynthesis

/// One quirk at a time on a fixed report: the quirk is visibly in the page,
/// and the import is still exact (report-format.md §2.3, §11).
@Suite struct HTMLQuirkTests {
    /// A seed whose reports have a non-zero 行政处罚, 保护第三方合法权益 (自然人),
    /// 行政复议总计 and 商业企业 column, blank cells, a 6-decimal V2021 fee, a
    /// decimal V2019 procurement amount and a negative V2019 本年增/减.
    static let seed: UInt64 = 344

    static func report(_ version: TemplateVersion) throws -> SyntheticReport {
        let report = RoundTrip.report(seed: seed, version: version, blankZeros: true)
        for key in ["proactive.penalty.decisions", "outcome.denied.third_party.natural_person", "review.total", "requests.new.org_commercial"] {
            try #require((report.value(key)?.integerValue ?? 0) > 1, "seed \(seed) no longer gives a non-zero \(key)")
        }
        try #require(report.value("outcome.granted.org_research") == nil, "seed \(seed) no longer has blank cells")
        return report
    }

    /// Renders with `quirks`, checks the page with `marker`, imports and compares.
    @discardableResult
    static func check(
        _ quirks: HTMLQuirks, _ version: TemplateVersion, charset: HTMLCharset = .utf8,
        marker: (String, SyntheticReport) -> Bool
    ) throws -> ParsedReport? {
        let synthetic = try report(version)
        let page = HTMLReportRenderer.page(synthetic, quirks: quirks, charset: charset)
        #expect(marker(page, synthetic), "the \(quirks.name) page does not show the quirk")
        #expect(!marker(HTMLReportRenderer.page(synthetic), synthetic), "a clean page shows the \(quirks.name) marker")
        let (parsed, problems) = RoundTrip.html(synthetic, quirks: quirks, charset: charset)
        guard let parsed else {
            Issue.record("\(quirks.name) \(version.rawValue): \(problems.joined())")
            return nil
        }
        let cells = parsed.report.cells
        for key in ["proactive.penalty.decisions", "outcome.denied.third_party.natural_person", "review.total", "requests.new.org_commercial"] {
            #expect(cells[key]?.status == .reported, "\(quirks.name) \(version.rawValue) \(key)")
            #expect(cells[key]?.value == synthetic.value(key), "\(quirks.name) \(version.rawValue) \(key): expected \(synthetic.value(key)!), got \(cells[key]?.value?.description ?? "nil")")
        }
        #expect(cells["outcome.granted.org_research"]?.status == .blank, "\(quirks.name) \(version.rawValue)")
        let amount = version == .v2021 ? "proactive.fee.amount_10k_yuan" : "proactive.procurement.amount_10k_yuan"
        #expect(cells[amount]?.value == synthetic.value(amount), "\(quirks.name) \(version.rawValue) \(amount)")
        #expect(problems.isEmpty, "\(quirks.name) \(version.rawValue): \(RoundTrip.summary(problems))")
        return parsed
    }

    @Test(arguments: TemplateVersion.allCases)
    func layoutWrapper(_ version: TemplateVersion) throws {
        try Self.check(.layoutWrapper, version) { page, _ in
            page.components(separatedBy: "<table").count - 1 > 3 && HTMLReader.read(page).tables.count == 3
        }
    }

    @Test(arguments: TemplateVersion.allCases)
    func flattenedParagraphs(_ version: TemplateVersion) throws {
        try Self.check(.flattenedParagraphs, version) { page, _ in
            !page.contains("<td") && page.contains("<p>&nbsp;</p>") && HTMLReader.read(page).tables.isEmpty
        }
    }

    @Test(arguments: TemplateVersion.allCases)
    func traditionalLabels(_ version: TemplateVersion) throws {
        let parsed = try Self.check(.traditionalLabels, version) { page, report in
            // Labels converted and glossed; numbers untouched.
            page.contains("行政處罰(fá)") && page.contains("規章") && page.contains("收到和處理政府信息公開申請情況")
                && page.contains(">\(report.value("proactive.penalty.decisions")!)<") && !page.contains("规章")
        }
        #expect(parsed?.report.bureau == (try Self.report(version)).bureau)
    }

    @Test(arguments: TemplateVersion.allCases)
    func fullWidthDigits(_ version: TemplateVersion) throws {
        try Self.check(.fullWidthDigits, version) { page, report in
            let amount = report.value(version == .v2021 ? "proactive.fee.amount_10k_yuan" : "proactive.procurement.amount_10k_yuan")!
            return page.contains(">" + HTMLReportRenderer.fullWidth(report.value("review.total")!.description) + "<")
                && page.contains(HTMLReportRenderer.fullWidth(amount.description)) && amount.scale > 0
        }
    }

    @Test(arguments: TemplateVersion.allCases)
    func splitLabels(_ version: TemplateVersion) throws {
        try Self.check(.splitLabels, version) { page, _ in
            page.contains("商业<br />企业") && page.contains("规<br />章") && page.contains("（三） 不予公开")
                && (version == .v2021 ? page.contains("本年制<br />发件数") : page.contains("本年新 制作数量"))
        }
    }

    @Test(arguments: TemplateVersion.allCases)
    func missingCaptions(_ version: TemplateVersion) throws {
        try Self.check(.missingCaptions, version) { page, _ in !page.contains("第二十条") && page.contains("信息内容") }
    }

    @Test(arguments: TemplateVersion.allCases)
    func proseBetweenHeadingAndTable(_ version: TemplateVersion) throws {
        try Self.check(.proseBetweenHeadingAndTable, version) { page, report in
            page.contains("<p>二、主动公开政府信息情况</p>\n<p>本年度内单位行政处罚处理决定数量\(report.value("proactive.penalty.decisions")!)件。</p>\n<table")
        }
    }

    @Test(arguments: TemplateVersion.allCases)
    func spanSoup(_ version: TemplateVersion) throws {
        try Self.check(.spanSoup, version) { page, _ in
            page.contains("<o:p></o:p>") && page.contains("<font face=") && page.contains("<o:p>&nbsp;</o:p>")
        }
    }

    /// Every quirk but flattening at once, the way a mirror copy of an old CMS page looks.
    @Test(arguments: TemplateVersion.allCases)
    func everyGridQuirkTogetherInGB2312(_ version: TemplateVersion) throws {
        let parsed = try Self.check(HTMLQuirks.all.subtracting(.flattenedParagraphs), version, charset: .gb2312) { page, _ in
            page.contains("charset=gb2312") && page.contains("<o:p></o:p>") && !page.contains("第二十条")
        }
        #expect(parsed?.source.encoding == .gb18030)
    }

    /// A layout table whose filler cell sits between the prose sentence and
    /// the statistics table (the two quirks together): the sentence names
    /// 行政处罚 and must not be read as the 行政处罚 row.
    @Test(arguments: TemplateVersion.allCases)
    func layoutWrapperWithProseBeforeTheTable(_ version: TemplateVersion) throws {
        try Self.check([.layoutWrapper, .proseBetweenHeadingAndTable], version) { page, _ in
            page.contains("件。</p>\n<table width=\"100%\" border=\"0\"><tr><td width=\"8\">&nbsp;</td><td>")
        }
    }
}
