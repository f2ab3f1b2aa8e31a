import Foundation
import Testing
@testable import NianbaoKit
@testable import NianbaoSynthesis

/// The streaming HTML reader (libxml2's SAX callbacks into the document model)
/// gives exactly the document the tree reader gave (libxml2's tree, walked:
/// TreeHTMLReader, kept in the tests as the reference) — paragraphs, grids,
/// spans, title, properties and the reason a page was cut short — on real
/// pages, on generated reports with every quirk, on cut-off pages, and on
/// thousands of random tag soups built to hit libxml2's recoveries and its
/// whitespace and depth rules.
@Suite struct HTMLStreamingTests {
    private func expectSame(_ page: String, _ comment: @autoclosure () -> String) {
        let streamed = HTMLReader.read(page)
        let walked = TreeHTMLReader.read(page)
        #expect(streamed == walked, "\(comment())\n\(page.prefix(3000))")
    }

    @Test func realPages() throws {
        var pages = try FileManager.default.contentsOfDirectory(atPath: TestSupport.data.path)
            .filter { $0.hasSuffix(".html") }.map { TestSupport.data.appendingPathComponent($0) }
        if TestSupport.hasCorpus {
            pages += try FileManager.default.contentsOfDirectory(atPath: TestSupport.corpus.path)
                .filter { $0.hasSuffix(".html") }.map { TestSupport.corpus.appendingPathComponent($0) }
        }
        #expect(pages.count >= 2)
        for url in pages {
            let text = try TextDecoder.decode(try ReportParser.readFile(at: url.path)).text
            expectSame(text, url.lastPathComponent)
            // A page is what its tables say: make sure the comparison compared something.
            #expect(!HTMLReader.read(text).tables.isEmpty, "\(url.lastPathComponent)")
        }
    }

    @Test(arguments: [HTMLQuirks()] + HTMLQuirks.named.map(\.quirk) + [.all, [.layoutWrapper, .spanSoup]])
    func generatedReports(quirks: HTMLQuirks) {
        for seed in 0..<6 {
            var synthesizer = ReportSynthesizer(seed: UInt64(seed) &* 7919 &+ UInt64(quirks.rawValue))
            let report = synthesizer.make(
                bureau: "样例县应急管理局", year: seed % 2 == 0 ? 2020 : 2023, version: seed % 2 == 0 ? .v2019 : .v2021,
                blankZeros: seed % 3 == 0)
            expectSame(HTMLReportRenderer.page(report, quirks: quirks), "seed \(seed), quirks \(quirks.rawValue)")
        }
    }

    /// Every prefix of a page (at a stride): cut-off markup, half a tag, an open table.
    @Test func cutOffPages() {
        var synthesizer = ReportSynthesizer(seed: 15)
        let report = synthesizer.make(bureau: "样例县公安局", year: 2022, version: .v2021, blankZeros: false)
        let page = Array(HTMLReportRenderer.page(report, quirks: [.layoutWrapper, .spanSoup, .splitLabels]).utf8)
        for end in stride(from: 0, through: page.count, by: 211) {
            expectSame(String(decoding: page[..<end], as: UTF8.self), "prefix of \(end) bytes")
        }
    }

    /// Nesting around libxml2's limit of 256 levels, with text and a table after it.
    @Test(arguments: [250, 254, 255, 256, 257, 300])
    func deepNesting(depth: Int) {
        let open = String(repeating: "<div>x", count: depth)
        expectSame("<html><body><p>前</p>" + open + "<table><tr><td>1</td></tr></table>后" + "</body></html>", "depth \(depth)")
        expectSame("<html><body><table><tr><td>" + String(repeating: "<span>", count: depth) + "1</td></tr></table><p>后</p>", "span depth \(depth)")
    }

