import Foundation
import Testing

/// Failures that must end with one clear line: output that cannot be
/// written, statements that run away, files cut off between sections.
@Suite(.serialized) struct FailureTests {
    /// A database with the text samples, in a fresh runner.
    static func runnerWithSamples() throws -> CommandRunner {
        let runner = try CommandRunner()
        let imported = try runner.run(["import"] + CommandRunner.samples)
        #expect(imported.status == 0, "\(imported.stderr)")
        return runner
    }

    @Test func aFullDiskOnStandardOutputIsOneErrorLine() throws {
        let runner = try Self.runnerWithSamples()
        defer { runner.cleanUp() }
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        for arguments in [["export"], ["reports"], ["sql", "SELECT * FROM facts"], ["import", CommandRunner.samples[0], "--json"]] {
            let result = try runner.run(arguments, output: full)
            #expect(result.status == 1, "\(arguments): \(result.status)")
            #expect(result.stderr.hasSuffix("nianbao: error: cannot write to standard output: No space left on device\n"), "\(arguments): \(result.stderr)")
            #expect(!result.stderr.contains("Fatal error"))
        }
    }

    /// `nianbao export | head` ends quietly with status 0 when head stops reading.
    @Test func aClosedPipeEndsQuietly() throws {
        let runner = try Self.runnerWithSamples()
        defer { runner.cleanUp() }
        let script = #""$0" export --db "$1" | head -c 100 > /dev/null; echo "status ${PIPESTATUS[0]}""#
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        let executable = try #require(CommandRunner.executable)
        process.arguments = ["-c", script, executable.path, runner.directory.appendingPathComponent("nianbao.db").path]
        let (_, stdout, stderr) = try CommandRunner.capture(process)
        #expect(stdout == "status 0\n", "\(stdout) \(stderr)")
        #expect(stderr.isEmpty, "\(stderr)")
    }

    @Test func aRunawayStatementIsStoppedByTheTimeout() throws {
        let runner = try Self.runnerWithSamples()
        defer { runner.cleanUp() }
        let endless = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c"
        let result = try runner.run(["sql", endless, "--timeout", "0.5"])
        #expect(result.status == 1)
        #expect(result.stderr == "nianbao: error: the statement ran longer than 0.5 s and was stopped; pass --timeout SECONDS (0 for no limit)\n")
    }

    @Test func theStatementComesFromStandardInputOrAFile() throws {
        let runner = try Self.runnerWithSamples()
        defer { runner.cleanUp() }
        let statement = "SELECT count(*) AS n FROM reports -- " + String(repeating: "a long comment ", count: 20_000)
        let piped = try runner.run(["sql", "-", "--format", "csv"], input: Data(statement.utf8))
        #expect(piped.status == 0, "\(piped.stderr)")
        #expect(piped.stdout == "n\r\n2\r\n")
        let file = runner.directory.appendingPathComponent("q.sql")
        try statement.write(to: file, atomically: true, encoding: .utf8)
        let fromFile = try runner.run(["sql", "--file", file.path, "--format", "csv"])
        #expect(fromFile.stdout == "n\r\n2\r\n", "\(fromFile.stderr)")
        let neither = try runner.run(["sql"])
        #expect(neither.status != 0 && neither.stderr.contains("--file"))
    }

    @Test func aFileCutOffBetweenSectionsIsRefusedUnlessPartial() throws {
        let runner = try CommandRunner()
        defer { runner.cleanUp() }
        let text = try String(contentsOfFile: CommandRunner.samples[0], encoding: .utf8)
        let cut = try #require(text.range(of: "四、政府信息公开行政复议"))
        let file = runner.directory.appendingPathComponent("cut.txt")
        try String(text[..<cut.lowerBound]).write(to: file, atomically: true, encoding: .utf8)
        let refused = try runner.run(["import", file.path])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("error: \(file.path): file ends after the section 三 table"), "\(refused.stderr)")
        let partial = try runner.run(["import", file.path, "--partial"])
        #expect(partial.status == 0, "\(partial.stderr)")
        #expect(partial.stderr.contains("1 imported"))
    }
}
