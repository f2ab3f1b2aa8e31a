import Foundation

/// Finds a folder the project ships (`Queries/`, `Data/`): an environment
/// variable, the working directory, an installed copy beside the binary
/// (`PREFIX/share/nianbao/NAME` for `PREFIX/bin/nianbao`), or a checkout
/// above the binary (`swift run`, `.build/release/nianbao`, or a symlink to
/// it on PATH).
///
/// The binary is found through `/proc/self/exe`, not `argv[0]`: run through
/// PATH, `argv[0]` is a bare `nianbao`, which names no folder at all.
public enum ProjectFolder {
    /// The first `name` folder holding a file that `accepts`.
    public static func locate(
        _ name: String, environment: String, executable: String? = nil, accepts: (String) -> Bool
    ) -> URL? {
        if let path = ProcessInfo.processInfo.environment[environment], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        var candidates = [URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(name)]
        var url = URL(fileURLWithPath: executable ?? runningExecutable()).resolvingSymlinksInPath().deletingLastPathComponent()
        candidates.append(url.deletingLastPathComponent().appendingPathComponent("share/nianbao").appendingPathComponent(name))
        for _ in 0..<6 {
            candidates.append(url.appendingPathComponent(name))
            url = url.deletingLastPathComponent()
        }
        return candidates.first { folder in
            (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.contains(where: accepts) == true
        }
    }

    /// The path of the running binary, symlinks resolved.
    static func runningExecutable() -> String {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
        return CommandLine.arguments[0]
    }
}