    /// A page past the cell budget (colspans of 64), and one nesting too deep after it.
    @Test func budgetAndDepthTogether() {
        let row = "<tr>" + String(repeating: #"<td colspan="64" rowspan="64">9</td>"#, count: 8) + "</tr>"
        let bomb = "<table>" + String(repeating: row, count: 300) + "</table>"
        expectSame("<html><body>" + bomb + "<p>after</p></body></html>", "budget")
        expectSame("<html><body>" + bomb + String(repeating: "<div>", count: 300) + "</body></html>", "budget, then depth")
    }

    /// Random tag soup: the elements the reader treats apart and others,
    /// attributes with odd values or none, whitespace of every kind between
    /// elements, references, comments, processing instructions, doctypes,
    /// stray and missing end tags, several roots.
    @Test func randomTagSoup() {
        var random = SeededGenerator(seed: 1515)
        var failures = 0
        for index in 0..<3000 {
            var soup = TagSoup(random: random)
            let pieces = soup.pieces()
            random = soup.random
            guard differ(pieces.joined()) else { continue }
            // Report the smallest page that still differs: a piece at a time taken out while it does.
            var smallest = pieces
            var removed = true
            while removed {
                removed = false
                for offset in smallest.indices.reversed() {
                    var candidate = smallest
                    candidate.remove(at: offset)
                    if differ(candidate.joined()) {
                        smallest = candidate
                        removed = true
                    }
                }
            }
            Issue.record("soup \(index) differs; smallest: \(smallest.joined().debugDescription)\nstreamed: \(HTMLReader.read(smallest.joined()))\nwalked:   \(TreeHTMLReader.read(smallest.joined()))")
            failures += 1
            if failures == 8 { break }
        }
    }

    /// Collapsing and splitting into lines on bytes equals the character-based
    /// rules they replaced (DOCX cells use them too): "\r\n" is one character,
    /// not a line break; no-break and ideographic spaces as before.
    @Test func textRulesMatchTheCharacterRules() {
        var random = SeededGenerator(seed: 42)
        let pieces = ["a", "合计", " ", "\n", "\r", "\r\n", "\t", "\u{00A0}", "\u{3000}", "\u{2003}", "\u{0085}", "\u{0301}", "1", "\u{200B}", "\u{FEFF}", "👍🏽"]
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 0...12, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            #expect(HTMLText.collapse(text) == TreeText.collapse(text), "\(text.debugDescription)")
            #expect(HTMLText.lines(text: text) == TreeText.lines(text: text), "\(text.debugDescription)")
        }
    }

    private func differ(_ page: String) -> Bool { HTMLReader.read(page) != TreeHTMLReader.read(page) }
}

/// Writes random, mostly broken HTML.
private struct TagSoup {
    var random: SeededGenerator

    init(random: SeededGenerator) { self.random = random }

    static let tags = [
        "table", "table", "table", "tr", "tr", "td", "td", "td", "th", "tbody", "thead", "tfoot", "p", "div", "span", "br",
        "b", "font", "img", "input", "hr", "a", "li", "ul", "title", "meta", "head", "body", "html", "script", "style",
        "caption", "center", "section", "o:p", "x-unknown", "pre", "h1", "select", "noscript", "form", "label", "em",
    ]
    static let texts = [
        " ", "  ", "\n", "\n  ", "\t", "\r\n", "&nbsp;", "&#32;", "&#x20;", "&#32", "&nbsp", "　", "\u{00A0}", "12", "3 4",
        "１２", "本年新增", "合计", "&amp;", "&lt;b&gt;", "x", "—", "/", "  5  ", "(zhèn)", "&#12288;",
    ]
    static let attributes = [
        "", #" colspan="2""#, #" rowspan="3""#, " colspan", " rowspan=2px", #" colspan=" 4 ""#, #" rowspan="0""#,
        #" colspan="99999999999999999999""#, #" name="Keywords" content="年报""#, #" property="og:title" content="题""#,
        #" name content="x""#, #" NAME="Author" CONTENT="局""#, " style=\"x\"", #" colspan="2" colspan="5""#,
    ]
    static let doctypes = [
        "", "<!DOCTYPE html>", #"<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01//EN" "http://www.w3.org/TR/html4/strict.dtd">"#,
        #"<!DOCTYPE html PUBLIC "-//W3C//DTD HTML 4//EN">"#,
        #"<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "x">"#,
    ]

    /// A page as pieces (tags, texts), so a failing page can be cut down piece by piece.
    mutating func pieces() -> [String] {
        var pieces = [pick(Self.doctypes)]
        if chance(0.5) { pieces.append(pick(["\n", " ", "<!-- c -->", "<?xml version=\"1.0\"?>"])) }
        if chance(0.02) { pieces.append(String(repeating: "<div>", count: 270)) }
        for _ in 0..<Int.random(in: 1...60, using: &random) { pieces.append(piece()) }
        if chance(0.2) { pieces += ["</html>", pick(["<p>after</p>", " tail ", "<table><tr><td>9</td></tr></table>"])] }
        return pieces
    }

    private mutating func piece() -> String {
        switch Int.random(in: 0..<10, using: &random) {
        case 0...3:
            "<" + pick(Self.tags) + pick(Self.attributes) + (chance(0.05) ? "/" : "") + ">"
        case 4, 5:
            "</" + pick(Self.tags) + ">"
        case 6...8:
            pick(Self.texts)
        default:
            pick(["<!-- note -->", "<?php echo 1; ?>", "<?p x?>", "<![CDATA[ 7 ]]>", "<", "&", "<td", "</"])
        }
    }

    private mutating func pick(_ items: [String]) -> String { items.randomElement(using: &random)! }
    private mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &random) < p }
}
