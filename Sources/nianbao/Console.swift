import ArgumentParser
import Foundation
import NianbaoKit

/// Messages for people go to standard error; data goes to standard output.
enum Console {
    /// Whether standard error is a terminal (progress bars only go there).
    static var isTerminal: Bool { isatty(2) == 1 }

    static func note(_ line: String) {
        raw(line + "\n")
    }

    /// Writes `text` to standard error as it is. A failing standard error
    /// (closed, full) loses the message but never crashes the command.
    static func raw(_ text: String) {
        _ = OutputSink.writeAll(Array(text.utf8), to: STDERR_FILENO)
    }

    /// Ends the process after standard output failed: quietly when the
    /// reader closed the pipe (`| head`), with one line otherwise.
    static func outputFailed(_ failure: OutputSink.Failure) -> Never {
        if case .failed(let reason) = failure {
            error("cannot write to standard output: \(reason)")
            exit(ExitCode.failure.rawValue)
        }
        exit(ExitCode.success.rawValue)
    }

    static func error(_ message: String) {
        note("nianbao: error: " + message)
    }
}

extension OutputSink {
    /// Standard output for a command: a write failure ends the process with
    /// one line (``Console/outputFailed(_:)``) instead of more work for nobody.
    static func console() -> OutputSink {
        let sink = OutputSink.standardOutput()
        sink.onFailure = { Console.outputFailed($0) }
        return sink
    }
}

/// A failure a command reports in one line.
struct ConsoleError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

extension Console {
    /// Runs `body`, printing any error as one line and exiting with status 1.
    static func printing(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as ExitCode {
            throw error
        } catch {
            Console.error("\(error)")
            throw ExitCode.failure
        }
    }
}

