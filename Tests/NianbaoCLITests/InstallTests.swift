import Foundation
import Testing

/// nianbao run as an installed tool finds its named queries and samples:
/// through a symlink on PATH to the built binary, and as a copy in
/// `PREFIX/bin` with `PREFIX/share/nianbao/{Queries,Data}` beside it.
@Suite(.serialized) struct InstallTests {
    /// Runs `nianbao arguments` as `program` found on `PATH=bin`, from `directory`.
    static func run(_ program: String, bin: URL, in directory: URL, _ arguments: [String]) throws -> (Int32, String, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [program] + arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = bin.path + ":/usr/bin:/bin"
        for key in ["NIANBAO_DB", "NIANBAO_QUERIES", "NIANBAO_DATA"] { environment[key] = nil }
        process.environment = environment
        return try CommandRunner.capture(process)
    }

    @Test func aSymlinkOnPathFindsTheCheckoutsFolders() throws {
        let runner = try CommandRunner()
        defer { runner.cleanUp() }
        let executable = try #require(CommandRunner.executable)
        let bin = runner.directory.appendingPathComponent("bin")
        let elsewhere = runner.directory.appendingPathComponent("work")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: bin.appendingPathComponent("nianbao"), withDestinationURL: executable)
        let queries = try Self.run("nianbao", bin: bin, in: elsewhere, ["queries", "--format", "csv"])
        #expect(queries.0 == 0, "\(queries.2)")
        #expect(queries.1.contains("penalties_by_year"))
        let demo = try Self.run("nianbao", bin: bin, in: elsewhere, ["demo", "--db", "demo.db"])
        #expect(demo.0 == 0, "\(demo.2)")
        #expect(demo.2.contains("15 imported"), "\(demo.2)")
    }

    @Test func anInstalledCopyFindsShareNianbao() throws {
        let runner = try CommandRunner()
        defer { runner.cleanUp() }
        let executable = try #require(CommandRunner.executable)
        let prefix = runner.directory.appendingPathComponent("prefix")
        let bin = prefix.appendingPathComponent("bin"), share = prefix.appendingPathComponent("share/nianbao")
        let manager = FileManager.default
        try manager.createDirectory(at: bin, withIntermediateDirectories: true)
        try manager.createDirectory(at: share, withIntermediateDirectories: true)
        try manager.copyItem(at: executable, to: bin.appendingPathComponent("nianbao"))
        for folder in ["Queries", "Data"] {
            try manager.copyItem(at: CommandRunner.packageRoot.appendingPathComponent(folder), to: share.appendingPathComponent(folder))
        }
        let queries = try Self.run("nianbao", bin: bin, in: runner.directory, ["query", "coverage", "--db", "x.db"])
        #expect(queries.2.contains("no database at x.db"), "the query was found, the database was not: \(queries.2)")
        let demo = try Self.run("nianbao", bin: bin, in: runner.directory, ["demo", "--db", "demo.db"])
        #expect(demo.0 == 0 && demo.2.contains("15 imported"), "\(demo.2)")
    }
}
