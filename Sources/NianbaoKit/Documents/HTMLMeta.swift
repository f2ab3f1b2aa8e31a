/// The attributes of a `<meta>` element the reader keeps: `name` (or
/// `property`) and `content`. An attribute written without a value is "".
struct HTMLMeta {
    var name: String?
    var property: String?
    var content: String?

    /// The property's name, lower-cased, and its content, when both are there.
    var entry: (String, String)? {
        guard let key = name ?? property, let content else { return nil }
        return (key.lowercased(), content)
    }
}
