/// Inline images of an HTML page (`src="data:image/png;base64,…"`), which
/// CMS editors paste into report pages: megabytes of base64 that nianbao
/// never reads. Removed before a large page is measured and parsed, so the
/// page's size limit applies to its markup and text, not to its pictures.
enum InlineImages {
    /// Shorter base64 runs are left alone (they cost nothing).
    static let minimumRun = 1_024

    /// `bytes` with every base64 run longer than ``minimumRun`` after
    /// `base64,` removed (the `data:…;base64,` prefix stays, so the markup
    /// stays well-formed).
    static func removed(from bytes: [UInt8]) -> [UInt8] {
        let marker = Array("base64,".utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            result.append(bytes[index])
            index += 1
            guard result.count >= marker.count, result[(result.count - marker.count)...].elementsEqual(marker) else { continue }
            var end = index
            while end < bytes.count, isBase64(bytes[end]) { end += 1 }
            if end - index >= minimumRun { index = end }
        }
        return result
    }

    private static func isBase64(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x41...0x5A, 0x61...0x7A, 0x30...0x39, 0x2B, 0x2F, 0x3D, 0x0A, 0x0D, 0x20: true
        default: false
        }
    }
}
