/// Turns a ``Document`` into an ``ExtractedReport``: sections by anchors,
/// version by labels, rows by alignment, metadata by title patterns
/// (architecture.md, "extract"). Knows reports, nothing of file formats.
public struct ReportExtractor: Sendable {
    public let catalog: MetricCatalog

    public init(catalog: MetricCatalog = .standard) { self.catalog = catalog }

    public func extract(_ document: Document, options: ExtractionOptions = .init()) throws(ExtractionError) -> ExtractedReport {
        do {
            var report = try extractWhole(document, options: options)
            if let reason = document.unreadRest {
                report.findings.append(Finding(rule: "unread_content", severity: .warning, message: reason))
            }
            return report
        } catch .noStatisticsTables where document.unreadRest != nil {
            throw .unreadContent(document.unreadRest ?? "")
        }
    }

    private func extractWhole(_ document: Document, options: ExtractionOptions) throws(ExtractionError) -> ExtractedReport {
        let sections = SectionLocator.locate(document)
        guard !sections.rows.isEmpty else { throw .noStatisticsTables }
        // Headings without tables (published as images) are no tables either.
        guard sections.rows.values.joined().contains(where: \.hasValues) else { throw .noStatisticsTables }
        let labelled = (sections.rows[.proactive] ?? []) + (sections.rows[.requests] ?? [])
        guard let (version, conflict) = VersionDetector.detect(labelled) else { throw .unknownTemplate }

        var result = SectionCells()
        var findings = conflict.map { [$0] } ?? []
        if let (last, missing) = Self.cutOff(sections), !options.partial { throw .endsBetweenSections(after: last, missing: missing) }
        for section in ReportSection.allCases {
            // A heading over an image, or prose only: no table to read.
            guard let rows = sections.rows[section], rows.contains(where: \.hasValues) else {
                for metric in catalog.requiredMetrics(for: version) where metric.section == section {
                    result.cells[metric.key] = .missing
                }
                findings.append(Finding(
                    rule: "missing_section", severity: .warning,
                    message: "section \(section.heading) has no table; its cells are NULL"))
                continue
            }
            let cells = read(section, rows, version)
            if sections.endsInside == section && !cells.isComplete { throw .truncated(section) }
            result.merge(cells)
        }
        guard result.cells.values.contains(where: { $0.status != .missing }) else { throw .noStatisticsTables }
        for (key, cell) in result.cells where cell.status == .invalid {
            let metric = catalog.metric(key)
            let expected =
                metric?.unit.allowsFraction == true ? "an amount" : metric?.isSigned == true ? "a whole number" : "a whole number ≥ 0"
            findings.append(Finding(
                rule: "invalid_value", severity: .warning, metric: key,
                message: "\(key) reads “\(cell.raw ?? "")”, not \(expected) (\(cell.locator ?? "no locator")); stored as NULL"))
        }

        let metadata = MetadataExtractor.extract(document)
        let year = try year(metadata, options, &findings)
        guard let bureau = options.bureau ?? metadata.bureau else { throw .missingBureau }
        if let problem = BureauNameCheck.problem(bureau) {
            findings.append(Finding(rule: "bureau_name", severity: .warning, message: problem))
        }
        var report = ExtractedReport(
            bureau: bureau, year: year, version: version, metadata: metadata,
            cells: result.cells, findings: findings + result.findings)
        report.scope = ScopeDetector.scope(bureau: bureau, text: document.paragraphs.prefix(60).map(\.text))
        return report
    }

    /// The last section with a table and the first one after it without,
    /// when the document stops there: no later section has a table and no
    /// prose heading (五、…, 六、…) follows the last table. Real reports
    /// always go on to their closing sections; a file that ends like this was
    /// cut off between two tables.
    static func cutOff(_ sections: SectionLocator.Result) -> (ReportSection, ReportSection)? {
        guard !sections.closesAfterTables else { return nil }
        let present = ReportSection.allCases.filter { sections.rows[$0]?.contains(where: \.hasValues) == true }
        let order = ReportSection.allCases
        guard let last = present.last, let index = order.firstIndex(of: last), index + 1 < order.count else { return nil }
        return (last, order[index + 1])
    }

    private func read(_ section: ReportSection, _ rows: [LocatedRow], _ version: TemplateVersion) -> SectionCells {
        switch section {
        case .proactive: ProactiveSectionReader(catalog: catalog, version: version).read(rows)
        case .requests: RequestsSectionReader(catalog: catalog, version: version).read(rows)
        case .appeals: AppealsSectionReader(catalog: catalog).read(rows)
        }
    }

    /// The report year: `--year`, else the title's, which the statistics
    /// period must not contradict (report-format.md §10.2). Never a guess.
    private func year(
        _ metadata: ReportMetadata, _ options: ExtractionOptions, _ findings: inout [Finding]
    ) throws(ExtractionError) -> Int {
        if let year = options.year {
            for (source, stated) in [("title", metadata.year), ("statistics period", metadata.periodYear)] {
                if let stated, stated != year {
                    findings.append(Finding(
                        rule: "year_override", severity: .info,
                        message: "the \(source) says \(stated); imported as \(year) as --year says"))
                }
            }
            return year
        }
        guard let year = metadata.year else { throw .missingYear }
        if let period = metadata.periodYear, period != year { throw .contradictoryYear(title: year, period: period) }
        return year
    }
}
