import Foundation

/// Which files the importer parses one at a time.
///
/// Parsing costs memory in proportion to a file's text: an HTML page's kept
/// tables and the document built from it, text readers a few times the text.
/// Small files (nearly every report) are parsed on every core at once; a
/// text or HTML file over a megabyte, or any file over 16 MB (its bytes are
/// held while it is read), waits for the others of its kind, so an import's
/// peak memory is one large file plus a few small ones, whatever the folder.
enum Exclusive {
    /// Text and HTML files larger than this are parsed alone.
    static let textSize = 1 << 20
    /// Any file larger than this is parsed alone.
    static let anySize = 16 << 20

    static func needed(_ path: String) -> Bool {
        // lstat, as FileManager's attributes (every file passes here: no Foundation dictionary for it).
        var status = stat()
        guard lstat(path, &status) == 0 else { return false }
        let size = Int(status.st_size)
        if size > anySize { return true }
        guard size > textSize, let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = [UInt8]((try? handle.read(upToCount: 8)) ?? Data())
        // DOCX (ZIP) and PDF readers do not grow with the file: their text is capped.
        return ![.docx, .pdf, .ole].contains(DocumentFormat.detect(head))
    }

    /// Gives freed memory back to the system after a large file: glibc keeps
    /// it in the parsing thread's arena, where other threads cannot use it,
    /// so the next large file on another thread would add to the peak.
    static func returnFreedMemory() {
        #if os(Linux)
        _ = glibcMallocTrim(0)
        #endif
    }
}

#if os(Linux)
/// glibc's `malloc_trim` (malloc.h, which Swift's Glibc module does not export).
@_silgen_name("malloc_trim")
private func glibcMallocTrim(_ pad: Int) -> Int32
#endif
