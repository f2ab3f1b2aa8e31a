import Foundation
import Testing

/// Overrides that mean one thing, the manifest for batches, `remove`, the
/// double-counting example of three spellings, and one error style with
/// documented exit statuses.
@Suite(.serialized) struct CorrectionCommandTests {
    static let shanting2023 = CommandRunner.data + "/shanting-emergency-2023.txt"

    /// The 2023 sample under another printed name, as a new file.
    static func respelled(_ runner: CommandRunner, as name: String) throws -> String {
        let text = try String(contentsOfFile: shanting2023, encoding: .utf8)
        let url = runner.directory.appendingPathComponent("\(name).txt")
        try text.replacingOccurrences(of: "山亭区应急管理局", with: name).write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test func threeSpellingsOfOneBodyAreCountedOnce() throws {
        let runner = try CommandRunner()
        defer { runner.cleanUp() }
        let files = [Self.shanting2023, try Self.respelled(runner, as: "山亭区应急局"), try Self.respelled(runner, as: "枣庄市山亭区应急管理局")]
        let imported = try runner.run(["import"] + files)
        #expect(imported.status == 1)
        #expect(imported.stderr.contains("山亭区应急局 2023 is already imported as 山亭区应急管理局 2023, from \(Self.shanting2023)"), "\(imported.stderr)")
        #expect(imported.stderr.contains("3 files: 1 imported, 0 replaced, 0 unchanged, 2 failed"))
        let trend = try runner.run(["trend", "penalties", "--by", "bureau", "--format", "csv"])
        #expect(trend.stdout.contains("山亭区应急管理局,2023,penalties,"))
        let sum = try runner.run(["sql", "SELECT SUM(value) AS s FROM report_facts WHERE metric = 'proactive.penalty.decisions'", "--format", "csv"])
        #expect(sum.stdout == "s\r\n71\r\n", "\(sum.stdout)")
    }

    @Test func overridesTakeOneFileAndTheManifestTakesMany() throws {
        let runner = try CommandRunner()
        defer { runner.cleanUp() }
        let folder = try runner.run(["import", CommandRunner.data, "--year", "2020"])
        #expect(folder.status == 2)
        #expect(folder.stderr.hasPrefix("nianbao: error: --year names one report's year and takes exactly one file"), "\(folder.stderr)")
        let two = try runner.run(["import"] + CommandRunner.samples + ["--bureau", "某局"])
        #expect(two.status == 2 && two.stderr.contains("--manifest"))
        #expect(try runner.run(["reports"]).status == 1, "nothing was imported")

        let renamed = try Self.respelled(runner, as: "无名局")
        let manifest = runner.directory.appendingPathComponent("fixes.csv")
        try "path,bureau,year\n无名局.txt,山亭区应急管理局,\n\(CommandRunner.samples[0]),,2024\n".write(to: manifest, atomically: true, encoding: .utf8)
        let listed = try runner.run(["import", "--manifest", manifest.path])
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(listed.stderr.contains("imported  \(renamed)  山亭区应急管理局 2023"), "\(listed.stderr)")
        #expect(listed.stderr.contains("2 files: 2 imported"))
        let bad = runner.directory.appendingPathComponent("bad.csv")
        try "path,bureau,year\nx.txt,,20x\n".write(to: bad, atomically: true, encoding: .utf8)
        let refused = try runner.run(["import", "--manifest", bad.path])
        #expect(refused.status == 1 && refused.stderr == "nianbao: error: \(bad.path):2: year 20x is not a report year\n", "\(refused.stderr)")
    }

    @Test func removeListsRemovesAndRecords() throws {
        let runner = try CommandRunner()
        defer { runner.cleanUp() }
        #expect(try runner.run(["import", Self.shanting2023]).status == 0)
        let dry = try runner.run(["remove", "山亭区应急局", "2023", "--dry-run"])
        #expect(dry.status == 0)
        #expect(dry.stderr.hasPrefix("would remove  山亭区应急管理局 2023, from \(Self.shanting2023): "), "\(dry.stderr)")
        #expect(try runner.run(["reports", "--format", "csv"]).stdout.contains("山亭区应急管理局,2023"))
        let removed = try runner.run(["remove", "枣庄市山亭区应急管理局", "2023"])
        #expect(removed.status == 0 && removed.stderr.contains("1 report removed"), "\(removed.stderr)")
        let history = try runner.run(["sql", "SELECT action, bureau, year FROM history", "--format", "csv"])
        #expect(history.stdout == "action,bureau,year\r\nremoved,山亭区应急管理局,2023\r\n")
        let none = try runner.run(["remove", "山亭区应急管理局", "2023"])
        #expect(none.status == 1 && none.stderr.contains("no report of 山亭区应急管理局 for 2023"))
    }

    @Test func everyErrorHasOneStyleAndADocumentedStatus() throws {
        let runner = try CommandRunner()
        defer { runner.cleanUp() }
        for arguments in [["frobnicate"], ["trend", "--nosuch"], ["show", "x", "abc"], ["import"]] {
            let result = try runner.run(arguments)
            #expect(result.status == 2, "\(arguments): \(result.status)")
            #expect(result.stderr.hasPrefix("nianbao: error: "), "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains("--help"))
        }
        let missing = try runner.run(["reports", "--db", "none.db"])
        #expect(missing.status == 1 && missing.stderr.hasPrefix("nianbao: error: no database at none.db"))
        #expect(try runner.run(["--help"]).status == 0)
        #expect(try runner.run(["trend", "--help"]).status == 0)
    }

    /// A file named like a formula reaches spreadsheet CSV as text.
    @Test func excelOutputNeverCarriesAFormula() throws {
        let runner = try CommandRunner()
        defer { runner.cleanUp() }
        let file = runner.directory.appendingPathComponent("=2+5.txt")
        try FileManager.default.copyItem(atPath: Self.shanting2023, toPath: file.path)
        #expect(try runner.run(["import", "=2+5.txt"]).status == 0)
        let excel = try runner.run(["reports", "--excel"])
        #expect(excel.stdout.contains(",'=2+5.txt\r\n"), "\(excel.stdout)")
        let plain = try runner.run(["reports", "--format", "csv"])
        #expect(plain.stdout.contains(",=2+5.txt\r\n"))
        let export = try runner.run(["export", "--bom"])
        #expect(export.stdout.contains(",'=2+5.txt,") && !export.stdout.contains(",=2+5.txt,"))
    }
}
