import Foundation
import Testing
@testable import NianbaoKit
@testable import NianbaoSynthesis

/// The synthesiser's promises: deterministic per seed, every required cell
/// present, every identity of the catalog met, blanks only where values are zero.
@Suite struct SynthesisTests {
    static let catalog = MetricCatalog.standard

    @Test func splitMix64MatchesTheReferenceSequence() {
        // Vigna's splitmix64.c from state 0.
        var generator = SeededGenerator(seed: 0)
        #expect(generator.next() == 0xE220_A839_7B1D_CDAF)
        #expect(generator.next() == 0x6E78_9E6A_A1B9_65F4)
        #expect(generator.next() == 0x06C4_5D18_8009_454F)
    }

    @Test func sameSeedSameReportsOtherSeedOtherReports() {
        var first = ReportSynthesizer(seed: 42)
        var second = ReportSynthesizer(seed: 42)
        var other = ReportSynthesizer(seed: 43)
        for version in TemplateVersion.allCases {
            let a = first.make(bureau: "沭阳县发展和改革局", year: 2023, version: version)
            let b = second.make(bureau: "沭阳县发展和改革局", year: 2023, version: version)
            let c = other.make(bureau: "沭阳县发展和改革局", year: 2023, version: version)
            #expect(a == b)
            #expect(a != c)
            // Rendering is deterministic too.
            #expect(HTMLReportRenderer.render(a, quirks: .all, charset: .gb2312) == HTMLReportRenderer.render(b, quirks: .all, charset: .gb2312))
            #expect(TextReportRenderer.render(a) == TextReportRenderer.render(b))
        }
        // Successive reports of one synthesiser differ.
        var sequence = ReportSynthesizer(seed: 42)
        let one = sequence.make(bureau: "甲局", year: 2022, version: .v2021)
        let two = sequence.make(bureau: "甲局", year: 2022, version: .v2021)
        #expect(one.cells != two.cells)
    }

    @Test(arguments: TemplateVersion.allCases)
    func everyRequiredMetricAndNothingElse(_ version: TemplateVersion) {
        var synthesizer = ReportSynthesizer(seed: 1)
        let report = synthesizer.make(bureau: "昆明市应急管理局", year: 2022, version: version)
        let required = Set(Self.catalog.requiredMetrics(for: version).map(\.key))
        #expect(Set(report.cells.keys) == required)
        #expect(report.cells.count == (version == .v2021 ? 200 : 198))
        #expect(report.cells.values.allSatisfy { $0 != nil }, "without blankZeros every cell is printed")
    }

    @Test(arguments: TemplateVersion.allCases, [false, true])
    func identitiesHoldForManySeeds(_ version: TemplateVersion, _ blankZeros: Bool) {
        let validator = Validator()
        for seed in UInt64(0)..<150 {
            var synthesizer = ReportSynthesizer(seed: seed)
            let synthetic = synthesizer.make(bureau: "淮安市洪泽区人民政府", year: 2024, version: version, blankZeros: blankZeros)
            var report = synthetic.extractedReport()
            validator.validate(&report)
            let errors = report.findings.filter { $0.severity == .error }
            #expect(errors.isEmpty, "seed \(seed): \(errors.map(\.message))")
            // Nothing was derived: every total is printed.
            #expect(!report.cells.values.contains { $0.status == .derived }, "seed \(seed)")
        }
    }

    /// The identity check above can fail: one changed cell breaks an identity.
    @Test(arguments: ["requests.new.natural_person", "outcome.denied.third_party.org_other", "review.pending", "outcome.total.total"])
    func aChangedCellBreaksAnIdentity(_ key: String) throws {
        var synthesizer = ReportSynthesizer(seed: 9)
        var synthetic = synthesizer.make(bureau: "上海市人民政府办公厅", year: 2021, version: .v2021)
        let value = try #require(synthetic.value(key))
        synthetic.cells[key] = .some(ExactDecimal(value.integerValue! + 1))
        var report = synthetic.extractedReport()
        Validator().validate(&report)
        #expect(report.findings.contains { $0.severity == .error }, "\(key) + 1 went unnoticed")
    }

    @Test(arguments: TemplateVersion.allCases)
    func blankZerosBlanksExactlyTheZeroComponents(_ version: TemplateVersion) {
        let totals = Set(Self.catalog.identities(for: version).compactMap(\.total))
        var blanks = 0
        for seed in UInt64(0)..<40 {
            var plain = ReportSynthesizer(seed: seed)
            var blanked = ReportSynthesizer(seed: seed)
            let full = plain.make(bureau: "朝阳市自然资源局", year: 2025, version: version)
            let sparse = blanked.make(bureau: "朝阳市自然资源局", year: 2025, version: version, blankZeros: true)
            #expect(Set(full.cells.keys) == Set(sparse.cells.keys))
            for (key, value) in full.cells {
                let zero = value == ExactDecimal(0)
                if zero && !totals.contains(key) {
                    #expect(sparse.cells[key]! == nil, "seed \(seed) \(key): zero component not blank")
                    blanks += 1
                } else {
                    #expect(sparse.cells[key]! == value, "seed \(seed) \(key): \(String(describing: value)) became \(String(describing: sparse.cells[key]))")
                }
            }
            for total in totals where full.cells[total] != nil {
                #expect(sparse.cells[total]! != nil, "seed \(seed): total \(total) blank")
            }
        }
        #expect(blanks > 1000, "blankZeros produced only \(blanks) blanks")
    }

