import Testing
@testable import NianbaoKit

/// `BureauIdentity.resolve`: alias first, then region and kind of the canonical name.
@Suite struct BureauIdentityTests {
    @Test func misspelledNameGetsCanonicalRegionAndKind() {
        let identity = BureauIdentity.resolve("沐阳县人民政府", year: 2025)
        #expect(identity == BureauIdentity(
            reported: "沐阳县人民政府", canonical: "沭阳县人民政府",
            region: .init(province: "江苏省", city: "宿迁市", county: "沭阳县", code: "321322"), kind: "人民政府"))
        // Without the alias the misspelling names no region.
        #expect(DivisionTable.bundled.region(of: "沐阳县人民政府") == .none)
    }

    @Test func renamedBureauBefore2018AndAfter() {
        let old = BureauIdentity.resolve("山亭区安全生产监督管理局", year: 2017)
        #expect(old.canonical == "山亭区应急管理局")
        #expect(old.kind == "应急")
        #expect(old.region == .init(province: "山东省", city: "枣庄市", county: "山亭区", code: "370406"))
        let short = BureauIdentity.resolve("山亭区应急局", year: 2021)
        #expect(short.canonical == old.canonical && short.region == old.region && short.kind == old.kind)
        let late = BureauIdentity.resolve("山亭区安全生产监督管理局", year: 2019)
        #expect(late.canonical == "山亭区安全生产监督管理局")
        #expect(late.kind == "应急")
    }

    @Test func shanghaiBodies() {
        let kewei = BureauIdentity.resolve("上海市科委", year: 2024)
        #expect(kewei.canonical == "上海市科学技术委员会")
        #expect(kewei.kind == "科技")
        #expect(kewei.region == .init(province: "上海市", city: "上海市", county: nil, code: "310000"))
        let office = BureauIdentity.resolve("上海市人民政府办公厅", year: 2019)
        #expect(office.canonical == "上海市人民政府办公厅")
        #expect(office.kind == "办公室")
    }

    @Test func userAliasesAndOwnDivisionTable() throws {
        let aliases = BureauAliasTable(rows: [BureauAlias(alias: "宿迁发改", canonical: "沭阳县发展和改革局")])
        let divisions = try DivisionTable(csv: "code,name,level,province,city\n320000,江苏省,province,,\n321300,宿迁市,city,江苏省,\n321322,沭阳县,county,江苏省,宿迁市\n")
        let identity = BureauIdentity.resolve("宿迁发改", year: 2023, aliases: aliases, divisions: divisions)
        #expect(identity.canonical == "沭阳县发展和改革局")
        #expect(identity.region == .init(province: "江苏省", city: "宿迁市", county: "沭阳县", code: "321322"))
        #expect(identity.kind == "发展改革")
    }

    @Test func nationalBodyHasNoRegion() {
        let identity = BureauIdentity.resolve("应急管理部", year: 2023)
        #expect(identity.region == .none)
        #expect(identity.kind == "应急")
        #expect(identity.canonical == "应急管理部")
    }
}
