import Foundation
internal import CSQLite

extension Connection {
    /// Runs `body` with statements interrupted once `seconds` have passed
    /// (0 or less: no limit), through SQLite's progress handler, which is
    /// "invoked periodically during long running calls to sqlite3_step()";
    /// "If the progress callback returns non-zero, the operation is
    /// interrupted" and the statement fails with SQLITE_INTERRUPT.
    ///
    /// The handler checks the clock every 10 000 virtual-machine
    /// instructions: a fraction of a millisecond apart, at no measurable cost.
    public func withTimeLimit<T>(seconds: Double, _ body: () throws -> T) rethrows -> T {
        guard seconds > 0 else { return try body() }
        let deadline = UnsafeMutablePointer<UInt64>.allocate(capacity: 1)
        deadline.initialize(to: DispatchTime.now().uptimeNanoseconds + UInt64(seconds * 1e9))
        defer {
            sqlite3_progress_handler(handle.pointer, 0, nil, nil)
            deadline.deallocate()
        }
        sqlite3_progress_handler(handle.pointer, 10_000, { context in
            guard let context else { return 0 }
            let deadline = context.assumingMemoryBound(to: UInt64.self).pointee
            return DispatchTime.now().uptimeNanoseconds > deadline ? 1 : 0
        }, deadline)
        return try body()
    }
}

extension SQLiteError {
    /// The statement was interrupted (a time limit, sqlite3_interrupt).
    public var isInterrupt: Bool { primaryResultCode == CSQLite.SQLITE_INTERRUPT }
}
