import Foundation

/// Expands the paths given to `import` into files: files as given,
/// directories walked recursively in name order, hidden entries skipped, and
/// files that are never reports skipped (tables, queries, databases, READMEs:
/// a folder like `Data/` holds them beside its reports).
public enum FileCollector {
    /// Extensions of files a directory walk passes over.
    static let skippedExtensions: Set<String> = ["csv", "json", "sql", "db", "db-wal", "db-shm", "db-journal", "sqlite"]

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
            let root = URL(fileURLWithPath: path)
            guard let walker = manager.enumerator(
                at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
            else { continue }
            var found: [String] = []
            for case let url as URL in walker
            where (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true
                && !excluded.contains(url.standardizedFileURL.path) && !isSkipped(url)
            {
                let relative = url.path.dropFirst(root.path.count).drop { $0 == "/" }
                found.append(path.hasSuffix("/") ? path + relative : path + "/" + relative)
            }
            files += found.sorted()
        }
        return (files, missing)
    }
}
