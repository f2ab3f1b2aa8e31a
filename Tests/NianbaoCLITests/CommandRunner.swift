import Foundation

/// Runs the built `nianbao` executable and captures what it prints, as a user would see it.
struct CommandRunner {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
        let stdoutBytes: [UInt8]
    }

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The executable beside the test bundle (SwiftPM builds every product before testing).
    static let executable: URL? = {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("nianbao"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("nianbao"),
            Bundle.main.bundleURL.appendingPathComponent("nianbao"),
            packageRoot.appendingPathComponent(".build/debug/nianbao"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    /// A temporary working directory for one test.
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    func cleanUp() { try? FileManager.default.removeItem(at: directory) }

    /// Runs `nianbao arguments…` in `directory`.
    /// - Parameter input: bytes for standard input (none: standard input is empty).
    /// - Parameter output: where standard output goes instead of being captured (`/dev/full`).
    func run(
        _ arguments: [String], environment: [String: String] = [:], input: Data? = nil, output: FileHandle? = nil
    ) throws -> Result {
        guard let executable = Self.executable else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "nianbao executable not built"])
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env["NIANBAO_DB"] = nil
        env.merge(environment) { $1 }
        process.environment = env
        let out = Pipe(), err = Pipe(), inputPipe = Pipe()
        process.standardOutput = output ?? out
        process.standardError = err
        process.standardInput = inputPipe
        try process.run()
        try out.fileHandleForWriting.close()
        if let input { inputPipe.fileHandleForWriting.write(input) }
        try inputPipe.fileHandleForWriting.close()
        // Read both pipes before waiting so a large output cannot block the child.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self), stdoutBytes: [UInt8](outData))
    }

    /// Runs `process` to the end, reading both pipes before waiting so a
    /// large output cannot block it: status, standard output, standard error.
    static func capture(_ process: Process) throws -> (status: Int32, stdout: String, stderr: String) {
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, stdout, stderr)
    }

    /// The project's sample reports.
    static var data: String { packageRoot.appendingPathComponent("Data").path }

    /// Two of the samples, the V2021 one first, for tests that need a fixed set.
    static var samples: [String] {
        ["hongze-district-gov-2024.txt", "shanghai-gov-office-2019.gb18030.txt"].map { data + "/" + $0 }
    }
}
