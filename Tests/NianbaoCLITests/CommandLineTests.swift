import Foundation
import Testing

/// The `nianbao` executable end to end: exit status, what goes to standard
/// output and standard error, and the export contract.
@Suite(.serialized) struct CommandLineTests {
    @Test func helpListsEveryCommand() throws {
        let runner = try CommandRunner()
        defer { runner.cleanUp() }
        let result = try runner.run(["--help"])
        #expect(result.status == 0)
        for command in ["import", "reports", "show", "metrics", "export"] {
            #expect(result.stdout.contains("  \(command) "), "help lacks \(command)")
        }
    }

    @Test func importThenListShowAndExport() throws {
        let runner = try CommandRunner()
        defer { runner.cleanUp() }
        let imported = try runner.run(["import"] + CommandRunner.samples + ["--json"])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stderr.contains("imported  \(CommandRunner.samples[0])  淮安市洪泽区人民政府 2024 V2021: 207 facts, 0 errors, 0 warnings"))
        #expect(imported.stderr.hasSuffix("2 files: 2 imported, 0 replaced, 0 unchanged, 0 failed\n"))
        let summary = try JSONSerialization.jsonObject(with: Data(imported.stdout.utf8)) as? [String: Any]
        #expect(summary?["imported"] as? Int == 2)
        #expect((summary?["files"] as? [[String: Any]])?.count == 2)

        let reports = try runner.run(["reports", "--format", "csv"])
        #expect(reports.status == 0)
        #expect(reports.stdout.hasPrefix("bureau,year,template,facts,errors,warnings,source\r\n"))
        #expect(reports.stdout.contains("上海市人民政府办公厅,2019,V2019,198,0,0,"))

        let show = try runner.run(["show", "淮安市洪泽区人民政府", "2024"])
        #expect(show.status == 0)
        #expect(show.stdout.contains("proactive.penalty.decisions"))
        #expect(show.stdout.contains("行政处罚"))
        #expect(show.stdout.contains("findings:"))

        // The export contract: a header, one row per fact (NULL cells
        // included), first four columns bureau,year,metric,value.
        let export = try runner.run(["export", "--format", "csv"])
        #expect(export.status == 0)
        let lines = export.stdout.components(separatedBy: "\r\n").dropLast()
        #expect(lines.first?.hasPrefix("bureau,year,metric,value,") == true)
        #expect(lines.count == 1 + 207 + 198)
        #expect(!export.stdout.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(lines.contains { $0.hasPrefix("上海市人民政府办公厅,2019,proactive.procurement.amount_10k_yuan,25.1,万元,reported,251000元,") })
        #expect(lines.contains { $0.hasPrefix("上海市人民政府办公厅,2019,outcome.partial.org_commercial,,件,blank,") })
        #expect(lines.contains { $0.hasPrefix("淮安市洪泽区人民政府,2024,outcome.other.no_correction.total,,件,missing,") })

        let ndjson = try runner.run(["export", "--format", "ndjson"])
        let first = try JSONSerialization.jsonObject(with: Data(ndjson.stdout.split(separator: "\n")[0].utf8)) as? [String: Any]
        #expect(first?["value"] is NSNumber)
        let json = try runner.run(["export", "--format", "json"])
        #expect((try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [Any])?.count == 207 + 198)
        let tsv = try runner.run(["export", "--format", "tsv"])
        #expect(tsv.stdout.split(separator: "\n").count == 1 + 207 + 198)
    }

    @Test func reimportIsUnchangedAndBadFilesFailWithOneLine() throws {
        let runner = try CommandRunner()
        defer { runner.cleanUp() }
        _ = try runner.run(["import"] + CommandRunner.samples)
        let before = try runner.run(["export"]).stdout

        let again = try runner.run(["import"] + CommandRunner.samples)
        #expect(again.status == 0)
        #expect(again.stderr.contains("2 files: 0 imported, 0 replaced, 2 unchanged, 0 failed"))

        let bad = runner.directory.appendingPathComponent("bad")
        try FileManager.default.createDirectory(at: bad, withIntermediateDirectories: true)
        try Data().write(to: bad.appendingPathComponent("empty.txt"))
        try Data([0, 1, 2, 3, 0, 0]).write(to: bad.appendingPathComponent("blob.bin"))
        try Data("这不是年度报告。\n".utf8).write(to: bad.appendingPathComponent("letter.txt"))
        let failed = try runner.run(["import", bad.path])
        #expect(failed.status == 1)
        let errors = failed.stderr.split(separator: "\n").filter { $0.hasPrefix("nianbao: error:") || $0.hasPrefix("error:") }
        #expect(errors.count == 3, "\(failed.stderr)")
        #expect(failed.stderr.contains("error: \(bad.path)/empty.txt: empty file"))
        #expect(failed.stderr.contains("error: \(bad.path)/letter.txt: no statistics tables found"))
        #expect(!failed.stderr.contains("Fatal"))
        #expect(try runner.run(["export"]).stdout == before)
    }

    @Test func databaseComesFromOptionOrEnvironment() throws {
        let runner = try CommandRunner()
        defer { runner.cleanUp() }
        let path = runner.directory.appendingPathComponent("env.db").path
        let imported = try runner.run(["import", CommandRunner.samples[0]], environment: ["NIANBAO_DB": path])
        #expect(imported.status == 0)
        #expect(FileManager.default.fileExists(atPath: path))
        #expect(!FileManager.default.fileExists(atPath: runner.directory.appendingPathComponent("nianbao.db").path))
        let listed = try runner.run(["reports", "--db", path, "--format", "tsv"])
        #expect(listed.stdout.contains("淮安市洪泽区人民政府\t2024"))
    }

    @Test func readingCommandsWithoutDatabaseSayWhatToDo() throws {
        let runner = try CommandRunner()
        defer { runner.cleanUp() }
        let result = try runner.run(["reports"])
        #expect(result.status == 1)
        #expect(result.stderr == "nianbao: error: no database at nianbao.db; run `nianbao import` first (or pass --db)\n")
        #expect(!FileManager.default.fileExists(atPath: runner.directory.appendingPathComponent("nianbao.db").path))
        _ = try runner.run(["import"] + CommandRunner.samples)
        let unknown = try runner.run(["show", "不存在的局", "2020"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("no report for 不存在的局 2020"))
    }

    @Test func metricsListsTheCatalog() throws {
        let runner = try CommandRunner()
        defer { runner.cleanUp() }
        let result = try runner.run(["metrics", "--format", "csv"])
        #expect(result.status == 0)
        let lines = result.stdout.components(separatedBy: "\r\n").dropLast()
        #expect(lines.first == "key,section,group,row,column,unit,versions,comparability,identities")
        #expect(lines.contains { $0.hasPrefix("proactive.fee.amount_10k_yuan,二,第二十条第（八）项,行政事业性收费,本年收费金额（单位：万元）,万元,V2021,v2021_only") })
    }
}
