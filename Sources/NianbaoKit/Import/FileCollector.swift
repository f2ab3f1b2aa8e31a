import Foundation

/// Expands the paths given to `import` into files: files as given,
/// directories walked recursively in name order (symbolic links followed,
/// unreadable folders reported), hidden entries skipped, and
/// files that are never reports skipped (tables, queries, databases, READMEs:
/// a folder like `Data/` holds them beside its reports).
public enum FileCollector {
    /// Extensions of files a directory walk passes over.
    static let skippedExtensions: Set<String> = [
        "csv", "json", "sql", "db", "db-wal", "db-shm", "db-journal", "sqlite", "svg", "png",
    ]

    /// Whether a file found in a directory walk is never a report.
    static func isSkipped(_ url: URL) -> Bool {
        skippedExtensions.contains(url.pathExtension.lowercased()) || url.lastPathComponent.uppercased().hasPrefix("README")
    }

    /// The files under `paths`, and a failure for each path that does not exist.
    /// - Parameter excluding: files never to collect from a directory walk
    ///   (the database being written, when it sits among the reports).
    public static func collect(_ paths: [String], excluding: Set<String> = []) -> (files: [String], missing: [ImportFailure]) {
        let excluded = Set(excluding.map { URL(fileURLWithPath: $0).standardizedFileURL.path })
        var files: [String] = []
        var missing: [ImportFailure] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                missing.append(ImportFailure(path: path, reason: "no such file or directory"))
                continue
            }
            guard isDirectory.boolValue else {
                files.append(path)
                continue
            }
            var found: [String] = []
            var visited: Set<String> = []
            walk(path, relative: "", found: &found, failures: &missing, visited: &visited, excluded: excluded, depth: 0)
            files += found.sorted().map { path.hasSuffix("/") ? path + $0 : path + "/" + $0 }
        }
        return (files, missing)
    }

    /// Walks `directory` (shown as `relative` under the root): symbolic links
    /// are followed, to files and folders alike, each real folder once (a link
    /// back up is no loop); a folder that cannot be read or a broken link is
    /// a failure line, never skipped in silence.
    private static func walk(
        _ directory: String, relative: String, found: inout [String], failures: inout [ImportFailure],
        visited: inout Set<String>, excluded: Set<String>, depth: Int
    ) {
        let manager = FileManager.default
        let real = URL(fileURLWithPath: directory).resolvingSymlinksInPath().path
        guard depth < 64, visited.insert(real).inserted else { return }
        let names: [String]
        do {
            names = try manager.contentsOfDirectory(atPath: directory)
        } catch {
            failures.append(ImportFailure(path: directory, reason: "cannot read this folder (permission denied?); its files are not imported"))
            return
        }
        for name in names where !name.hasPrefix(".") {
            let path = directory + "/" + name
            let shown = relative.isEmpty ? name : relative + "/" + name
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                failures.append(ImportFailure(path: path, reason: "broken symbolic link"))
                continue
            }
            if isDirectory.boolValue {
                walk(path, relative: shown, found: &found, failures: &failures, visited: &visited, excluded: excluded, depth: depth + 1)
            } else {
                let url = URL(fileURLWithPath: path)
                if !excluded.contains(url.standardizedFileURL.path) && !isSkipped(url) { found.append(shown) }
            }
        }
    }
}
