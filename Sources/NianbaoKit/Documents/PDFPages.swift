/// A PDF's text layer as positioned words, page by page, as
/// ``PDFTextExtractor/words(of:path:)`` reads it.
public struct PDFPages: Sendable, Equatable {
    public struct Size: Sendable, Equatable {
        public var width: Double
        public var height: Double

        public init(width: Double, height: Double) {
            self.width = width
            self.height = height
        }
    }

    /// Every word in the order poppler read it.
    public var words: [PDFWord]
    /// The size of each page, in points.
    public var sizes: [Size]

    public init(words: [PDFWord], sizes: [Size]) {
        self.words = words
        self.sizes = sizes
    }
}
