import Foundation

/// A one-line progress bar on standard error: files done of total, rate and
/// time left, redrawn at most ten times a second.
final class ProgressBar {
    private let start = Date()
    private var lastDraw = Date.distantPast
    private var drawn = false

    func update(done: Int, total: Int) {
        let now = Date()
        guard done == total || now.timeIntervalSince(lastDraw) >= 0.1 else { return }
        lastDraw = now
        let elapsed = max(now.timeIntervalSince(start), 0.001)
        let rate = Double(done) / elapsed
        let left = rate > 0 ? Double(total - done) / rate : 0
        let width = 30
        let filled = total > 0 ? width * done / total : width
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        let line = String(format: "[%@] %d/%d files  %.0f/s  %@ left", bar, done, total, rate, Self.clock(left))
        Console.raw("\r\u{1B}[K" + line)
        drawn = true
    }

    /// Removes the bar so a message can take the line.
    func clear() {
        guard drawn else { return }
        Console.raw("\r\u{1B}[K")
        drawn = false
    }

    static func clock(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        return String(format: "%d:%02d", total / 60, total % 60)
    }
}
