import Foundation

/// A buffered byte destination (standard output, a file, memory), so writers
/// stream large exports without holding them.
public final class OutputSink {
    private var buffer: [UInt8] = []
    private let handle: FileHandle?
    /// Everything written, when the sink writes to memory.
    public private(set) var collected: [UInt8] = []
    static let flushThreshold = 1 << 16

    /// A sink writing to `handle`.
    public init(handle: FileHandle) { self.handle = handle }

    /// A sink collecting into `collected` (for tests).
    public init() { handle = nil }

    /// Standard output.
    public static func standardOutput() -> OutputSink { OutputSink(handle: .standardOutput) }

    public func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.flushThreshold { flush() }
    }

    public func write(bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.flushThreshold { flush() }
    }

    public func flush() {
        guard !buffer.isEmpty else { return }
        if let handle { handle.write(Data(buffer)) } else { collected += buffer }
        buffer.removeAll(keepingCapacity: true)
    }

    /// What was collected, as text.
    public var text: String { String(decoding: collected, as: UTF8.self) }

    deinit { flush() }
}
