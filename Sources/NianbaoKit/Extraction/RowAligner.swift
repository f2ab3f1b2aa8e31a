/// Aligns the rows a document shows with the rows the catalog expects, as two
/// sequences (a diff-like dynamic programme), not with a chain of regexes
/// (architecture.md, "Aligning rows").
///
/// A labelled row scores by label similarity; an unlabeled row may take any
/// required slot at a token score, and is kept only when it sits between two
/// labelled neighbours whose catalog rows leave exactly the slots the
/// unlabeled run fills. Everything else stays unplaced: never a guess.
public struct RowAligner: Sendable {
    /// Score of an unlabeled row in a slot: enough to prefer placing it over
    /// skipping, far below any label match so it never displaces one.
    static let unlabeledScore = 0.01

    let catalogRows: [RowSpec]
    let version: TemplateVersion
    /// Label scores shared by every report of the version.
    let scores: LabelScoreTable

    public init(catalogRows: [RowSpec], version: TemplateVersion) {
        self.catalogRows = catalogRows
        self.version = version
        scores = LabelScoreTable.shared(rows: catalogRows, version: version)
    }

    /// Whether a normalised label names any catalog row.
    public func isKnownLabel(_ normalized: String) -> Bool { scores.isKnown(normalized) }

    public func align(_ observed: [ObservedRow]) -> RowAlignment {
        let n = observed.count, m = catalogRows.count
        let unlabeled: [Double?] = catalogRows.map { $0.isRequired(in: version) ? Self.unlabeledScore : nil }
        let scores = observed.map { $0.isLabeled ? self.scores.scores($0.normalizedLabel) : unlabeled }
        // best[i][j]: the best total aligning observed[..<i] with catalog[..<j].
        var best = [[Double]](repeating: [Double](repeating: 0, count: m + 1), count: n + 1)
        enum Step { case match, skipObserved, skipCatalog }
        var step = [[Step]](repeating: [Step](repeating: .skipObserved, count: m + 1), count: n + 1)
        for j in 0...m { step[0][j] = .skipCatalog }
        if n > 0 {
            for i in 1...n {
                for j in 0...m {
                    var value = best[i - 1][j]
                    var choice = Step.skipObserved
                    if j > 0 {
                        if best[i][j - 1] > value {
                            value = best[i][j - 1]
                            choice = .skipCatalog
                        }
                        if let score = scores[i - 1][j - 1], best[i - 1][j - 1] + score >= value {
                            value = best[i - 1][j - 1] + score
                            choice = .match
                        }
                    }
                    best[i][j] = value
                    step[i][j] = choice
                }
            }
        }
        var alignment = RowAlignment()
        var (i, j) = (n, m)
        while i > 0 || j > 0 {
            switch step[i][j] {
            case .match:
                alignment.matches[i - 1] = j - 1
                i -= 1
                j -= 1
            case .skipObserved: i -= 1
            case .skipCatalog: j -= 1
            }
        }
        placeUnlabeledRuns(observed, &alignment)
        alignment.unknown = observed.indices.filter { observed[$0].isLabeled && alignment.matches[$0] == nil }
        return alignment
    }

    /// Keeps an unlabeled run only between two labelled anchors whose catalog
    /// rows enclose exactly as many required rows as the run is long.
    private func placeUnlabeledRuns(_ observed: [ObservedRow], _ alignment: inout RowAlignment) {
        var i = 0
        while i < observed.count {
            guard !observed[i].isLabeled else {
                i += 1
                continue
            }
            let start = i
            while i < observed.count && !observed[i].isLabeled { i += 1 }
            let run = start..<i
            var placed = false
            if start > 0, i < observed.count,
                let before = alignment.matches[start - 1], let after = alignment.matches[i]
            {
                let slots = (before + 1..<after).filter { catalogRows[$0].isRequired(in: version) }
                if slots.count == run.count {
                    for (observedIndex, slot) in zip(run, slots) { alignment.matches[observedIndex] = slot }
                    placed = true
                }
            }
            if !placed {
                for observedIndex in run {
                    alignment.matches[observedIndex] = nil
                    alignment.unplaced.append(observedIndex)
                }
            }
        }
    }
}
