/// One event of a table kept until the table ends, when the reader knows
/// whether it holds other tables (page layout, read as flow: the events are
/// replayed) or not (a data table: the events become its grid).
///
/// Text is a range of the reader's byte buffer, so keeping a table costs no
/// String per cell.
struct HTMLEvent {
    enum Kind: UInt8 {
        case start, end, text
    }

    var kind: Kind
    var tag: HTMLTag
    /// Text: the first byte. `td`/`th` start: the row span. `meta` start: the index of its attributes.
    var lower: Int32 = 0
    /// Text: past the last byte. `td`/`th` start: the column span.
    var upper: Int32 = 0
}
