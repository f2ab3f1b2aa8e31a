import Foundation
import Testing
@testable import NianbaoKit

/// `ScopeDetector`: a consolidated report says so in a sentence about itself.
@Suite struct BureauScopeTests {
    @Test func consolidationStatementsMakeAnAggregate() {
        let statements: [[String]] = [
            ["本报告涵盖市政府各工作部门和各县、区政府。"],
            ["本报告涵盖全市各县、区政府和市政府各工作部门的政府信息公开工作情况。"],
            ["本年度报告中所列数据为全市各县（区）政府和市政府各部门的数据。"],
            // Wrapped over two lines, as PDF and DOCX text does.
            ["本报告由县政府办公室根据各乡镇、各部门年度", "报告汇总编制而成。"],
            ["根据各县（市、区）政府和省政府各部门年度报告汇总形成本报告。"],
            ["本报告包括全县各乡镇人民政府和县政府各部门。"],
        ]
        for text in statements {
            #expect(ScopeDetector.scope(bureau: "宿迁市人民政府", text: text) == .aggregate, "\(text)")
        }
        #expect(ScopeDetector.scope(bureau: "台安县人民政府办公室", text: statements[0]) == .aggregate)
    }

    @Test func ownReportsStayOwn() {
        let texts: [[String]] = [
            ["根据新修订的《中华人民共和国政府信息公开条例》和省、枣庄市有关工作要求，编制本报告并向社会公开。",
             "本报告所列数据的统计时限自2021年1月1日至2021年12月31日。"],
            // Members without the report speaking of its own scope.
            ["2024年，组织全市各部门开展政府信息公开年度报告编制培训。", "督促各部门及时更新数据。"],
            // A negation says the opposite.
            ["本报告为区政府本级年度报告，不包括区政府各部门。"],
            // 汇总 without members or the report itself.
            ["承办股室统一汇总答复。"],
        ]
        for text in texts {
            #expect(ScopeDetector.scope(bureau: "淮安市洪泽区人民政府", text: text) == .own, "\(text)")
        }
    }

    @Test func aDepartmentCoveringItsUnitsIsItsOwnReport() {
        let text = ["本报告涵盖局机关及所属各部门。"]
        #expect(ScopeDetector.scope(bureau: "山亭区应急管理局", text: text) == .own)
        #expect(ScopeDetector.scope(bureau: "淮安市洪泽区人民政府", text: text) == .aggregate)
    }

    @Test func sampleReportsInDataAreOwn() throws {
        let samples = [
            ("hongze-district-gov-2024.txt", "淮安市洪泽区人民政府"),
            ("shanghai-gov-office-2019.gb18030.txt", "上海市人民政府办公厅"),
        ]
        for (file, bureau) in samples {
            let bytes = try [UInt8](Data(contentsOf: TestSupport.data.appendingPathComponent(file)))
            let text = try TextDecoder.decode(bytes).text
            let lines = text.components(separatedBy: .newlines)
            #expect(lines.count > 20)
            #expect(ScopeDetector.scope(bureau: bureau, text: lines) == .own, "\(file)")
        }
    }

    @Test func scopeRawValuesAreTheStoredOnes() {
        #expect(BureauScope.allCases.map(\.rawValue) == ["own", "aggregate"])
    }
}
