import Foundation
import Testing
@testable import NianbaoKit

/// RowWriter byte for byte: RFC 4180 CSV, the byte-order mark, Chinese
/// headers, TSV, and JSON / NDJSON numbers and strings.
@Suite struct CSVOutputTests {
    static let table = ResultTable(
        columns: [ResultColumn("name", chinese: "名称"), ResultColumn("value", numeric: true, chinese: "数值"), ResultColumn("note")],
        rows: [
            ["山亭区应急管理局", "25.1", "plain"],
            ["a,b", "38.441094", "say \"hi\""],
            ["line\nbreak", "-3", "cr\rhere"],
            ["crlf\r\nin", nil, ""],
            [nil, "0", " spaced "],
        ])

    static func bytes(_ table: ResultTable, _ format: OutputFormat, bom: Bool = false, chinese: Bool = false) -> [UInt8] {
        let sink = OutputSink()
        RowWriter.write(table, format: format, to: sink, byteOrderMark: bom, chineseHeaders: chinese)
        return sink.collected
    }

    @Test func csvIsRFC4180ByteForByte() {
        let expected =
            "name,value,note\r\n"
            + "山亭区应急管理局,25.1,plain\r\n"
            + "\"a,b\",38.441094,\"say \"\"hi\"\"\"\r\n"
            + "\"line\nbreak\",-3,\"cr\rhere\"\r\n"
            + "\"crlf\r\nin\",,\r\n"
            + ",0, spaced \r\n"
        #expect(Self.bytes(Self.table, .csv) == Array(expected.utf8))
    }

    @Test func csvIsUTF8WithoutAByteOrderMarkByDefault() {
        let bytes = Self.bytes(ResultTable(columns: [ResultColumn("机关")], rows: [["沭阳县"]]), .csv)
        #expect(bytes == [0xE6, 0x9C, 0xBA, 0xE5, 0x85, 0xB3, 0x0D, 0x0A, 0xE6, 0xB2, 0xAD, 0xE9, 0x98, 0xB3, 0xE5, 0x8E, 0xBF, 0x0D, 0x0A])
    }

    @Test func everyRecordEndsWithCRLFAndNoBareLF() {
        let text = String(decoding: Self.bytes(Self.table, .csv), as: UTF8.self)
        #expect(text.hasSuffix("\r\n"))
        // Outside quoted fields every line break is CRLF: strip the quoted ones and look.
        let table = ResultTable(columns: [ResultColumn("a"), ResultColumn("b")], rows: [["1", "2"], ["3", nil], [nil, nil]])
        let bytes = Self.bytes(table, .csv)
        #expect(bytes == Array("a,b\r\n1,2\r\n3,\r\n,\r\n".utf8))
    }

    @Test func quotesOnlyWhereNeeded() {
        func field(_ value: String) -> String {
            let bytes = Self.bytes(ResultTable(columns: [ResultColumn("x")], rows: [[value]]), .csv)
            // Bytes, not characters: "\r\n" is one Character.
            return String(decoding: bytes.dropFirst(3).dropLast(2), as: UTF8.self)
        }
        #expect(field("plain text") == "plain text")
        #expect(field("；，、。") == "；，、。")  // full-width punctuation needs no quotes
        #expect(field("tab\there") == "tab\there")
        #expect(field("a,b") == "\"a,b\"")
        #expect(field("\"") == "\"\"\"\"")
        #expect(field("x\"y") == "\"x\"\"y\"")
        #expect(field("a\nb") == "\"a\nb\"")
        #expect(field("a\rb") == "\"a\rb\"")
        #expect(field("a\r\nb") == "\"a\r\nb\"")
        #expect(field("") == "")
    }

    @Test func nullIsAnEmptyField() {
        let table = ResultTable(columns: [ResultColumn("a"), ResultColumn("b", numeric: true), ResultColumn("c")], rows: [[nil, nil, nil]])
        #expect(Self.bytes(table, .csv) == Array("a,b,c\r\n,,\r\n".utf8))
    }

    @Test func exactDecimalsAreWrittenAsStored() throws {
        let db = try TrendDatabase()
        try db.save(bureau: "上海市人民政府办公厅", year: 2019, version: .v2019, cells: ["proactive.procurement.amount_10k_yuan": "25.1"])
        try db.save(bureau: "上海市人民政府办公厅", year: 2021, cells: ["proactive.fee.amount_10k_yuan": "38.441094"])
        let table = try db.store.readOnlyQuery(
            "SELECT year, value FROM report_facts WHERE metric LIKE '%amount_10k_yuan' ORDER BY year")
        #expect(CSV.text(table) == "year,value\r\n2019,25.1\r\n2021,38.441094\r\n")
        var exported = ""
        try db.store.exportFacts { row in exported += row.map { $0 ?? "" }.joined(separator: "|") + "\n" }
        #expect(exported.contains("上海市人民政府办公厅|2019|proactive.procurement.amount_10k_yuan|25.1|万元|reported|25.1|V2019|"))
        #expect(exported.contains("上海市人民政府办公厅|2021|proactive.fee.amount_10k_yuan|38.441094|万元|reported|38.441094|V2021|"))
    }

