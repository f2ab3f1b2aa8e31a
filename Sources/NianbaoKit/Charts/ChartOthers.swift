/// What a chart does with the groups beyond its first N: sum them as one
/// line (其他 / Others) or leave them out.
public enum ChartOthers: String, Sendable, CaseIterable {
    case sum
    case omit
}
