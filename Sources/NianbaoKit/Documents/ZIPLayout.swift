/// The structure of a ZIP archive, checked before ZIPFoundation reads it.
///
/// ZIPFoundation's in-memory archive trusts the offsets an archive states: an
/// end-of-central-directory record whose central directory lies past the end
/// of the file makes it seek there and trap (`Range requires lowerBound <=
/// upperBound` in `Archive.MemoryFile.readData`), which ends the whole import.
/// So every place ZIPFoundation will seek to is found here first, the same
/// way it finds them, and must lie inside the file: the end record (found by
/// scanning back from the end, as ZIPFoundation does), each central-directory
/// entry, each local header with its name and extra field, each entry's data
/// and data descriptor. ZIP64 structures are refused: a Word document is far
/// below 4 GB, and ZIP64's 64-bit offsets are what a hostile file would use to
/// overflow ZIPFoundation's `off_t` conversions.
///
/// This is a bounds check, not a second ZIP reader: inflating stays ZIPFoundation's.
struct ZIPLayout {
    /// The number of entries in the central directory.
    let entryCount: Int

    /// Why an archive is refused, in words for the import line.
    enum Problem: Error, Equatable, CustomStringConvertible {
        case noEndRecord
        case zip64
        case outOfBounds(String)
        case tooManyEntries(Int)

        var description: String {
            switch self {
            case .noEndRecord: "no ZIP end-of-central-directory record (truncated or not a ZIP archive)"
            case .zip64: "ZIP64 archive, which no Word document needs (damaged or hostile file?)"
            case .outOfBounds(let what): "\(what) points past the end of the file (truncated or damaged archive)"
            case .tooManyEntries(let count): "ZIP archive has \(count) entries, more than a Word document has (zip bomb?)"
            }
        }
    }

    static let endRecordSignature: UInt32 = 0x0605_4B50
    static let zip64LocatorSignature: UInt32 = 0x0706_4B50
    static let centralEntrySignature: UInt32 = 0x0201_4B50
    static let localHeaderSignature: UInt32 = 0x0403_4B50
    static let endRecordSize = 22
    static let centralEntrySize = 46
    static let localHeaderSize = 30
    /// The larger data descriptor (with its optional signature).
    static let dataDescriptorSize = 16

    /// Checks `bytes`, allowing at most `maximumEntries` entries.
    static func check(_ bytes: UnsafeRawBufferPointer, maximumEntries: Int) throws(Problem) -> ZIPLayout {
        let length = bytes.count
        func u16(_ offset: Int) -> Int { Int(bytes[offset]) | Int(bytes[offset + 1]) << 8 }
        func u32(_ offset: Int) -> Int { u16(offset) | u16(offset + 2) << 16 }
        func within(_ start: Int, _ count: Int, _ what: @autoclosure () -> String) throws(Problem) {
            guard start >= 0, count >= 0, start <= length, count <= length - start else { throw .outOfBounds(what()) }
        }

        // The end record: the last signature scanning back from 22 bytes before the end, as ZIPFoundation scans.
        guard length >= endRecordSize else { throw .noEndRecord }
        var end = length - endRecordSize
        while end >= 0 && UInt32(u32(end)) != endRecordSignature { end -= 1 }
        guard end >= 0 else { throw .noEndRecord }
        try within(end + endRecordSize, u16(end + 20), "the archive comment")
        let entries = u16(end + 10), directorySize = u32(end + 12), directoryStart = u32(end + 16)
        if entries == 0xFFFF || directorySize == 0xFFFF_FFFF || directoryStart == 0xFFFF_FFFF { throw .zip64 }
        if end >= 20, UInt32(u32(end - 20)) == zip64LocatorSignature { throw .zip64 }
        guard entries <= maximumEntries else { throw .tooManyEntries(entries) }
        try within(directoryStart, directorySize, "the central directory")

        var position = directoryStart
        for index in 1...max(entries, 1) where entries > 0 {
            try within(position, centralEntrySize, "central directory entry \(index)")
            guard UInt32(u32(position)) == centralEntrySignature else {
                throw .outOfBounds("central directory entry \(index) (bad signature)")
            }
            let flags = u16(position + 8), method = u16(position + 10)
            let compressed = u32(position + 20), uncompressed = u32(position + 24)
            let nameLength = u16(position + 28), extraLength = u16(position + 30), commentLength = u16(position + 32)
            let localStart = u32(position + 42)
            if bytes[position + 6] >= 45 || compressed == 0xFFFF_FFFF || uncompressed == 0xFFFF_FFFF
                || localStart == 0xFFFF_FFFF
            {
                throw .zip64
            }
            try within(position + centralEntrySize, nameLength + extraLength + commentLength, "central directory entry \(index)")
            try checkExtraField(bytes, start: position + centralEntrySize + nameLength, count: extraLength)

            try within(localStart, localHeaderSize, "the local header of entry \(index)")
            guard UInt32(u32(localStart)) == localHeaderSignature else {
                throw .outOfBounds("the local header of entry \(index) (bad signature)")
            }
            let localCompressed = u32(localStart + 18)
            let localName = u16(localStart + 26), localExtra = u16(localStart + 28)
            try within(localStart + localHeaderSize, localName + localExtra, "the local header of entry \(index)")
            try checkExtraField(bytes, start: localStart + localHeaderSize + localName, count: localExtra)
            let dataStart = localStart + localHeaderSize + localName + localExtra
            // ZIPFoundation reads stored data by its uncompressed size, and some paths by the local header's size.
            let dataSize = method == 0 ? uncompressed : compressed
            try within(dataStart, max(dataSize, compressed, localCompressed), "the data of entry \(index)")
            if flags & 0x8 != 0 {
                try within(dataStart + dataSize, 0, "the data descriptor of entry \(index)")
            }
            position += centralEntrySize + nameLength + extraLength + commentLength
        }
        return ZIPLayout(entryCount: entries)
    }

    /// Refuses a ZIP64 extended-information field (header 0x0001) in an extra field.
    private static func checkExtraField(_ bytes: UnsafeRawBufferPointer, start: Int, count: Int) throws(Problem) {
        var offset = start
        while offset + 4 <= start + count {
            let header = Int(bytes[offset]) | Int(bytes[offset + 1]) << 8
            let size = Int(bytes[offset + 2]) | Int(bytes[offset + 3]) << 8
            if header == 0x0001 { throw .zip64 }
            offset += 4 + size
        }
    }
}