    /// The values look like real ones: zeros, small counts, some large ones,
    /// decimal fees, signed V2019 item changes, never a negative count.
    @Test func valuesHaveRealisticShapes() {
        var zeros = 0, small = 0, large = 0, fractionDigits = 0, negativeChanges = 0, procurementDecimals = 0
        for seed in UInt64(0)..<60 {
            var synthesizer = ReportSynthesizer(seed: seed)
            for version in TemplateVersion.allCases {
                let report = synthesizer.make(bureau: "广州市人民政府办公厅", year: 2021, version: version)
                for (key, optional) in report.cells {
                    guard let value = optional, let metric = Self.catalog.metric(key) else { continue }
                    if metric.unit == .tenThousandYuan {
                        #expect(value.scale <= 6, "\(key) = \(value)")
                        if key == "proactive.fee.amount_10k_yuan" { fractionDigits = max(fractionDigits, value.scale) }
                        if key == "proactive.procurement.amount_10k_yuan", value.scale > 0 { procurementDecimals += 1 }
                        continue
                    }
                    #expect(value.integerValue != nil, "\(key) = \(value) is not an integer")
                    if metric.isSigned {
                        if value.isNegative { negativeChanges += 1 }
                        continue
                    }
                    #expect(!value.isNegative, "\(key) = \(value)")
                    let int = value.integerValue ?? 0
                    if int == 0 { zeros += 1 } else if int < 100 { small += 1 } else if int >= 1000 { large += 1 }
                }
            }
        }
        #expect(zeros > small && small > large && large > 10, "zeros \(zeros), small \(small), large \(large)")
        #expect(fractionDigits == 6)
        #expect(negativeChanges > 0)
        #expect(procurementDecimals > 0)
    }

    @Test func textLayoutFollowsTheConverterOutput() {
        var synthesizer = ReportSynthesizer(seed: 3)
        let report = synthesizer.make(bureau: "淮安市洪泽区人民政府", year: 2024, version: .v2021, blankZeros: true)
        let text = TextReportRenderer.render(report)
        let lines = text.components(separatedBy: "\n")
        #expect(lines[0] == "淮安市洪泽区人民政府2024年政府信息公开")
        #expect(lines[1] == "工作年度报告")
        #expect(text.contains("\t第二十条第（一）项\n\n\t信息内容\n\t本年制发件数\n\t本年废止件数\n\t现行有效件数\n\n\t规章\n"))
        // The section 三 header: the wrapped note, then row-span continuations as empty cells.
        #expect(text.contains("\t（本列数据的勾稽关系为：第一项加第二项之和，\n等于第三项加第四项之和）\n\t申请人情况\n\n\t\n\t自然人\n\t法人或其他组织\n\t总计\n\n\t\n\t\n\t商业企业\n"))
        #expect(text.contains("\t其他\n\t\n\n\t一、本年新收政府信息公开申请数量\n"))
        #expect(text.contains("\n\t\n\t\n\t2.其他法律行政法规禁止公开\n"))
        #expect(text.contains("\n\t\n\t\n\t\n\t\n\t\n\t结果维持\n"))
    }

    @Test func htmlPageCarriesTitleDatePeriodAndHeadings() {
        var synthesizer = ReportSynthesizer(seed: 5)
        let report = synthesizer.make(bureau: "重庆市开州区公安局", year: 2021, version: .v2021)
        let page = HTMLReportRenderer.page(report)
        #expect(page.contains("<title>重庆市开州区公安局2021年政府信息公开工作年度报告</title>"))
        #expect(page.contains("发布日期：\(report.publishedOn)"))
        #expect(page.contains("本报告所列数据统计期限自2021年1月1日至2021年12月31日止。"))
        for heading in PrintedTemplate.headings { #expect(page.contains("<p>\(heading)</p>")) }
        #expect(page.contains(#"<td rowspan="22" style="width:120px;" valign="center"><p align="center">三、本年度办理结果</p></td>"#))
        let v2019 = HTMLReportRenderer.page(synthesizer.make(bureau: "上海市人民政府办公厅", year: 2019, version: .v2019))
        #expect(v2019.contains(#"<td rowspan="20""#))
        #expect(v2019.contains(#"<td colspan="2" style="width:240px;" valign="center"><p align="left">（六）其他处理</p></td>"#))
        // GB2312 pages are GB18030 bytes: not valid UTF-8, and iconv reads them back.
        let bytes = HTMLReportRenderer.render(report, quirks: .traditionalLabels, charset: .gb2312)
        #expect(String(validating: bytes, as: UTF8.self) == nil)
        #expect((try? TextDecoder.decode(bytes, as: .gb18030)) == HTMLReportRenderer.page(report, quirks: .traditionalLabels, charset: .gb2312))
    }
}
