import Testing
@testable import NianbaoKit

/// `DivisionTable.region(of:)` on the bundled national division table, and
/// the divisions CSV format.
@Suite struct DivisionTableTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let region: BureauRegion
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        // County written alone, unique nationally: parents completed.
        Case(name: "沭阳县发展和改革局", region: .init(province: "江苏省", city: "宿迁市", county: "沭阳县", code: "321322")),
        Case(name: "山亭区应急局", region: .init(province: "山东省", city: "枣庄市", county: "山亭区", code: "370406")),
        // City then county.
        Case(name: "淮安市洪泽区人民政府", region: .init(province: "江苏省", city: "淮安市", county: "洪泽区", code: "320813")),
        Case(name: "枣庄市山亭区应急管理局", region: .init(province: "山东省", city: "枣庄市", county: "山亭区", code: "370406")),
        // Province, city, county in full.
        Case(name: "江苏省宿迁市沭阳县人民政府", region: .init(province: "江苏省", city: "宿迁市", county: "沭阳县", code: "321322")),
        // Municipalities: province and city at once.
        Case(name: "上海市人民政府办公厅", region: .init(province: "上海市", city: "上海市", county: nil, code: "310000")),
        Case(name: "上海市科委", region: .init(province: "上海市", city: "上海市", county: nil, code: "310000")),
        Case(name: "北京市朝阳区人民政府", region: .init(province: "北京市", city: "北京市", county: "朝阳区", code: "110105")),
        // Unambiguous short forms.
        Case(name: "上海科技", region: .init(province: "上海市", city: "上海市", county: nil, code: "310000")),
        Case(name: "临夏州公安局", region: .init(province: "甘肃省", city: "临夏回族自治州", county: nil, code: "622900")),
        Case(name: "广西交通运输厅", region: .init(province: "广西壮族自治区", city: nil, county: nil, code: "450000")),
        Case(name: "宿迁沭阳县财政局", region: .init(province: "江苏省", city: "宿迁市", county: "沭阳县", code: "321322")),
        // 吉林 is both 吉林省 and 吉林市: no short form, the full names work.
        Case(name: "吉林交通运输厅", region: .none),
        Case(name: "吉林省交通运输厅", region: .init(province: "吉林省", city: nil, county: nil, code: "220000")),
        Case(name: "吉林市交通运输局", region: .init(province: "吉林省", city: "吉林市", county: nil, code: "220200")),
        // No region.
        Case(name: "应急管理部", region: .none),
        Case(name: "国家税务总局沭阳县税务局", region: .none),
        // Counties have no short forms: 公安县 does not make 公安局 a county's.
        Case(name: "公安局", region: .none),
        Case(name: "公安县财政局", region: .init(province: "湖北省", city: "荆州市", county: "公安县", code: "421022")),
        // Ambiguous county: only what the name says, no code.
        Case(name: "鼓楼区财政局", region: .init(province: nil, city: nil, county: "鼓楼区", code: nil)),
        Case(name: "江苏省鼓楼区财政局", region: .init(province: "江苏省", city: nil, county: "鼓楼区", code: nil)),
        Case(name: "南京市鼓楼区财政局", region: .init(province: "江苏省", city: "南京市", county: "鼓楼区", code: "320106")),
        Case(name: "徐州市鼓楼区财政局", region: .init(province: "江苏省", city: "徐州市", county: "鼓楼区", code: "320302")),
        Case(name: "朝阳区人民政府", region: .init(province: nil, city: nil, county: "朝阳区", code: nil)),
        // County-level city governed by the province directly.
        Case(name: "济源市财政局", region: .init(province: "河南省", city: nil, county: "济源市", code: "419001")),
        // Whitespace and full-width forms.
        Case(name: "山亭区\u{3000}应急局", region: .init(province: "山东省", city: "枣庄市", county: "山亭区", code: "370406")),
        Case(name: "淮安市 洪泽区 人民政府", region: .init(province: "江苏省", city: "淮安市", county: "洪泽区", code: "320813")),
    ]

    @Test(arguments: cases)
    func regionOfBureauNames(_ c: Case) {
        #expect(DivisionTable.bundled.region(of: c.name) == c.region)
    }

    @Test func aCountyNamedAfterAnotherCitysCountyIsNotTaken() {
        // 鼓楼区 exists in 南京 and 徐州 but not in 宿迁: the county stays unknown.
        #expect(DivisionTable.bundled.region(of: "宿迁市鼓楼区") == .init(province: "江苏省", city: "宿迁市", county: nil, code: "321300"))
    }

    @Test func bundledTableHasTheThreeLevelsOnly() {
        let divisions = DivisionTable.bundled.divisions
        #expect(divisions.filter { $0.level == .province }.count == 34)
        #expect(divisions.count > 3000)
        #expect(!divisions.contains { ["市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"].contains($0.name) })
        #expect(divisions.allSatisfy { $0.code.count == 6 })
    }

    @Test func shortFormsOfAutonomousDivisions() {
        func forms(_ name: String, _ level: DivisionLevel) -> [String] {
            DivisionShortNames.of(Division(code: "000000", name: name, level: level, province: "", city: nil))
        }
        #expect(forms("广西壮族自治区", .province) == ["广西"])
        #expect(forms("新疆维吾尔自治区", .province) == ["新疆"])
        #expect(forms("黔东南苗族侗族自治州", .city) == ["黔东南", "黔东南州"])
        #expect(forms("巴音郭楞蒙古自治州", .city) == ["巴音郭楞", "巴音郭楞州"])
        #expect(forms("大理白族自治州", .city) == ["大理", "大理州"])
        #expect(forms("阿里地区", .city) == ["阿里"])
        #expect(forms("沭阳县", .county) == [])
    }

    @Test func smallTableFromCSV() throws {
        let table = try DivisionTable(csv: """
            code,name,level,province,city
            320000,江苏省,province,,
            321300,宿迁市,city,江苏省,
            321322,沭阳县,county,江苏省,宿迁市

            """)
        #expect(table.region(of: "沭阳县人民政府") == .init(province: "江苏省", city: "宿迁市", county: "沭阳县", code: "321322"))
        #expect(table.region(of: "江苏交通运输厅") == .init(province: "江苏省", city: nil, county: nil, code: "320000"))
        #expect(table.region(of: "宿迁沭阳县") == .init(province: "江苏省", city: "宿迁市", county: "沭阳县", code: "321322"))
    }

    @Test func aShortFormFollowedByASuffixIsAnotherDivision() throws {
        let table = try DivisionTable(csv: "code,name,level,province,city\n370000,山东省,province,,\n371200,莱芜市,city,山东省,\n")
        #expect(table.region(of: "莱芜市财政局") == .init(province: "山东省", city: "莱芜市", county: nil, code: "371200"))
        #expect(table.region(of: "莱芜财政局") == .init(province: "山东省", city: "莱芜市", county: nil, code: "371200"))
        #expect(table.region(of: "莱芜区财政局") == .none)
        #expect(table.region(of: "山东莱芜区财政局") == .init(province: "山东省", city: nil, county: nil, code: "370000"))
    }

    @Test func badDivisionFilesNameTheLine() {
        let header = "code,name,level,province,city\n"
        #expect(throws: DivisionError(line: 2, reason: "code '3200' is not six digits")) {
            try DivisionTable(csv: header + "3200,江苏省,province,,\n")
        }
        #expect(throws: DivisionError(line: 3, reason: "level 'town' is not province, city or county")) {
            try DivisionTable(csv: header + "320000,江苏省,province,,\n321300,宿迁市,town,江苏省,\n")
        }
        #expect(throws: DivisionError(line: 1, reason: "the first line must be the header code,name,level,province,city")) {
            try DivisionTable(csv: "code,name\n")
        }
        #expect(DivisionError(line: 3, reason: "x").description == "divisions.csv line 3: x")
    }
}
