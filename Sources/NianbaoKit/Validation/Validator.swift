import Foundation

/// Checks a report against the catalog's identities and plausibility rules
/// (report-format.md §7) and records what it finds. A reported number is never
/// changed: the only values the validator writes are blank 总计 cells beside
/// non-zero components, computed and marked `derived`.
public struct Validator: Sendable {
    public let catalog: MetricCatalog

    public init(catalog: MetricCatalog = .standard) { self.catalog = catalog }

    public func validate(_ report: inout ExtractedReport) {
        let identities = catalog.identities(for: report.version)
        deriveBlankTotals(identities, &report.cells)
        for identity in identities where check(identity, report.cells, &report.findings) {
            flagViolation(identity, &report.cells)
        }
        checkRegulationMakers(report, &report.findings)
    }

    // MARK: - Derived totals

    /// Fills blank 总计 cells whose components are known and not all zero,
    /// until nothing changes (a row total may feed a column total).
    func deriveBlankTotals(_ identities: [Identity], _ cells: inout [String: CellValue]) {
        var changed = true
        while changed {
            changed = false
            for identity in identities {
                guard let total = identity.total, let cell = cells[total], cell.status == .blank,
                    let sum = IdentityEvaluator.sum(identity.rhs, cells), sum != 0
                else { continue }
                cells[total] = CellValue(
                    value: ExactDecimal(sum), raw: cell.raw, status: .derived, flags: cell.flags, locator: cell.locator)
                changed = true
            }
        }
    }

    // MARK: - Identities

    /// Records a finding when `identity` fails; whether it did.
    @discardableResult
    func check(_ identity: Identity, _ cells: [String: CellValue], _ findings: inout [Finding]) -> Bool {
        let sides = IdentityEvaluator.sides(identity, cells)
        if IdentityEvaluator.overflows(sides: sides) {
            findings.append(Finding(
                rule: identity.rule, severity: .error, metric: identity.total ?? identity.lhs.first?.keys.first,
                message: "\(identity.rule) \(identity.scope): the numbers are too large to add up (more than 19 digits; a damaged table?)"))
            return true
        }
        guard IdentityEvaluator.holds(identity, cells, sides: sides) == false,
            let left = sides.left.value, let right = sides.right.value
        else { return false }
        findings.append(Finding(
            rule: identity.rule, severity: .error, metric: identity.total ?? identity.lhs.first?.keys.first,
            message: "\(identity.rule) \(identity.scope): \(describe(identity.lhs, cells)) = \(left) but \(describe(identity.rhs, cells)) = \(right)"))
        return true
    }

    /// The flag on every cell of a violated identity: one of its numbers is
    /// wrong (misread, misplaced, or misprinted) and nothing says which, so
    /// each value stays as printed and an analyst summing any of them is told.
    static let violationFlag = "identity_violation"

    /// Flags every stored cell `identity` reads (those that count in a sum:
    /// reported, derived, blank or `/`).
    func flagViolation(_ identity: Identity, _ cells: inout [String: CellValue]) {
        for key in Set(identity.keys) {
            guard var cell = cells[key], [.reported, .derived, .blank, .notApplicable].contains(cell.status),
                !cell.flags.contains(Self.violationFlag)
            else { continue }
            cell.flags.append(Self.violationFlag)
            cells[key] = cell
        }
    }

    private func describe(_ terms: [IdentityTerm], _ cells: [String: CellValue]) -> String {
        let parts = terms.map { IdentityEvaluator.value(of: $0, cells).map(String.init) ?? "?" }
        return parts.count > 6 ? "Σ \(parts.count) cells" : parts.joined(separator: "+")
    }

    // MARK: - Plausibility

    /// S4: only State Council departments and provincial or districted-city
    /// governments make 规章; a county-level or lower body reporting them has
    /// almost certainly misplaced a number.
    func checkRegulationMakers(_ report: ExtractedReport, _ findings: inout [Finding]) {
        guard Self.isCountyLevelOrBelow(report.bureau) else { return }
        for key in ["proactive.regulation.issued", "proactive.regulation.repealed", "proactive.regulation.in_force"] {
            guard let value = report.cells[key]?.value, value > ExactDecimal(0) else { continue }
            findings.append(Finding(
                rule: "S4", severity: .warning, metric: key,
                message: "S4 \(report.bureau) reports 规章 \(catalog.metric(key)?.columnLabel ?? key) = \(value), but county-level and lower bodies do not make 规章"))
        }
    }

    /// Whether a bureau name places it at county level or below (县, 区, 旗, 镇, 乡, 街道).
    static func isCountyLevelOrBelow(_ bureau: String) -> Bool {
        let name = bureau.replacingOccurrences(of: "自治区", with: "").replacingOccurrences(of: "地区", with: "")
        return ["县", "区", "旗", "镇", "乡", "街道", "苏木"].contains { name.contains($0) }
    }
}
