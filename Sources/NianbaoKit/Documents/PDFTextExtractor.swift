import Foundation

/// Gets a PDF's text layer through poppler's `pdftotext -layout`, which keeps
/// the page's columns as runs of spaces for ``LayoutTextReader``.
///
/// A separate process per file: poppler is the well-kept PDF text extractor,
/// and a hostile PDF that hangs or crashes it cannot take nianbao down.
public enum PDFTextExtractor {
    /// Why a PDF yields no text.
    public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
        case toolMissing
        case toolFailed(status: Int32, message: String)
        case timedOut(seconds: Int)
        case noTextLayer
        case tooMuchText(limit: Int)

        public var description: String {
            switch self {
            case .toolMissing:
                "reading PDF needs poppler's pdftotext, which is not installed: apt-get install poppler-utils"
            case .toolFailed(let status, let message):
                "pdftotext failed (exit \(status)): \(message.isEmpty ? "damaged or encrypted PDF?" : message)"
            case .timedOut(let seconds): "pdftotext did not finish within \(seconds) s (damaged PDF?)"
            case .noTextLayer: "no text layer (scanned PDF?)"
            case .tooMuchText(let limit): "the PDF's text layer holds more than \(limit >> 20) MB, more than a report ever needs (not a report?)"
            }
        }
    }

    /// Seconds a single PDF may take.
    static let timeout = 60

    /// The `pdftotext` executable on PATH, if any.
    static let executable: URL? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { URL(fileURLWithPath: String($0)).appendingPathComponent("pdftotext") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    /// The layout text of the PDF `bytes` (read from `path` when it holds them).
    public static func text(of bytes: [UInt8], path: String) throws(Failure) -> String {
        try text(of: bytes, path: path, tool: executable, seconds: timeout)
    }

    /// The same with the `pdftotext` to run and its time named (tests pass a stand-in).
    static func text(of bytes: [UInt8], path: String, tool: URL?, seconds timeout: Int) throws(Failure) -> String {
        guard let executable = tool else { throw .toolMissing }
        var input = path
        var temporary: URL?
        if (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) != bytes.count {
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-\(UUID().uuidString).pdf")
            do { try Data(bytes).write(to: url) } catch { throw .toolFailed(status: -1, message: "cannot write a temporary file") }
            temporary = url
            input = url.path
        }
        defer { if let temporary { try? FileManager.default.removeItem(at: temporary) } }

        let process = Process()
        process.executableURL = executable
        process.arguments = ["-layout", "-enc", "UTF-8", "-q", input, "-"]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do { try process.run() } catch { throw .toolMissing }
        let deadline = DispatchTime.now() + .seconds(timeout)
        let finished = DispatchSemaphore(value: 0)
        let collected = CollectedOutput()
        // Read at most the text limit (and a byte): a hostile PDF must not fill memory with text.
        let limit = ReportParser.maximumTextSize + 1
        DispatchQueue.global().async {
            let handle = output.fileHandleForReading
            while collected.stdout.count < limit {
                let chunk = (try? handle.read(upToCount: min(1 << 16, limit - collected.stdout.count))) ?? nil
                guard let chunk, !chunk.isEmpty else { break }
                collected.stdout.append(chunk)
            }
            finished.signal()
        }
        if finished.wait(timeout: deadline) == .timedOut {
            stop(process, reading: output)
            throw .timedOut(seconds: timeout)
        }
        if collected.stdout.count >= limit {
            stop(process, reading: output)
            throw .tooMuchText(limit: ReportParser.maximumTextSize)
        }
        process.waitUntilExit()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .split(separator: "\n").first.map(String.init) ?? ""
        guard process.terminationStatus == 0 else { throw .toolFailed(status: process.terminationStatus, message: message) }
        let text = String(decoding: collected.stdout, as: UTF8.self)
        guard text.contains(where: { !$0.isWhitespace }) else { throw .noTextLayer }
        return text
    }
}

extension PDFTextExtractor {
    /// Ends `process` for good. SIGKILL, not `terminate()`'s SIGTERM: a
    /// process started from a Dispatch worker thread inherits that thread's
    /// signal mask, in which SIGTERM is blocked, so a hung pdftotext would
    /// outlive its timeout. Closing the pipe ends whatever still writes to it.
    static func stop(_ process: Process, reading output: Pipe) {
        kill(process.processIdentifier, SIGKILL)
        try? output.fileHandleForReading.close()
        process.waitUntilExit()
    }
}

/// The reading thread's result, handed back after the semaphore.
private final class CollectedOutput: @unchecked Sendable {
    var stdout = Data()
}
