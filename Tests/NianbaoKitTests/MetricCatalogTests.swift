import Testing
@testable import NianbaoKit

/// The catalog against report-format.md §3, §4, §5 and §6.
@Suite struct MetricCatalogTests {
    static let catalog = MetricCatalog.standard

    private func required(_ version: TemplateVersion, _ section: ReportSection) -> [Metric] {
        Self.catalog.requiredMetrics(for: version).filter { $0.section == section }
    }

    // MARK: Counts

    @Test func sectionTwoCounts() {
        #expect(required(.v2019, .proactive).count == 22)
        #expect(required(.v2021, .proactive).count == 10)
    }

    @Test func sectionThreeCounts() {
        #expect(required(.v2019, .requests).count == 161)  // 23 rows × 7
        #expect(required(.v2021, .requests).count == 175)  // 25 rows × 7
    }

    @Test func sectionFourCounts() {
        #expect(required(.v2019, .appeals).count == 15)
        #expect(required(.v2021, .appeals).count == 15)
        #expect(Self.catalog.appealKeys.count == 15)
        #expect(Self.catalog.appealKeys == required(.v2021, .appeals).map(\.key))
    }

    @Test func requiredTotals() {
        #expect(Self.catalog.requiredMetrics(for: .v2019).count == 22 + 161 + 15)
        #expect(Self.catalog.requiredMetrics(for: .v2021).count == 10 + 175 + 15)
    }

