import Foundation

/// A buffered byte destination (standard output, a file, memory), so writers
/// stream large exports without holding them.
///
/// Writing can fail: a full disk, a reader that went away (`| head`). The
/// first failure is kept in ``failure`` and handed to ``onFailure``; later
/// writes are dropped, so a long export stops producing output at once
/// instead of trapping in `FileHandle.write` as it once did.
public final class OutputSink {
    /// Why output could not be written.
    public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
        /// The reading end of a pipe was closed (`nianbao export | head`).
        case closed
        /// Any other write error, in the system's words (`No space left on device`).
        case failed(String)

        public var description: String {
            switch self {
            case .closed: "the reader closed the pipe"
            case .failed(let reason): reason
            }
        }
    }

    private var buffer: [UInt8] = []
    private let descriptor: Int32?
    /// Everything written, when the sink writes to memory.
    public private(set) var collected: [UInt8] = []
    /// The first write failure, if any; nothing is written after it.
    public private(set) var failure: Failure?
    /// Called once, with the first failure (the command line ends the process there).
    public var onFailure: (Failure) -> Void = { _ in }
    static let flushThreshold = 1 << 16

    /// A sink writing to the file descriptor `descriptor`.
    public init(descriptor: Int32) { self.descriptor = descriptor }

    /// A sink collecting into `collected` (for tests).
    public init() { descriptor = nil }

    /// Standard output.
    public static func standardOutput() -> OutputSink { OutputSink(descriptor: STDOUT_FILENO) }

    public func write(_ text: String) {
        guard failure == nil else { return }
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.flushThreshold { flush() }
    }

    public func write(bytes: [UInt8]) {
        guard failure == nil else { return }
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.flushThreshold { flush() }
    }

    public func flush() {
        guard !buffer.isEmpty, failure == nil else { return }
        defer { buffer.removeAll(keepingCapacity: true) }
        guard let descriptor else {
            collected += buffer
            return
        }
        if let failure = Self.writeAll(buffer, to: descriptor) {
            self.failure = failure
            onFailure(failure)
        }
    }

    /// Writes every byte to `descriptor`, retrying short and interrupted
    /// writes; the failure, if the system refuses.
    public static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Failure? {
        bytes.withUnsafeBytes { buffer -> Failure? in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno == EPIPE ? .closed : .failed(String(cString: strerror(errno)))
                }
                offset += written
            }
            return nil
        }
    }

    /// What was collected, as text.
    public var text: String { String(decoding: collected, as: UTF8.self) }

    deinit { flush() }
}