    // MARK: - BOM and Chinese headers

    @Test(arguments: OutputFormat.allCases)
    func byteOrderMarkOnlyForCSVAndTSV(_ format: OutputFormat) {
        let with = Self.bytes(Self.table, format, bom: true)
        let without = Self.bytes(Self.table, format)
        if format == .csv || format == .tsv {
            #expect(Array(with.prefix(3)) == [0xEF, 0xBB, 0xBF])
            #expect(Array(with.dropFirst(3)) == without)
        } else {
            #expect(with == without, "\(format) must not get a byte-order mark")
        }
        #expect(Array(without.prefix(3)) != [0xEF, 0xBB, 0xBF])
    }

    @Test func byteOrderMarkWithAnEmptyTable() {
        let table = ResultTable(columns: [ResultColumn("a")])
        #expect(Self.bytes(table, .csv, bom: true) == [0xEF, 0xBB, 0xBF] + Array("a\r\n".utf8))
    }

    @Test func chineseHeadersOfTheTrendLongFormat() {
        let table = ResultTable(columns: TrendTable.longColumns)
        #expect(Self.bytes(table, .csv) == Array("group,year,measure,label,value,unit,numerator,denominator,reports,yoy_change,yoy_pct,templates,comparable_yoy,flagged_reports\r\n".utf8))
        #expect(Self.bytes(table, .csv, bom: true, chinese: true) == [0xEF, 0xBB, 0xBF] + Array("分组,年度,指标,名称,数值,单位,分子,分母,报告数,同比变化,同比变化率(%),模板,同比可比,勾稽不符报告数\r\n".utf8))
    }

    @Test func chineseHeadersOfTheExport() {
        let table = ResultTable(columns: Store.exportColumns)
        #expect(Self.bytes(table, .csv) == Array("bureau,year,metric,value,unit,status,raw,template,source,flags,locator\r\n".utf8))
        #expect(Self.bytes(table, .csv, chinese: true) == Array("机关,年度,指标,数值,单位,状态,原文,模板,来源文件,标记,位置\r\n".utf8))
        #expect(Self.bytes(table, .tsv, chinese: true) == Array("机关\t年度\t指标\t数值\t单位\t状态\t原文\t模板\t来源文件\t标记\t位置\n".utf8))
    }

    @Test func aColumnWithoutAChineseHeaderKeepsItsName() {
        #expect(Self.bytes(Self.table, .csv, chinese: true).starts(with: Array("名称,数值,note\r\n".utf8)))
    }

    @Test func chineseHeadersOfTheWideTrend() throws {
        let rows = [
            TrendRow(group: "全部", year: 2019, measure: "penalties", value: ExactDecimal(3), numerator: nil, denominator: nil,
                     reports: 1, change: nil, changePercent: nil, templates: "V2019", comparableWithPrevious: nil),
        ]
        let text = String(decoding: Self.bytes(TrendTable.wide(rows), .csv, chinese: true), as: UTF8.self)
        #expect(text == "分组,指标,名称,单位,2019年\r\n全部,penalties,行政处罚决定,件,3\r\n")
    }

    // MARK: - TSV

    @Test func tsvIsOneLinePerRow() {
        let expected =
            "name\tvalue\tnote\n"
            + "山亭区应急管理局\t25.1\tplain\n"
            + "a,b\t38.441094\tsay \"hi\"\n"
            + "line break\t-3\tcr here\n"
            + "crlf in\t\t\n"
            + "\t0\t spaced \n"
        #expect(Self.bytes(Self.table, .tsv) == Array(expected.utf8))
        let tabs = ResultTable(columns: [ResultColumn("a")], rows: [["x\ty"]])
        #expect(Self.bytes(tabs, .tsv) == Array("a\nx y\n".utf8))
    }

    // MARK: - JSON

    @Test func jsonNumbersUnquotedStringsEscaped() throws {
        let expected =
            "[\n"
            + #"{"name":"山亭区应急管理局","value":25.1,"note":"plain"},"# + "\n"
            + #"{"name":"a,b","value":38.441094,"note":"say \"hi\""},"# + "\n"
            + #"{"name":"line\nbreak","value":-3,"note":"cr\rhere"},"# + "\n"
            + #"{"name":"crlf\r\nin","value":null,"note":""},"# + "\n"
            + #"{"name":null,"value":0,"note":" spaced "}"# + "\n"
            + "]\n"
        let bytes = Self.bytes(Self.table, .json)
        #expect(String(decoding: bytes, as: UTF8.self) == expected)
        let parsed = try JSONSerialization.jsonObject(with: Data(bytes)) as? [[String: Any]]
        #expect(parsed?.count == 5)
        #expect((parsed?[1]["value"] as? NSNumber)?.stringValue == "38.441094")
        #expect(parsed?[1]["note"] as? String == "say \"hi\"")
    }

