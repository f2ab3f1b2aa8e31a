import Foundation

/// The HTML elements the reader treats apart, named without making a String
/// per element: libxml2 hands names over as lower-case C strings, and a page
/// has thousands of elements. Every other name is ``other``.
enum HTMLTag: UInt8 {
    case other
    // Structure the reader acts on.
    case head, title, meta, br, table, tr, td, th, thead, tbody, tfoot
    // Never report text.
    case script, style, noscript, template, iframe, object, svg, select, button
    // Start a new line of text.
    case p, div, h1, h2, h3, h4, h5, h6, li, ul, ol, section, article, header, footer, nav, aside, blockquote, pre
    case dd, dt, dl, center, form, hr, caption, main, figure, figcaption, address

    /// The tag of the element libxml2's tree would hold for `name`, a
    /// NUL-terminated lower-case name: libxml2 2.9 names an element by its
    /// local part (`o:p` is a `p`, Word's paragraph ends), as `xmlSplitQName` splits it.
    init(element name: UnsafePointer<UInt8>) {
        self.init(Self.localPart(name))
    }

    /// `xmlSplitQName`'s local part: after the first ':' when the prefix is
    /// not `xml` and not empty and the local part starts with a letter or '_'.
    private static func localPart(_ name: UnsafePointer<UInt8>) -> UnsafePointer<UInt8> {
        guard name[0] != 0x3A, !(name[0] == 0x78 && name[1] == 0x6D && name[2] == 0x6C && name[3] == 0x3A),
            let colon = strchr(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self), 0x3A)
        else { return name }
        let local = UnsafeRawPointer(colon).assumingMemoryBound(to: UInt8.self) + 1
        let first = local[0]
        let isNameStart = (0x61...0x7A).contains(first) || (0x41...0x5A).contains(first) || first == 0x5F
        return isNameStart ? local : name
    }

    /// The tag named by `name`, a NUL-terminated lower-case name, as written.
    init(_ name: UnsafePointer<UInt8>) {
        let length = strlen(name)
        guard length <= Self.longest else {
            self = .other
            return
        }
        let bytes = UnsafeBufferPointer(start: name, count: length)
        for (candidate, tag) in Self.byLength[length] where candidate.elementsEqual(bytes) {
            self = tag
            return
        }
        self = .other
    }

    /// Elements whose content is never report text (`head` is read apart, for its title and meta).
    var isIgnored: Bool {
        switch self {
        case .script, .style, .noscript, .template, .iframe, .object, .svg, .select, .button, .head: true
        default: false
        }
    }

    /// Elements that start a new line of text.
    var isBlock: Bool {
        switch self {
        case .p, .div, .h1, .h2, .h3, .h4, .h5, .h6, .li, .ul, .ol, .tr, .td, .th, .table, .tbody, .thead, .tfoot,
            .section, .article, .header, .footer, .nav, .aside, .blockquote, .pre, .dd, .dt, .dl, .center, .form, .hr,
            .caption, .main, .figure, .figcaption, .address:
            true
        default: false
        }
    }

    private static let names: [(String, HTMLTag)] = [
        ("head", .head), ("title", .title), ("meta", .meta), ("br", .br), ("table", .table), ("tr", .tr), ("td", .td),
        ("th", .th), ("thead", .thead), ("tbody", .tbody), ("tfoot", .tfoot), ("script", .script),
        ("style", .style), ("noscript", .noscript), ("template", .template), ("iframe", .iframe), ("object", .object),
        ("svg", .svg), ("select", .select), ("button", .button), ("p", .p), ("div", .div), ("h1", .h1), ("h2", .h2),
        ("h3", .h3), ("h4", .h4), ("h5", .h5), ("h6", .h6), ("li", .li), ("ul", .ul), ("ol", .ol), ("section", .section),
        ("article", .article), ("header", .header), ("footer", .footer), ("nav", .nav), ("aside", .aside),
        ("blockquote", .blockquote), ("pre", .pre), ("dd", .dd), ("dt", .dt), ("dl", .dl), ("center", .center),
        ("form", .form), ("hr", .hr), ("caption", .caption), ("main", .main), ("figure", .figure),
        ("figcaption", .figcaption), ("address", .address),
    ]

    private static let longest = names.map(\.0.utf8.count).max()!

    /// The names by their length in bytes, as byte arrays.
    private static let byLength: [[([UInt8], HTMLTag)]] = {
        var table = Array(repeating: [([UInt8], HTMLTag)](), count: longest + 1)
        for (name, tag) in names { table[name.utf8.count].append((Array(name.utf8), tag)) }
        return table
    }()
}
