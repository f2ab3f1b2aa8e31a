/// One element of a ``Document``.
public enum Block: Sendable, Equatable {
    case paragraph(Paragraph)
    case table(Table)
}
