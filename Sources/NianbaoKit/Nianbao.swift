/// Facts about this build of nianbao.
public enum Nianbao {
    /// Recorded on every report, so a later fix can re-import what an older parser read.
    public static let parserVersion = "0.1.0"
}
