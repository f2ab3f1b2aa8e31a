/// One file of an import and what happened to it.
public struct FileResult: Sendable, Equatable {
    public let path: String
    public let outcome: FileOutcome

    public var failed: Bool {
        if case .failed = outcome { true } else { false }
    }
}
