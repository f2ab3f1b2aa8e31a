import Testing
@testable import NianbaoKit

/// report-format.md §10.4: the template version comes from the labels, never the year.
@Suite struct VersionDetectorTests {
    private func rows(_ texts: [[String]]) -> [LocatedRow] {
        texts.enumerated().map { index, cells in
            LocatedRow(table: 1, index: index + 1, row: TableRow(cells: cells.map { TableCell($0) }))
        }
    }

    @Test(arguments: [
        [["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"], ["规章", "0", "0", "0"]],
        [["信息内容", "本年收费金额（单位：万元）"], ["行政事业性收费", "26.55"]],
        [["（六）其他处理", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "0", "0", "0", "0", "0", "0", "0"]],
        // Split over lines and spaced, as converters write headers.
        [["信息内容", "本年制发\n件数", "本年 废止件数", "现行有效 件数"]],
    ])
    func v2021Markers(_ texts: [[String]]) throws {
        let detected = try #require(VersionDetector.detect(rows(texts)))
        #expect(detected.version == .v2021)
        #expect(detected.finding == nil)
    }

    @Test(arguments: [
        [["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"], ["规章", "0", "0", "0"]],
        [["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"], ["行政许可", "8", "0", "18000"]],
        [["第二十条第（九）项"], ["信息内容", "采购项目数量", "采购总金额"], ["政府集中采购", "3", "251000元"]],
        [["本年新\n制作数量", "本年新\n公开数量"]],
    ])
    func v2019Markers(_ texts: [[String]]) throws {
        let detected = try #require(VersionDetector.detect(rows(texts)))
        #expect(detected.version == .v2019)
        #expect(detected.finding == nil)
    }

    @Test(arguments: [
        [[String]](),
        [["一、本年新收政府信息公开申请数量", "1", "0", "0", "0", "0", "0", "1"]],
        [["申请总数", "12"], ["同意公开答复数", "10"], ["否决公开答复总数", "2"]],  // PRE2019 form
        [["行政复议", "行政诉讼"]],
    ])
    func noMarkersIsNil(_ texts: [[String]]) {
        let detected = VersionDetector.detect(rows(texts))
        let found = detected != nil
        #expect(!found, "detected \(String(describing: detected?.version)) in \(texts)")
    }

    @Test func bothVersionsGiveAConflictFinding() throws {
        let detected = try #require(VersionDetector.detect(rows([
            ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
            ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"],
        ])))
        let finding = try #require(detected.finding)
        #expect(finding.rule == "version_conflict")
        #expect(finding.severity == .warning)
        // Three V2021 markers against one V2019 marker.
        #expect(detected.version == .v2021)
    }

    @Test func conflictFollowsTheMajority() throws {
        let detected = try #require(VersionDetector.detect(rows([
            ["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"],
            ["本年收费金额"],
        ])))
        #expect(detected.version == .v2019)
        #expect(detected.finding?.rule == "version_conflict")
    }
}
