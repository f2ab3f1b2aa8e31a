/// Flags bureau names that mirror and hijacked copies produce (report-format.md §10.3):
/// place names replaced by a domain ("puroview.com交通运输局") or gambling
/// spam ("365bet(中国)官方网站"). The report is still imported, with a warning,
/// so nothing is lost; a user can re-import with `--bureau`.
public enum BureauNameCheck {
    /// Words no government body's name contains.
    static let spamTokens = ["官方网站", "官网", "娱乐", "彩票", "博彩", "棋牌", "赌", "真人", "体育平台", "投注", "下载", "APP", "app"]

    /// Why `bureau` looks wrong, or nil when it looks like a government body.
    public static func problem(_ bureau: String) -> String? {
        if let first = bureau.first, RowWriter.formulaStarts.contains(first) {
            return "bureau name “\(bureau)” starts with “\(first)”, as a spreadsheet formula does (--excel output quotes it); pass --bureau to name it"
        }
        if bureau.contains(where: { $0.isASCII && $0.isLetter }) {
            return "bureau name “\(bureau)” contains Latin letters (a mirror or hijacked copy?); pass --bureau to name it"
        }
        if let token = spamTokens.first(where: bureau.contains) {
            return "bureau name “\(bureau)” contains “\(token)” (spam injected by a hijacked copy?); pass --bureau to name it"
        }
        return nil
    }
}
