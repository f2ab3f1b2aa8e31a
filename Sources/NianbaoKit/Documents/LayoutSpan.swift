/// The columns a cell of fixed-width text covers, counted both ways such
/// text is aligned: by character (`pdftotext -layout` pads every character
/// to one column) and by display width (a CJK character two columns).
struct LayoutSpan: Sendable, Equatable {
    var display: ClosedRange<Int>
    var characters: ClosedRange<Int>

    /// How columns are counted.
    enum Measure: CaseIterable {
        case characters
        case display
    }

    func columns(_ measure: Measure) -> ClosedRange<Int> {
        switch measure {
        case .characters: characters
        case .display: display
        }
    }

    mutating func extend(display end: Int, character: Int) {
        display = display.lowerBound...end
        characters = characters.lowerBound...character
    }
}
