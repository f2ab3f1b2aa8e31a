import Foundation
import NianbaoKit
import NianbaoTestSupport
import Testing

/// `trend`, `queries`, `query`, `sql` and `demo` end to end, on a database
/// built by importing a folder of rendered reports.
@Suite(.serialized) struct TrendCommandTests {
    static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// A runner whose directory holds `reports/` (the fixture) and `trends.db` (imported).
    private func prepared() throws -> CommandRunner {
        let runner = try CommandRunner()
        try TrendFixture.write(to: runner.directory.appendingPathComponent("reports"))
        let imported = try runner.run(["import", "reports", "--db", "trends.db"])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stderr.hasSuffix("9 files: 9 imported, 0 replaced, 0 unchanged, 0 failed\n"), "\(imported.stderr)")
        return runner
    }

    private func crlf(_ text: String) -> String { text.replacingOccurrences(of: "\n", with: "\r\n") }

    // MARK: - trend

    @Test func wideCSVWithByteOrderMark() throws {
        let runner = try prepared()
        defer { runner.cleanUp() }
        let result = try runner.run(["trend", "penalties", "--wide", "--format", "csv", "--bom", "--db", "trends.db", "--from", "2019"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Array(result.stdoutBytes.prefix(3)) == Self.bom)
        #expect(result.stdoutBytes == Self.bom + Array(crlf("""
            group,measure,label,unit,2019,2020,2021,2022,2023
            全部,penalties,行政处罚决定,件,12,0,22,29,18

            """).utf8))
        // Bodies join the fixture in 2021: the change is flagged on standard error.
        #expect(result.stderr.split(separator: "\n").allSatisfy { $0.hasPrefix("nianbao: warning: ") }, "\(result.stderr)")

        let all = try runner.run(["trend", "penalties", "applications", "fees", "--wide", "--format", "csv", "--bom", "--db", "trends.db"])
        #expect(all.status == 0)
        #expect(all.stdoutBytes == Self.bom + Array(crlf("""
            group,measure,label,unit,2018,2019,2020,2021,2022,2023
            全部,penalties,行政处罚决定,件,5,12,0,22,29,18
            全部,applications,本年新收申请,件,4,10,8,32,24,9
            全部,fees,行政事业性收费金额,万元,,,,39.941094,28.8,0

            """).utf8))
    }

    @Test func longCSVByBureauWithoutBOM() throws {
        let runner = try prepared()
        defer { runner.cleanUp() }
        let result = try runner.run(["trend", "disclosure_rate", "--by", "bureau", "--bureau", "沭阳", "--format", "csv", "--db", "trends.db"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == crlf("""
            group,year,measure,label,value,unit,numerator,denominator,reports,yoy_change,yoy_pct,templates,comparable_yoy,flagged_reports
            沭阳县人民政府,2022,disclosure_rate,公开率,100,%,50,50,1,,,V2021,,0
            沭阳县发展和改革局,2021,disclosure_rate,公开率,77.78,%,14,18,1,,,V2021,,0
            沭阳县发展和改革局,2022,disclosure_rate,公开率,50,%,8,16,1,-27.78,-35.72,V2021,yes,0

            """))
    }

    @Test func excelGivesChineseHeadersAndTheBOM() throws {
        let runner = try prepared()
        defer { runner.cleanUp() }
        let result = try runner.run(["trend", "penalties", "--wide", "--excel", "--db", "trends.db", "--by", "region"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdoutBytes == Self.bom + Array(crlf("""
            分组,指标,名称,单位,2018年,2019年,2020年,2021年,2022年,2023年
            宿迁市,penalties,行政处罚决定,件,,,,7,9,
            枣庄市,penalties,行政处罚决定,件,5,12,0,15,20,18

            """).utf8))
        let long = try runner.run(["trend", "penalties", "--excel", "--db", "trends.db", "--to", "2018"])
        #expect(long.stdoutBytes == Self.bom + Array(crlf("""
            分组,年度,指标,名称,数值,单位,分子,分母,报告数,同比变化,同比变化率(%),模板,同比可比,勾稽不符报告数
            全部,2018,penalties,行政处罚决定,5,件,,,1,,,V2019,,0

            """).utf8))
    }

    @Test func englishLabels() throws {
        let runner = try prepared()
        defer { runner.cleanUp() }
        let result = try runner.run(["trend", "penalties", "reviews", "--wide", "--format", "csv", "--labels", "en", "--db", "trends.db", "--kind", "发展改革"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == crlf("""
            group,measure,label,unit,2021,2022
            全部,penalties,Administrative penalty decisions,件,7,9
            全部,reviews,Administrative reconsiderations,件,1,0

            """))
        let bad = try runner.run(["trend", "penalties", "--labels", "fr", "--db", "trends.db"])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("--labels is zh or en"))
    }

    @Test func aliasFileMergesSeries() throws {
        let runner = try prepared()
        defer { runner.cleanUp() }
        try "alias,canonical,valid_from,valid_to\n沭阳县发展和改革局,山亭区应急管理局,,\n"
            .write(to: runner.directory.appendingPathComponent("aliases.csv"), atomically: true, encoding: .utf8)
        let result = try runner.run(["trend", "penalties", "--by", "bureau", "--wide", "--format", "csv", "--aliases", "aliases.csv", "--db", "trends.db"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\r\n山亭区应急管理局,penalties,行政处罚决定,件,5,12,0,22,29,18\r\n"))
        let missing = try runner.run(["trend", "penalties", "--aliases", "nowhere.csv", "--db", "trends.db"])
        #expect(missing.status == 1)
        #expect(missing.stderr == "nianbao: error: nowhere.csv: cannot read the alias file as UTF-8\n")
    }

    @Test func unknownMeasureExitsOneWithAClearMessage() throws {
        let runner = try prepared()
        defer { runner.cleanUp() }
        let result = try runner.run(["trend", "penalty_count", "--db", "trends.db"])
        #expect(result.status == 1, "exit status \(result.status); stderr: \(result.stderr)")
        #expect(result.stderr.contains("unknown measure penalty_count"))
        #expect(result.stderr.contains("nianbao trend --list"))
        #expect(result.stdout.isEmpty)
        let none = try runner.run(["trend", "--db", "trends.db"])
        #expect(none.status != 0)
        #expect(none.stderr.contains("name at least one measure"))
    }

    @Test func trendWithoutADatabaseFails() throws {
        let runner = try CommandRunner()
        defer { runner.cleanUp() }
        let result = try runner.run(["trend", "penalties", "--db", "absent.db"])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("nianbao: error: "))
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(!FileManager.default.fileExists(atPath: runner.directory.appendingPathComponent("absent.db").path))
    }

    @Test func listTheMeasures() throws {
        let runner = try CommandRunner()
        defer { runner.cleanUp() }
        let result = try runner.run(["trend", "--list", "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.components(separatedBy: "\r\n").dropLast()
        #expect(lines.first == "measure,label,english,unit,versions,comparability,definition")
        let ids = lines.dropFirst().map { String($0.prefix { $0 != "," }) }
        #expect(ids == [
            "applications", "carried_in", "handled", "carried_out", "granted", "disclosure_rate", "refusals_legal",
            "refusals_operational", "refusal_legal_share", "reviews", "review_corrected", "review_correction_rate",
            "lawsuits", "litigation_correction_rate", "remedy_rate", "backlog_share", "penalties", "licences", "coercion",
            "fees",
        ])
        #expect(lines.contains("penalties,行政处罚决定,Administrative penalty decisions,件,\"V2019,V2021\",same,行政处罚 处理决定数量 (V2019) / 本年处理决定数量 (V2021)."))
        let table = try runner.run(["trend", "--list"])
        #expect(table.status == 0)
        #expect(table.stdout.contains("disclosure_rate"))
        #expect(table.stdout.contains("(予以公开 + 部分公开) / 办理结果总计 × 100."))
    }

    // MARK: - queries, query

    @Test func queriesListsEverySQLFile() throws {
        let runner = try CommandRunner()
        defer { runner.cleanUp() }
        let folder = CommandRunner.packageRoot.appendingPathComponent("Queries")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".sql") }
            .map { String($0.dropLast(4)) }.sorted()
        #expect(files.count >= 11)
        // Found from the executable's location (the project's Queries/), no option needed.
        let result = try runner.run(["queries", "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.components(separatedBy: "\r\n").dropLast()
        #expect(lines.first == "name,title,parameters,description")
        #expect(lines.dropFirst().map { String($0.prefix { $0 != "," }) } == files)
        #expect(lines.contains { $0.hasPrefix("penalties_by_year,Penalties by year,from=1900 to=2100,") })
        let table = try runner.run(["queries", "--queries", folder.path])
        #expect(table.status == 0)
        for name in files { #expect(table.stdout.contains(name), "\(name)") }
    }

    @Test func queriesFolderFromTheEnvironmentAndErrors() throws {
        let runner = try CommandRunner()
        defer { runner.cleanUp() }
        let mine = runner.directory.appendingPathComponent("mine")
        try FileManager.default.createDirectory(at: mine, withIntermediateDirectories: true)
        try "-- title: Just one\n-- description: A test.\nSELECT 1 AS one;\n"
            .write(to: mine.appendingPathComponent("one.sql"), atomically: true, encoding: .utf8)
        let listed = try runner.run(["queries", "--format", "csv"], environment: ["NIANBAO_QUERIES": mine.path])
        #expect(listed.stdout == "name,title,parameters,description\r\none,Just one,,A test.\r\n")
        try "SELECT 2;\n".write(to: mine.appendingPathComponent("untitled.sql"), atomically: true, encoding: .utf8)
        let broken = try runner.run(["queries", "--queries", mine.path])
        #expect(broken.status == 1)
        #expect(broken.stderr == "nianbao: error: \(mine.path)/untitled.sql line 1: no `-- title:` line\n")
    }

    @Test func queryPenaltiesByYearWithAParameter() throws {
        let runner = try prepared()
        defer { runner.cleanUp() }
        let result = try runner.run(["query", "penalties_by_year", "-p", "from", "2020", "--format", "csv", "--db", "trends.db"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == crlf("""
            year,penalties,reports_with_value,reports
            2020,0,1,1
            2021,22,2,2
            2022,29,2,2
            2023,18,1,1

            """))
        let both = try runner.run(["query", "penalties_by_year", "-p", "from", "2020", "-p", "to", "2021", "--format", "json", "--db", "trends.db"])
        #expect(both.stdout == "[\n{\"year\":2020,\"penalties\":0,\"reports_with_value\":1,\"reports\":1},\n{\"year\":2021,\"penalties\":22,\"reports_with_value\":2,\"reports\":2}\n]\n")
    }

    @Test func queryErrors() throws {
        let runner = try prepared()
        defer { runner.cleanUp() }
        let unknown = try runner.run(["query", "penalties_by_year", "-p", "since", "2020", "--db", "trends.db"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr == "nianbao: error: penalties_by_year: no parameter since; this query takes from, to\n")
        let noQuery = try runner.run(["query", "no_such_query", "--db", "trends.db"])
        #expect(noQuery.status == 1)
        #expect(noQuery.stderr.hasPrefix("nianbao: error: no query no_such_query; known: "))
        #expect(noQuery.stderr.contains("penalties_by_year"))
        let odd = try runner.run(["query", "penalties_by_year", "-p", "from", "--db", "trends.db"])
        #expect(odd.status != 0)
    }

    // MARK: - sql

    @Test func sqlReadsAndRefusesWritesChangingNothing() throws {
        let runner = try prepared()
        defer { runner.cleanUp() }
        let path = runner.directory.appendingPathComponent("trends.db").path
        let count = ["sql", "SELECT COUNT(*) AS facts FROM facts", "--format", "csv", "--db", "trends.db"]
        let before = try runner.run(count)
        #expect(before.status == 0)
        #expect(before.stdout.hasPrefix("facts\r\n"))
        let bytes = FileManager.default.contents(atPath: path)

        for statement in ["DROP TABLE facts", "DELETE FROM facts", "UPDATE facts SET value = 0", "INSERT INTO bureaus (name) VALUES ('x')",
                          "PRAGMA user_version = 5", "SELECT 1; DROP TABLE facts"] {
            let result = try runner.run(["sql", statement, "--db", "trends.db"])
            #expect(result.status == 1, "\(statement)")
            #expect(result.stdout.isEmpty, "\(statement)")
            #expect(result.stderr.hasPrefix("nianbao: error: "), "\(statement)")
            #expect(result.stderr.hasSuffix("\n") && result.stderr.dropLast().contains("\n") == false, "one line: \(result.stderr)")
        }
        let drop = try runner.run(["sql", "DROP TABLE facts", "--db", "trends.db"])
        #expect(drop.stderr == "nianbao: error: only read-only SQL (SELECT, WITH …) is allowed here; nothing was changed\n")
        #expect(FileManager.default.contents(atPath: path) == bytes, "the database file changed")
        let after = try runner.run(count)
        #expect(after.stdout == before.stdout)
        #expect(try runner.run(["sql", "SELECT COUNT(*) AS n FROM reports", "--format", "csv", "--db", "trends.db"]).stdout == "n\r\n9\r\n")
    }

    @Test func sqlWithNamedParameters() throws {
        let runner = try prepared()
        defer { runner.cleanUp() }
        let result = try runner.run([
            "sql", "SELECT bureau, year, value FROM report_facts WHERE metric = :metric AND year >= :from ORDER BY year, bureau",
            "-p", "metric", "proactive.fee.amount_10k_yuan", "-p", "from", "2022", "--format", "csv", "--db", "trends.db",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == crlf("""
            bureau,year,value
            山亭区应急管理局,2022,26.55
            沭阳县人民政府,2022,10
            沭阳县发展和改革局,2022,2.25
            山亭区应急管理局,2023,0

            """))
        let missing = try runner.run(["sql", "SELECT :x", "--db", "trends.db"])
        #expect(missing.status == 1)
        #expect(missing.stderr == "nianbao: error: parameter :x has no value; pass -p x VALUE\n")
    }

    // MARK: - demo

    @Test func demoImportsAFolderAndPrintsTheWideTrend() throws {
        let runner = try CommandRunner()
        defer { runner.cleanUp() }
        let data = runner.directory.appendingPathComponent("data")
        try TrendFixture.write(to: data)
        // Alias tables and READMEs in the folder are not reports.
        try "alias,canonical,valid_from,valid_to\n".write(to: data.appendingPathComponent("bureau-aliases.csv"), atomically: true, encoding: .utf8)
        let result = try runner.run(["demo", "--db", "demo.db", "--data", data.path, "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("9 files: 9 imported"), "\(result.stderr)")
        #expect(result.stdout == crlf("""
            group,measure,label,unit,2018,2019,2020,2021,2022,2023
            山亭区应急管理局,penalties,行政处罚决定,件,5,12,0,15,20,18
            沭阳县人民政府,penalties,行政处罚决定,件,,,,,100,
            沭阳县发展和改革局,penalties,行政处罚决定,件,,,,7,9,
            山亭区应急管理局,applications,本年新收申请,件,4,10,8,12,9,9
            沭阳县人民政府,applications,本年新收申请,件,,,,,50,
            沭阳县发展和改革局,applications,本年新收申请,件,,,,20,15,
            山亭区应急管理局,handled,本年办理,件,4,9,7,13,9,9
            沭阳县人民政府,handled,本年办理,件,,,,,50,
            沭阳县发展和改革局,handled,本年办理,件,,,,18,16,
            山亭区应急管理局,disclosure_rate,公开率,%,75,77.78,42.86,76.92,66.67,66.67
            沭阳县人民政府,disclosure_rate,公开率,%,,,,,100,
            沭阳县发展和改革局,disclosure_rate,公开率,%,,,,77.78,50,
            山亭区应急管理局,reviews,行政复议,件,1,2,0,3,1,1
            沭阳县人民政府,reviews,行政复议,件,,,,,1,
            沭阳县发展和改革局,reviews,行政复议,件,,,,1,0,
            山亭区应急管理局,lawsuits,行政诉讼,件,0,2,1,1,1,1
            沭阳县人民政府,lawsuits,行政诉讼,件,,,,,0,
            沭阳县发展和改革局,lawsuits,行政诉讼,件,,,,0,2,

            """))
        #expect(FileManager.default.fileExists(atPath: runner.directory.appendingPathComponent("demo.db").path))

        // The default table format, run again: nothing new is imported, the same trend is printed.
        let again = try runner.run(["demo", "--db", "demo.db", "--data", data.path])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stderr.contains("9 unchanged"), "\(again.stderr)")
        let lines = again.stdout.split(separator: "\n")
        #expect(lines.first?.contains("2018") == true && lines.first?.contains("2023") == true)
        #expect(lines.contains { $0.contains("山亭区应急管理局") && $0.contains("penalties") && $0.contains("77.78") == false })
        #expect(again.stdout.contains("76.92"))
        // The page and the chart beside the database, and where to open them.
        let site = runner.directory.appendingPathComponent("nianbao-site")
        for file in ["index.html", "trends.svg", "coverage.csv", "trends-by-year.csv", "trends-by-bureau.csv", "findings.csv"] {
            #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent(file).path), "\(file)")
        }
        #expect(again.stderr.contains("open file://") && again.stderr.contains("nianbao-site/index.html"), "\(again.stderr)")
    }

    @Test func chartAndSiteWriteTheirFiles() throws {
        let runner = try CommandRunner()
        defer { runner.cleanUp() }
        let data = runner.directory.appendingPathComponent("data")
        try TrendFixture.write(to: data)
        #expect(try runner.run(["import", data.path, "--db", "t.db"]).status == 0)
        let chart = try runner.run(["chart", "penalties", "disclosure_rate", "--by", "bureau", "--top", "1", "--db", "t.db", "-o", "c.svg"])
        #expect(chart.status == 0, "\(chart.stderr)")
        let svg = try String(contentsOf: runner.directory.appendingPathComponent("c.svg"), encoding: .utf8)
        #expect(svg.hasPrefix("<svg") && svg.contains("其他（2 个）") && svg.contains("data-value=\"18\""))
        let site = try runner.run(["site", "--db", "t.db", "-o", "page", "--labels", "en"])
        #expect(site.status == 0, "\(site.stderr)")
        #expect(FileManager.default.fileExists(atPath: runner.directory.appendingPathComponent("page/index.html").path))
        let bad = try runner.run(["chart", "nonsense", "--db", "t.db", "-o", "x.svg"])
        #expect(bad.status == 1 && bad.stderr.contains("unknown measure nonsense"), "\(bad.stderr)")
        let unwritable = try runner.run(["chart", "penalties", "--db", "t.db", "-o", "/proc/nope/x.svg"])
        #expect(unwritable.status == 1 && unwritable.stderr.contains("cannot write"), "\(unwritable.stderr)")
    }
}
