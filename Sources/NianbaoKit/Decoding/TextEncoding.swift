import Foundation

/// A character encoding nianbao reads reports in.
public enum TextEncoding: String, Sendable, Codable, CaseIterable {
    case utf8 = "UTF-8"
    /// GB18030, a superset of GBK and GB2312: pages declaring either are decoded
    /// as GB18030 because old CMSes label GBK bytes as GB2312 (report-format.md §11.3).
    case gb18030 = "GB18030"
    case utf16LE = "UTF-16LE"
    case utf16BE = "UTF-16BE"

    /// The encoding an encoding label names (`gb2312`, `GBK`, `utf-8`, …), or nil when unknown.
    public init?(label: String) {
        switch label.lowercased().trimmingCharacters(in: .whitespaces) {
        case "utf-8", "utf8": self = .utf8
        case "gb18030", "gbk", "gb2312", "gb_2312-80", "cp936", "x-gbk", "euc-cn", "hz-gb-2312": self = .gb18030
        case "utf-16le", "utf16le": self = .utf16LE
        case "utf-16be", "utf16be": self = .utf16BE
        default: return nil
        }
    }
}
