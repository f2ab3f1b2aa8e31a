import ArgumentParser
import Foundation

/// Messages for people go to standard error; data goes to standard output.
enum Console {
    /// Whether standard error is a terminal (progress bars only go there).
    static var isTerminal: Bool { isatty(2) == 1 }

    static func note(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    static func error(_ message: String) {
        note("nianbao: error: " + message)
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