    @Test func ndjsonOneObjectPerLine() throws {
        let bytes = Self.bytes(Self.table, .ndjson)
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 6 && lines.last == "")
        #expect(lines[0] == #"{"name":"山亭区应急管理局","value":25.1,"note":"plain"}"#)
        for line in lines.dropLast() {
            #expect(throws: Never.self) { try JSONSerialization.jsonObject(with: Data(line.utf8)) }
        }
    }

    @Test func emptyJSONIsAnEmptyArray() {
        #expect(Self.bytes(ResultTable(columns: [ResultColumn("a")]), .json) == Array("[]\n".utf8))
        #expect(Self.bytes(ResultTable(columns: [ResultColumn("a")]), .ndjson) == [])
    }

    @Test func jsonEscapesControlCharactersBackslashAndKeepsChinese() throws {
        let table = ResultTable(columns: [ResultColumn("s")], rows: [["a\\b\tc\u{01}d\u{1F}“引号”"]])
        let text = String(decoding: Self.bytes(table, .ndjson), as: UTF8.self)
        #expect(text == #"{"s":"a\\b\tc\u0001d\u001f“引号”"}"# + "\n")
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: String]
        #expect(object?["s"] == "a\\b\tc\u{01}d\u{1F}“引号”")
    }

    @Test func textInANumericColumnIsQuotedInJSON() throws {
        let table = ResultTable(columns: [ResultColumn("v", numeric: true)], rows: [["12"], ["n/a"], ["007"], ["1e5"], ["+4"], ["0.50"]])
        let text = String(decoding: Self.bytes(table, .ndjson), as: UTF8.self)
        #expect(text == "{\"v\":12}\n{\"v\":\"n/a\"}\n{\"v\":\"007\"}\n{\"v\":\"1e5\"}\n{\"v\":\"+4\"}\n{\"v\":0.50}\n")
    }

    /// Every line of NDJSON must parse, whatever text a numeric column holds.
    @Test(arguments: ["-05", "-00.5", "-0", "00", "-007"])
    func numericColumnsAlwaysGiveValidJSON(_ value: String) throws {
        let table = ResultTable(columns: [ResultColumn("v", numeric: true)], rows: [[value]])
        let text = String(decoding: Self.bytes(table, .ndjson), as: UTF8.self)
        #expect(throws: Never.self, "\(text)") { try JSONSerialization.jsonObject(with: Data(text.utf8)) }
    }

    @Test func tableFormatUsesChineseHeadersToo() {
        let text = String(decoding: Self.bytes(ResultTable(columns: Store.exportColumns.prefix(2).map { $0 }, rows: [["甲", "2019"]]), .table, chinese: true), as: UTF8.self)
        #expect(text.contains("机关"))
        #expect(text.contains("年度"))
        #expect(!text.contains("bureau"))
    }
}

/// CSV for spreadsheets never carries a formula: text starting with = + - @
/// tab or CR gets a `'` in front (OWASP's rule); numbers are left alone.
@Suite struct SpreadsheetSafetyTests {
    @Test func formulaStartsAreQuotedAndNumbersAreNot() {
        #expect(RowWriter.spreadsheetSafe("=1+2") == "'=1+2")
        #expect(RowWriter.spreadsheetSafe("=cmd|' /C calc'!A0") == "'=cmd|' /C calc'!A0")
        #expect(RowWriter.spreadsheetSafe("+86 10") == "'+86 10")
        #expect(RowWriter.spreadsheetSafe("@SUM(A1)") == "'@SUM(A1)")
        #expect(RowWriter.spreadsheetSafe("\tx") == "'\tx")
        #expect(RowWriter.spreadsheetSafe("-3") == "-3")
        #expect(RowWriter.spreadsheetSafe("-2.5") == "-2.5")
        #expect(RowWriter.spreadsheetSafe("山亭区应急管理局") == "山亭区应急管理局")
        #expect(RowWriter.spreadsheetSafe("") == "")
    }

    @Test func onlySpreadsheetOutputIsChanged() {
        let table = ResultTable(
            columns: [ResultColumn("bureau", numeric: false), ResultColumn("value", numeric: true)],
            rows: [["=2+5", "-4"], ["@x", "7"]])
        let excel = OutputSink()
        RowWriter.write(table, format: .csv, to: excel, byteOrderMark: true, chineseHeaders: true)
        #expect(excel.text == "\u{FEFF}bureau,value\r\n'=2+5,-4\r\n'@x,7\r\n")
        let plain = OutputSink()
        RowWriter.write(table, format: .csv, to: plain)
        #expect(plain.text == "bureau,value\r\n=2+5,-4\r\n@x,7\r\n", "plain CSV for programs keeps the text as it is")
        let json = OutputSink()
        RowWriter.write(table, format: .json, to: json, byteOrderMark: true)
        #expect(json.text.contains("\"=2+5\""))
    }

    @Test func aBureauNameStartingLikeAFormulaIsWarned() {
        #expect(BureauNameCheck.problem("=HYPERLINK(\"x\")局")?.contains("spreadsheet formula") == true)
        #expect(BureauNameCheck.problem("山亭区应急管理局") == nil)
    }
}
