/// A run of prose: a heading, a title line, a sentence.
public struct Paragraph: Sendable, Equatable {
    /// The text, with format markup removed.
    public var text: String
    /// Where the paragraph starts in the file (1-based line for text formats).
    public var line: Int

    public init(text: String, line: Int) {
        self.text = text
        self.line = line
    }
}
