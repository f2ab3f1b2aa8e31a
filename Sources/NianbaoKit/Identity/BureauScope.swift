/// Whose numbers a report holds (report-format.md §10.3).
///
/// own: the body's own report; aggregate: a government's consolidated report
/// covering its departments (and often its subordinate governments). An
/// aggregate repeats numbers its members also report, so it is stored with
/// its scope and never added to them.
public enum BureauScope: String, Sendable, Codable, CaseIterable {
    case own, aggregate
}
