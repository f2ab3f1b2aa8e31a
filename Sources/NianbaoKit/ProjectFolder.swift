import Foundation

/// Finds a folder the project ships (`Queries/`, `Data/`) for a binary run
/// from a checkout: an environment variable, the working directory, or a
/// parent of the executable (`swift run` and `.build/debug/nianbao`).
public enum ProjectFolder {
    /// The first `name` folder holding a file that `accepts`.
    public static func locate(
        _ name: String, environment: String, executable: String = CommandLine.arguments[0],
        accepts: (String) -> Bool
    ) -> URL? {
        if let path = ProcessInfo.processInfo.environment[environment], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        var candidates = [URL(fileURLWithPath: FileManager.default.currentDirectoryPath)]
        var url = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            candidates.append(url)
            url = url.deletingLastPathComponent()
        }
        return candidates.map { $0.appendingPathComponent(name) }.first { folder in
            (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.contains(where: accepts) == true
        }
    }
}
