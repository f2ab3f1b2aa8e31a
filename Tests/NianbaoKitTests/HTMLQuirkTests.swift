import Foundation
import Testing
@testable import NianbaoKit

@Suite struct HTMLQuirkTests {
    @Test func findSeed() {
        for seed in UInt64(0)..<400 {
            let a = RoundTrip.report(seed: seed, version: .v2021, blankZeros: true)
            let b = RoundTrip.report(seed: seed, version: .v2019, blankZeros: true)
            func ok(_ r: SyntheticReport) -> Bool {
                ["proactive.penalty.decisions", "outcome.denied.third_party.natural_person", "review.total", "requests.new.org_commercial"].allSatisfy { (r.value($0)?.integerValue ?? 0) > 1 }
                && r.value("outcome.granted.org_research") == nil && (r.value("proactive.penalty.decisions")?.integerValue ?? 0) > 100
            }
            if ok(a) && ok(b) { print("SEED", seed, a.value("proactive.fee.amount_10k_yuan") as Any, b.value("proactive.procurement.amount_10k_yuan") as Any, b.value("proactive.license.items_change") as Any) }
        }
    }
}