    @Test func requestRowCounts() {
        let required2019 = Self.catalog.requestRows(for: .v2019).filter { $0.isRequired(in: .v2019) }
        let required2021 = Self.catalog.requestRows(for: .v2021).filter { $0.isRequired(in: .v2021) }
        #expect(required2019.count == 23)
        #expect(required2021.count == 25)
        #expect(Self.catalog.applicantColumns.map(\.key) == [
            "natural_person", "org_commercial", "org_research", "org_public_interest", "org_legal_service", "org_other", "total",
        ])
    }

    @Test func v2021RowsInTemplateOrder() {
        let keys = Self.catalog.requestRows(for: .v2021).filter { $0.isRequired(in: .v2021) }.map(\.key)
        #expect(keys == [
            "requests.new", "requests.carried_in", "outcome.granted", "outcome.partial",
            "outcome.denied.state_secret", "outcome.denied.law_prohibited", "outcome.denied.security_stability",
            "outcome.denied.third_party", "outcome.denied.internal_affairs", "outcome.denied.process_info",
            "outcome.denied.enforcement_file", "outcome.denied.admin_query",
            "outcome.unavailable.not_held", "outcome.unavailable.needs_creation", "outcome.unavailable.still_unclear",
            "outcome.not_processed.petition_complaint", "outcome.not_processed.duplicate",
            "outcome.not_processed.publication", "outcome.not_processed.excessive", "outcome.not_processed.reconfirm",
            "outcome.other.no_correction", "outcome.other.fee_unpaid", "outcome.other.other",
            "outcome.total", "carried_out",
        ])
    }

    @Test func v2019SectionThreeHasTheMergedOtherRow() {
        let keys = Self.catalog.requestRows(for: .v2019).filter { $0.isRequired(in: .v2019) }.map(\.key)
        #expect(keys.contains("outcome.other.subtotal"))
        #expect(!keys.contains("outcome.other.no_correction"))
        #expect(Array(keys.suffix(3)) == ["outcome.other.subtotal", "outcome.total", "carried_out"])
        let v2021 = Self.catalog.requiredMetrics(for: .v2021).map(\.key)
        #expect(!v2021.contains("outcome.other.subtotal.total"))
    }

    // MARK: Keys

    @Test func everyKeyIsUnique() {
        let keys = Self.catalog.metrics.map(\.key)
        #expect(Set(keys).count == keys.count)
    }

    @Test func keysFollowTheGrammar() {
        for metric in Self.catalog.metrics {
            let ok = metric.key.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "." || $0 == "_") }
            #expect(ok, "\(metric.key)")
            #expect(!metric.key.hasPrefix(".") && !metric.key.hasSuffix(".") && !metric.key.contains(".."))
        }
    }

    @Test(arguments: [
        // §6.1 section 二
        "proactive.regulation.issued", "proactive.regulation.repealed", "proactive.regulation.in_force",
        "proactive.regulation.new_published", "proactive.regulation.published_total",
        "proactive.normative_doc.issued", "proactive.normative_doc.in_force", "proactive.normative_doc.published_total",
        "proactive.license.decisions", "proactive.license.items_prev_year", "proactive.license.items_change",
        "proactive.other_service.items_prev_year", "proactive.other_service.items_change", "proactive.other_service.decisions",
        "proactive.penalty.decisions", "proactive.penalty.items_change", "proactive.coercion.decisions",
        "proactive.fee.amount_10k_yuan", "proactive.fee.items_prev_year", "proactive.fee.items_change",
        "proactive.procurement.projects", "proactive.procurement.amount_10k_yuan",
        // §4.2 section 三
        "requests.new.natural_person", "requests.carried_in.org_other", "outcome.granted.total",
        "outcome.partial.org_commercial", "outcome.denied.state_secret.total", "outcome.denied.security_stability.org_research",
        "outcome.unavailable.still_unclear.org_public_interest", "outcome.not_processed.reconfirm.total",
        "outcome.other.fee_unpaid.org_legal_service", "outcome.other.no_correction.total", "outcome.other.other.natural_person",
        "outcome.other.subtotal.total", "outcome.total.total", "carried_out.total",
        // §4.3 section 四
        "review.upheld", "review.corrected", "review.other", "review.pending", "review.total",
        "litigation.direct.upheld", "litigation.direct.total", "litigation.after_review.pending", "litigation.after_review.total",
    ])
    func specKeyExists(_ key: String) {
        #expect(Self.catalog.metric(key) != nil, "\(key) missing from the catalog")
    }

    @Test(arguments: [
        "proactive.regulation.in_force_total", "proactive.procurement.decisions",
        "outcome.denied.total", "review.items", "litigation.total", "", "requests.new",
    ])
    func unknownKeysAreNil(_ key: String) {
        #expect(Self.catalog.metric(key) == nil, "\(key) should not be a metric")
    }

    @Test func sectionsOfKeys() throws {
        #expect(try #require(Self.catalog.metric("proactive.fee.amount_10k_yuan")).section == .proactive)
        #expect(try #require(Self.catalog.metric("outcome.total.total")).section == .requests)
        #expect(try #require(Self.catalog.metric("litigation.after_review.total")).section == .appeals)
    }

    // MARK: Versions and comparability (§5, §6)

    @Test(arguments: [
        ("proactive.regulation.issued", Comparability.approx),
        ("proactive.normative_doc.issued", .approx),
        ("proactive.penalty.decisions", .same),
        ("proactive.license.decisions", .same),
        ("proactive.coercion.decisions", .same),
        ("outcome.other.no_correction.total", .v2021Only),
        ("outcome.other.fee_unpaid.org_legal_service", .v2021Only),
        ("outcome.other.other.natural_person", .v2021Only),
        ("proactive.regulation.repealed", .v2021Only),
        ("proactive.regulation.in_force", .v2021Only),
        ("proactive.fee.amount_10k_yuan", .v2021Only),
        ("proactive.regulation.new_published", .v2019Only),
        ("proactive.regulation.published_total", .v2019Only),
        ("proactive.license.items_prev_year", .v2019Only),
        ("proactive.fee.items_prev_year", .v2019Only),
        ("proactive.other_service.decisions", .v2019Only),
        ("proactive.procurement.amount_10k_yuan", .v2019Only),
        ("outcome.other.subtotal.total", .same),
        ("requests.new.total", .same),
        ("review.total", .same),
        ("litigation.after_review.total", .same),
    ])
    func comparability(_ key: String, _ expected: Comparability) throws {
        let metric = try #require(Self.catalog.metric(key))
        #expect(metric.comparability == expected, "\(key): \(metric.comparability)")
    }

    @Test func versionsOfMetrics() throws {
        #expect(try #require(Self.catalog.metric("outcome.other.no_correction.total")).versions == [.v2021])
        #expect(try #require(Self.catalog.metric("proactive.procurement.projects")).versions == [.v2019])
        #expect(try #require(Self.catalog.metric("review.total")).versions == [.v2019, .v2021])
        let subtotal = try #require(Self.catalog.metric("outcome.other.subtotal.natural_person"))
        #expect(subtotal.optionalIn == [.v2021])
        #expect(subtotal.versions == [.v2019, .v2021])
    }

    // MARK: Units

    @Test func units() throws {
        #expect(try #require(Self.catalog.metric("proactive.fee.amount_10k_yuan")).unit == .tenThousandYuan)
        #expect(try #require(Self.catalog.metric("proactive.procurement.amount_10k_yuan")).unit == .tenThousandYuan)
        #expect(try #require(Self.catalog.metric("proactive.license.items_prev_year")).unit == .items)
        #expect(try #require(Self.catalog.metric("proactive.penalty.decisions")).unit == .count)
        #expect(try #require(Self.catalog.metric("requests.new.total")).unit == .count)
        #expect(try #require(Self.catalog.metric("review.total")).unit == .count)
        let moneyKeys = Self.catalog.metrics.filter { $0.unit == .tenThousandYuan }.map(\.key)
        #expect(Set(moneyKeys) == ["proactive.fee.amount_10k_yuan", "proactive.procurement.amount_10k_yuan"])
    }

    @Test func onlyItemChangesAreSigned() {
        let signed = Set(Self.catalog.metrics.filter(\.isSigned).map(\.key))
        #expect(signed == [
            "proactive.license.items_change", "proactive.other_service.items_change", "proactive.penalty.items_change",
            "proactive.coercion.items_change", "proactive.fee.items_change",
        ])
    }

    @Test func feeHeaderStatesItsUnitButProcurementDoesNot() throws {
        // Decides whether a bare amount is flagged unit_inferred (§3.1, §4.1).
        #expect(try #require(Self.catalog.metric("proactive.fee.amount_10k_yuan")).columnLabel.contains("万元"))
        #expect(try !#require(Self.catalog.metric("proactive.procurement.amount_10k_yuan")).columnLabel.contains("万元"))
    }

    // MARK: Identities

    @Test func identityCounts() {
        for version in TemplateVersion.allCases {
            let identities = Self.catalog.identities(for: version)
            #expect(identities.filter { $0.rule == "R1" }.count == 7, "\(version)")
            #expect(identities.filter { $0.rule == "R4" }.count == 3, "\(version)")
        }
        // R2: one per printed row, optional subtotal rows included.
        #expect(Self.catalog.identities(for: .v2021).filter { $0.rule == "R2" }.count == 29)
        #expect(Self.catalog.identities(for: .v2019).filter { $0.rule == "R2" }.count == 26)
    }

    @Test func metricsKnowTheirRules() throws {
        let newNatural = try #require(Self.catalog.metric("requests.new.natural_person"))
        #expect(newNatural.identities.contains("R1"))
        #expect(newNatural.identities.contains("R2"))
        let granted = try #require(Self.catalog.metric("outcome.granted.org_other"))
        #expect(granted.identities.contains("R3"))
        #expect(!granted.identities.contains("R1"))
        #expect(try #require(Self.catalog.metric("review.pending")).identities == ["R4"])
        #expect(try #require(Self.catalog.metric("proactive.penalty.decisions")).identities.isEmpty)
    }

    @Test func catalogOrderIsTemplateOrder() {
        #expect(Self.catalog.order(of: "proactive.regulation.issued") < Self.catalog.order(of: "requests.new.natural_person"))
        #expect(Self.catalog.order(of: "requests.new.total") < Self.catalog.order(of: "carried_out.natural_person"))
        #expect(Self.catalog.order(of: "carried_out.total") < Self.catalog.order(of: "review.upheld"))
        #expect(Self.catalog.order(of: "no.such.key") == Int.max)
    }

    @Test func listingHasOneRowPerMetric() {
        #expect(Self.catalog.listing.rows.count == Self.catalog.metrics.count)
    }
}
