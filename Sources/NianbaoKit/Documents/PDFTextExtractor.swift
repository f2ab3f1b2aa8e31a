import Foundation

/// Gets a PDF's text layer through poppler's `pdftotext`: as words with their
/// boxes (`-bbox-layout`) for ``PDFLayoutReader``, which reads tables by
/// position, or as layout text (`-layout`, columns as runs of spaces).
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
        case unreadableOutput

        public var description: String {
            switch self {
            case .toolMissing:
                "reading PDF needs poppler's pdftotext, which is not installed: apt-get install poppler-utils"
            case .toolFailed(let status, let message):
                "pdftotext failed (exit \(status)): \(message.isEmpty ? "damaged or encrypted PDF?" : message)"
            case .timedOut(let seconds): "pdftotext did not finish within \(seconds) s (damaged PDF?)"
            case .noTextLayer: "no text layer (scanned PDF?)"
            case .tooMuchText(let limit): "the PDF's text layer holds more than \(limit >> 20) MB, more than a report ever needs (not a report?)"
            case .unreadableOutput: "pdftotext wrote word boxes nianbao cannot read (damaged PDF?)"
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
        let output = try run(["-layout"], on: bytes, path: path, tool: tool, seconds: timeout, limit: ReportParser.maximumTextSize)
        let text = String(decoding: output, as: UTF8.self)
        guard text.contains(where: { !$0.isWhitespace }) else { throw .noTextLayer }
        return text
    }

    /// Word boxes take about 25 bytes of markup per byte of text.
    static let wordOutputLimit = 16 * ReportParser.maximumTextSize

    /// The words of the PDF `bytes` with their boxes, and each page's size.
    public static func words(of bytes: [UInt8], path: String) throws(Failure) -> PDFPages {
        try words(of: bytes, path: path, tool: executable, seconds: timeout)
    }

    /// The same with the `pdftotext` to run and its time named (tests pass a stand-in).
    static func words(of bytes: [UInt8], path: String, tool: URL?, seconds timeout: Int) throws(Failure) -> PDFPages {
        try pages(fromWordBoxes: wordBoxes(of: bytes, path: path, tool: tool, seconds: timeout))
    }

    /// What `pdftotext -bbox-layout` writes for the PDF `bytes` (XHTML with a box per word).
    public static func wordBoxes(of bytes: [UInt8], path: String) throws(Failure) -> Data {
        try wordBoxes(of: bytes, path: path, tool: executable, seconds: timeout)
    }

    static func wordBoxes(of bytes: [UInt8], path: String, tool: URL?, seconds timeout: Int) throws(Failure) -> Data {
        try run(["-bbox-layout"], on: bytes, path: path, tool: tool, seconds: timeout, limit: wordOutputLimit)
    }

    /// The words and page sizes in `pdftotext -bbox-layout` output (public for the fuzzer).
    public static func pages(fromWordBoxes output: Data) throws(Failure) -> PDFPages {
        switch PDFWordParser.parse(output) {
        case .failure(.tooManyWords): throw .tooMuchText(limit: ReportParser.maximumTextSize)
        case .failure(.invalidOutput): throw .unreadableOutput
        case .success(let parsed):
            guard !parsed.words.isEmpty else { throw .noTextLayer }
            let size = parsed.words.reduce(0) { $0 + $1.text.utf8.count }
            guard size <= ReportParser.maximumTextSize else { throw .tooMuchText(limit: ReportParser.maximumTextSize) }
            return PDFPages(words: parsed.words, sizes: parsed.pageSizes.map { PDFPages.Size(width: $0.width, height: $0.height) })
        }
    }

    /// Runs `pdftotext` with `arguments` on the PDF and returns what it
    /// writes, at most `limit` bytes (a hostile PDF must not fill memory).
    private static func run(
        _ arguments: [String], on bytes: [UInt8], path: String, tool: URL?, seconds timeout: Int, limit: Int
    ) throws(Failure) -> Data {
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
        process.arguments = arguments + ["-enc", "UTF-8", "-q", input, "-"]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do { try process.run() } catch { throw .toolMissing }
        let deadline = DispatchTime.now() + .seconds(timeout)
        let finished = DispatchSemaphore(value: 0)
        let collected = CollectedOutput()
        // Read at most the limit (and a byte), then stop.
        let cap = limit + 1
        DispatchQueue.global().async {
            let handle = output.fileHandleForReading
            while collected.stdout.count < cap {
                let chunk = (try? handle.read(upToCount: min(1 << 16, cap - collected.stdout.count))) ?? nil
                guard let chunk, !chunk.isEmpty else { break }
                collected.stdout.append(chunk)
            }
            finished.signal()
        }
        if finished.wait(timeout: deadline) == .timedOut {
            stop(process, reading: output)
            throw .timedOut(seconds: timeout)
        }
        if collected.stdout.count >= cap {
            stop(process, reading: output)
            throw .tooMuchText(limit: ReportParser.maximumTextSize)
        }
        process.waitUntilExit()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .split(separator: "\n").first.map(String.init) ?? ""
        guard process.terminationStatus == 0 else { throw .toolFailed(status: process.terminationStatus, message: message) }
        return collected.stdout
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
