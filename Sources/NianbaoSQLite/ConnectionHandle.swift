internal import CSQLite

/// Owns the `sqlite3*` and closes it when the last user lets go.
///
/// Both the `Connection` and every `Statement` it prepared hold the handle,
/// so a statement that outlives its connection still points at an open
/// database rather than freed memory, and a connection never has to reach
/// into statements that callers still hold. The cache of statements lives in
/// the connection; statements do not point back at it, so there is no cycle.
///
/// `sqlite3_close_v2` is the variant "intended for use with host languages
/// that are garbage collected, and where the order in which destructors are
/// called is arbitrary": given unfinalized statements it "marks the database
/// connection as an unusable zombie and makes arrangements to automatically
/// deallocate the database connection after all prepared statements are
/// finalized". With the handle retained by each statement that case should
/// not arise, but `close_v2` keeps it safe if it ever does.
final class ConnectionHandle {
    let pointer: OpaquePointer

    init(_ pointer: OpaquePointer) {
        self.pointer = pointer
    }

    deinit {
        // "If an sqlite3 object is destroyed while a transaction is open, the
        // transaction is automatically rolled back."
        sqlite3_close_v2(pointer)
    }
}
