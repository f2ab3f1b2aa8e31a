/// Splits the runs of digits of a table whose cells ran together
/// (`801000081` for seven cells) by constraints only, never by guessing
/// (issue: crawled text): the row's cell count, no number with a leading
/// zero (but `0` itself), a fraction only where the unit allows one, a minus
/// sign only first — and every identity (R1–R4) over the whole section.
///
/// Each row's splits are enumerated depth first, cut as soon as an identity
/// inside the row fails (section 四's block totals, R2's row total), and
/// bounded in nodes so no run can explode the search. Then rows whose splits
/// the identities narrow to one are placed, repeatedly, and the rest are
/// solved together: a split is stored only when it is the single assignment
/// of all the section's runs that satisfies every identity, each cell
/// flagged `split_by_identities`; otherwise the rows stay ambiguous.
struct RunSplitter {
    /// A row whose numbers are one run of digits.
    struct Pending {
        let keys: [String]
        let run: String
        /// Where the run stands, for each cell's locator.
        let locator: String
        /// The row's label, for findings.
        let label: String
    }

    /// What became of the rows.
    struct Outcome {
        var placed: [Pending] = []
        /// Rows left NULL, with their candidate splits (nil: too many to enumerate).
        var ambiguous: [(row: Pending, candidates: [[String]]?)] = []

        /// An `info` finding per split stored, a warning naming the candidates per row left NULL.
        func findings(section: String) -> [Finding] {
            placed.map { row in
                Finding(
                    rule: "split_by_identities", severity: .info, metric: row.keys.last,
                    message: "section \(section) row “\(row.label)” prints its numbers run together (\(row.run)); "
                        + "the cell count, no leading zeros and the identities allow one split only, which is stored")
            } + ambiguous.map { row, candidates in
                let named = candidates.map { list in
                    list.isEmpty ? "none fits" : list.prefix(3).map { $0.joined(separator: "|") }.joined(separator: ", ")
                        + (list.count > 3 ? " and \(list.count - 3) more" : "")
                } ?? "too many to try"
                return Finding(
                    rule: "ambiguous_row", severity: .warning, metric: row.keys.last,
                    message: "section \(section) row “\(row.label)” prints its numbers run together (\(row.run)) and the constraints "
                        + "do not decide the split (candidates: \(named)); its cells are NULL")
            }
        }
    }

    let identities: [Identity]
    let catalog: MetricCatalog

    /// `row` as a run to split into `keys`, when it comes from a table whose
    /// cells ran together and shows one number for several cells.
    static func run(of row: ObservedRow, keys: [String]) -> Pending? {
        guard row.source.runTogether, keys.count > 1, row.values.count == 1, let text = row.values.first?.text,
            text.contains(where: \.isASCIIDigit)
        else { return nil }
        return Pending(keys: keys, run: text, locator: row.locator(value: 0), label: row.label)
    }
    /// Nodes one row's search may visit, and the joint search too.
    var maximumNodes = 200_000

    /// Splits what the constraints decide into `cells`, the rest ambiguous.
    func place(_ pending: [Pending], into cells: inout [String: CellValue]) -> Outcome {
        for row in pending {
            for key in row.keys { cells[key] = CellValue(raw: row.run, status: .ambiguous, locator: row.locator) }
        }
        var outcome = Outcome()
        var open: [(row: Pending, candidates: [[String]])] = []
        for row in pending {
            let candidates = splits(row, cells)
            if let candidates, !candidates.isEmpty {
                open.append((row, candidates))
            } else {
                outcome.ambiguous.append((row, candidates))
            }
        }
        // Rows the identities narrow to one split, given the rows placed so far.
        var progress = true
        while progress {
            progress = false
            for index in open.indices.reversed() {
                let touching = touching(open[index].row)
                let fitting = open[index].candidates.filter { consistent(open[index].row, $0, cells, touching: touching) }
                open[index].candidates = fitting
                guard fitting.count == 1 else { continue }
                store(open[index].row, fitting[0], into: &cells)
                outcome.placed.append(open[index].row)
                open.remove(at: index)
                progress = true
            }
        }
        // The rest together: one assignment of every open row, or none stored.
        if !open.isEmpty, let solution = uniqueJointSolution(open, cells) {
            for (item, split) in zip(open, solution) {
                store(item.row, split, into: &cells)
                outcome.placed.append(item.row)
            }
            open = []
        }
        outcome.ambiguous += open.map { ($0.row, $0.candidates) }
        return outcome
    }

