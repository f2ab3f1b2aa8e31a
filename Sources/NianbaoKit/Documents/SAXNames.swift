internal import CLibXML2
import Foundation

/// Names and attributes as libxml2's SAX2 callbacks hand them over, shared by
/// the streaming readers (Word's `document.xml`, poppler's word boxes).
enum SAXNames {
    /// The lower-cased text of a libxml2 name.
    static func lowercased(_ name: UnsafePointer<xmlChar>) -> String {
        let bytes = UnsafeBufferPointer(start: name, count: Int(strlen(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self))))
        guard bytes.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return String(decoding: bytes, as: UTF8.self) }
        let lowered = bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        return String(decoding: lowered, as: UTF8.self)
    }

    /// The value of the attribute whose local name is `name` (SAX2 passes
    /// five pointers per attribute: local name, prefix, URI, value start, value end).
    static func attribute(
        _ name: String, count: Int, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    ) -> String? {
        guard let attributes else { return nil }
        for index in 0..<count {
            guard let local = attributes[index * 5], lowercased(local) == name,
                let start = attributes[index * 5 + 3], let end = attributes[index * 5 + 4], end >= start
            else { continue }
            return String(decoding: UnsafeBufferPointer(start: start, count: end - start), as: UTF8.self)
        }
        return nil
    }
}
