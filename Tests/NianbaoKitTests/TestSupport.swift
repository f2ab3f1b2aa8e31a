import Foundation
@testable import NianbaoKit

/// Paths and helpers shared by the tests.
enum TestSupport {
    /// Why `bytes` cannot be imported (the reason of the one error line), or nil when they can.
    static func failure(_ bytes: [UInt8], path: String) -> String? {
        do {
            _ = try ReportParser().parse(bytes, path: path)
            return nil
        } catch {
            return error.reason
        }
    }

    /// The package root, found from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared/corpus` beside the package: real reports with hand-checked values.
    static let corpus = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus")

    /// Whether the shared corpus is present (it always is in CI).
    static var hasCorpus: Bool { FileManager.default.fileExists(atPath: corpus.path) }

    /// The project's own sample reports.
    static let data = packageRoot.appendingPathComponent("Data")

    /// A fresh temporary directory, removed by the caller with `cleanUp`.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func cleanUp(_ url: URL) { try? FileManager.default.removeItem(at: url) }

    /// Parses a file the way `import` does, without a database.
    static func parse(_ url: URL, options: ImportOptions = .init()) throws -> ParsedReport {
        let bytes = try ReportParser.readFile(at: url.path)
        return try ReportParser().parse(bytes, path: url.path, options: options)
    }
}