    /// Every split of `row`'s run that no identity inside the row rules out; nil past the bound.
    func splits(_ row: Pending, _ cells: [String: CellValue]) -> [[String]]? {
        let digits = Array(row.run)
        let keys = row.keys
        let position = Dictionary(keys.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        // Each identity inside the row is checked once its last cell is set; one whose
        // only left term is the next cell (a 总计) forces that cell to its sum.
        var completing = [[Identity]](repeating: [], count: keys.count)
        var forcing = [[Identity]](repeating: [], count: keys.count)
        for identity in identities {
            let at = identity.keys.map { position[$0] }
            guard !at.contains(where: { $0 == nil }), let last = at.compactMap({ $0 }).max() else { continue }
            completing[last].append(identity)
            if identity.lhs.count == 1, case .cell(let total) = identity.lhs[0], position[total] == last { forcing[last].append(identity) }
        }
        let metrics = keys.map { catalog.metric($0) }
        guard !metrics.contains(where: { $0 == nil }) else { return nil }
        // (The row's other identities, if any, are checked with the section's when the splits are placed.)
        if forcing[keys.count - 1].contains(where: { identity in
            Set(identity.rhs.flatMap(\.keys)) == Set(keys.dropLast()) && identity.rhs.allSatisfy { if case .cell = $0 { true } else { false } }
        }) {
            return totalLastSplits(digits, metrics: metrics.map { $0! })
        }
        var trial = cells
        var parts: [String] = []
        var found: [[String]] = []
        var nodes = 0
        var exceeded = false
        func extend(_ start: Int) {
            nodes += 1
            if nodes > maximumNodes {
                exceeded = true
                return
            }
            let k = parts.count
            if k == keys.count {
                if start == digits.count { found.append(parts) }
                return
            }
            let remainingCells = keys.count - k
            guard digits.count - start >= remainingCells else { return }
            let longest = digits.count - start - (remainingCells - 1)
            let forced = forcing[k].lazy.compactMap { IdentityEvaluator.sum($0.rhs, trial) }.first.map(String.init)
            let lengths = forced.map { $0.count <= longest ? [$0.count] : [] } ?? Array(1...longest)
            for length in lengths {
                let text = String(digits[start..<(start + length)])
                guard forced == nil || forced == text, let cell = Self.number(text, for: metrics[k]!) else { continue }
                parts.append(text)
                trial[keys[k]] = cell
                if completing[k].allSatisfy({ IdentityEvaluator.holds($0, trial) != false }) { extend(start + length) }
                parts.removeLast()
                if exceeded { return }
            }
            trial[keys[k]] = cells[keys[k]]
        }
        extend(0)
        return exceeded ? nil : found
    }

    /// The splits of a row whose last cell is the sum of all the others (R2's
    /// 总计): the total is a suffix of the run, tried at each length, and the
    /// cells before it are enumerated no longer than it and never summing past it.
    private func totalLastSplits(_ digits: [Character], metrics: [Metric]) -> [[String]]? {
        let count = metrics.count - 1
        var found: [[String]] = []
        var nodes = 0
        guard digits.count >= metrics.count else { return [] }
        // However the cells before the total are cut, their sum keeps the digits' sum modulo 9.
        let digitValues = digits.map { $0.wholeNumberValue ?? 0 }
        for totalLength in 1...(digits.count - count) {
            let totalText = String(digits[(digits.count - totalLength)...])
            guard let totalCell = Self.number(totalText, for: metrics[count]), let total = totalCell.value?.integerValue,
                total % 9 == digitValues[..<(digits.count - totalLength)].reduce(0, +) % 9
            else { continue }
            let prefix = Array(digits[..<(digits.count - totalLength)])
            // The most `cells` numbers cut from `digits` digits can add up to, none longer than the total.
            func most(_ digits: Int, _ cells: Int) -> Int {
                guard cells > 0 else { return 0 }
                let widest = min(totalLength, digits - cells + 1, 18)
                return widest < 1 ? 0 : cells.multipliedReportingOverflow(by: Self.power(widest) - 1).partialValue
            }
            var parts: [String] = []
            func extend(_ start: Int, _ sum: Int) -> Bool {
                nodes += 1
                guard nodes <= maximumNodes else { return false }
                let k = parts.count
                if k == count {
                    if start == prefix.count && sum == total { found.append(parts + [totalText]) }
                    return true
                }
                let remaining = count - k
                guard prefix.count - start >= remaining else { return true }
                let longest = min(totalLength, prefix.count - start - (remaining - 1))
                guard longest >= 1 else { return true }
                for length in 1...longest {
                    let text = String(prefix[start..<(start + length)])
                    guard let cell = Self.number(text, for: metrics[k]), let value = cell.value?.integerValue,
                        value >= 0, sum + value <= total,
                        // The cells still to cut must be able to make up the rest of the total.
                        sum + value + most(prefix.count - start - length, remaining - 1) >= total
                    else { continue }
                    parts.append(text)
                    let going = extend(start + length, sum + value)
                    parts.removeLast()
                    if !going { return false }
                }
                return true
            }
            guard extend(0, 0) else { return nil }
        }
        return found
    }

    /// 10 to the power `exponent` (at most 18).
    private static func power(_ exponent: Int) -> Int { (0..<exponent).reduce(1) { total, _ in total * 10 } }

    /// `text` as a cell of `metric`, or nil when no printed number reads so:
    /// a leading zero, a fraction where the unit has none, a sign not first.
    static func number(_ text: String, for metric: Metric) -> CellValue? {
        let unsigned = text.hasPrefix("-") ? text.dropFirst() : text[...]
        guard let first = unsigned.first, first.isASCIIDigit, unsigned.last?.isASCIIDigit == true else { return nil }
        let whole = unsigned.prefix { $0 != "." }
        if whole.count > 1 && whole.first == "0" { return nil }
        if text.hasPrefix("-") && unsigned == "0" { return nil }
        let cell = ValueParser.parse(text, for: metric)
        return cell.status == .reported ? cell : nil
    }

    /// The identities of the section that read any cell of `row`.
    private func touching(_ row: Pending) -> [Identity] {
        let keys = Set(row.keys)
        return identities.filter { $0.keys.contains(where: keys.contains) }
    }

    /// Whether `split` leaves every identity of the section that it touches, and that can be read, holding.
    private func consistent(_ row: Pending, _ split: [String], _ cells: [String: CellValue], touching: [Identity]) -> Bool {
        var trial = cells
        for (key, text) in zip(row.keys, split) { trial[key] = ValueParser.parse(text, for: catalog.metric(key)!) }
        return touching.allSatisfy { IdentityEvaluator.holds($0, trial) != false }
    }

    /// The one choice of a split per row under which every identity holds, if exactly one.
    private func uniqueJointSolution(_ open: [(row: Pending, candidates: [[String]])], _ cells: [String: CellValue]) -> [[String]]? {
        // Too many choices left to try together: the rows stay as they are.
        guard open.reduce(1.0, { $0 * Double($1.candidates.count) }) <= Double(maximumNodes) else { return nil }
        let touchingRows = open.map { touching($0.row) }
        var trial = cells
        var chosen: [[String]] = []
        var solutions: [[[String]]] = []
        var nodes = 0
        func search(_ index: Int) {
            nodes += 1
            guard nodes <= maximumNodes, solutions.count < 2 else { return }
            if index == open.count {
                // Every identity that can be read now must hold.
                if identities.allSatisfy({ IdentityEvaluator.holds($0, trial) != false }) { solutions.append(chosen) }
                return
            }
            let row = open[index].row
            for split in open[index].candidates {
                for (key, text) in zip(row.keys, split) { trial[key] = ValueParser.parse(text, for: catalog.metric(key)!) }
                chosen.append(split)
                if touchingRows[index].allSatisfy({ IdentityEvaluator.holds($0, trial) != false }) { search(index + 1) }
                chosen.removeLast()
            }
            for key in row.keys { trial[key] = cells[key] }
        }
        search(0)
        return nodes <= maximumNodes && solutions.count == 1 ? solutions[0] : nil
    }

    private func store(_ row: Pending, _ split: [String], into cells: inout [String: CellValue]) {
        for (key, text) in zip(row.keys, split) {
            var cell = ValueParser.parse(text, for: catalog.metric(key)!)
            cell.locator = row.locator
            cell.flags.append("split_by_identities")
            cells[key] = cell
        }
    }
}
