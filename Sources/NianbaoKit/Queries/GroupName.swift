import Foundation

/// A trend group's name as a dictionary key, compared and hashed by its
/// UTF-8 bytes.
///
/// `String` hashes and compares by canonical equivalence, which normalises
/// every Chinese name each time: with tens of thousands of bodies a trend by
/// bureau spent a third of its time there. Group names all come from the
/// database (or the alias table) as stored, so equal names are equal bytes.
struct GroupName: Hashable {
    let text: String

    init(_ text: String) { self.text = text }

    func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    static func == (lhs: GroupName, rhs: GroupName) -> Bool {
        var a = lhs.text, b = rhs.text
        return a.withUTF8 { x in b.withUTF8 { y in x.count == y.count && (x.isEmpty || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0) } }
    }
}
