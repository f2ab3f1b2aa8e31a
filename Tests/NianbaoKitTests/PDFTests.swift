import Foundation
import Testing
@testable import NianbaoKit
@testable import NianbaoSynthesis

/// PDF files through poppler's `pdftotext`: a LibreOffice export of a
/// synthetic report read from word positions, a scan without text layer, a truncated file.
@Suite(.enabled(if: FormatFixtures.hasPDFToText, "pdftotext (poppler-utils) is not installed: PDF tests skipped"))
struct PDFTests {
    static let fixture = "synthetic-v2021-libreoffice.pdf"

    static func failure(_ bytes: [UInt8], path: String = "report.pdf") -> String? {
        TestSupport.failure(bytes, path: path)
    }

    /// LibreOffice's PDF of the synthetic V2021 page: narrow columns wrap the
    /// labels and centre the numbers among their fragments; every cell must still be exact.
    @Test func libreOfficePDFImportsEveryCellExactly() throws {
        let synthetic = try FormatFixtures.expected("synthetic-v2021-libreoffice.json")
        let parsed = try TestSupport.parse(FormatFixtures.url(Self.fixture))
        #expect(parsed.source.format == .pdf)
        #expect(parsed.source.layout == nil, "PDF tables are read from word positions, not from a text layout")
        #expect(parsed.report.metadata.publishedOn == synthetic.publishedOn)
        let problems = RoundTrip.mismatches(parsed, synthetic)
        // The group column's fragments (（四）无法提供 split over three lines
        // beside two rows) stay apart from the row labels: every cell exact.
        #expect(problems.isEmpty, "\(RoundTrip.summary(problems, limit: 30))\nfindings: \(parsed.report.findings.map(\.message))")
    }

    /// Whatever it cannot place, the importer never stores a number the PDF does not print there.
    @Test func libreOfficePDFNeverStoresAWrongNumber() throws {
        let synthetic = try FormatFixtures.expected("synthetic-v2021-libreoffice.json")
        let report = try TestSupport.parse(FormatFixtures.url(Self.fixture)).report
        #expect(report.bureau == synthetic.bureau)
        #expect(report.year == synthetic.year)
        #expect(report.version == .v2021)
        var stored = 0
        for (key, cell) in report.cells where cell.status == .reported || cell.status == .derived {
            stored += 1
            #expect(cell.value == synthetic.value(key), "\(key): stored \(cell.value?.description ?? "nil") at \(cell.locator ?? "?")")
        }
        // Sections 二 and 四 and most of 三 are read.
        #expect(stored >= 150, "only \(stored) cells stored")
        for key in ["proactive.fee.amount_10k_yuan", "review.total", "litigation.after_review.total", "requests.new.total", "carried_out.natural_person"] {
            #expect(report.cells[key]?.value == synthetic.value(key), "\(key)")
        }
    }

    @Test func theTextLayerIsLayoutText() throws {
        let bytes = try FormatFixtures.bytes(Self.fixture)
        let text = try PDFTextExtractor.text(of: bytes, path: "in-memory.pdf")
        #expect(TextLayout.detect(text) == .columns)
        #expect(text.contains("\u{0C}"), "pdftotext separates pages with form feeds")
        // Section 四: fifteen numbers on one line.
        let synthetic = try FormatFixtures.expected("synthetic-v2021-libreoffice.json")
        let keys = ["review", "litigation.direct", "litigation.after_review"].flatMap { block in
            ["upheld", "corrected", "other", "pending", "total"].map { block + "." + $0 }
        }
        let numbers = keys.map { synthetic.value($0)!.description }
        #expect(text.split(separator: "\n").contains { LayoutTextReader.cells(String($0)) == numbers })
    }

    @Test func aPDFWithoutTextLayerIsRefused() throws {
        let bytes = try FormatFixtures.bytes("no-text-layer.pdf")
        #expect(DocumentFormat.detect(bytes) == .pdf)
        #expect(throws: PDFTextExtractor.Failure.noTextLayer) { try PDFTextExtractor.text(of: bytes, path: "scan.pdf") }
        #expect(Self.failure(bytes) == "no text layer (scanned PDF?)")
        // The same through the importer, reading the file from disk.
        #expect(throws: ImportFailure.self) { try TestSupport.parse(FormatFixtures.url("no-text-layer.pdf")) }
        let expected = try JSONSerialization.jsonObject(with: Data(contentsOf: FormatFixtures.url("no-text-layer.json"))) as? [String: Any]
        #expect(expected?["expected_failure"] as? String == "no text layer (scanned PDF?)")
    }

    @Test func truncatedPDFsFailWithOneLineAndNeverCrash() throws {
        let bytes = try FormatFixtures.bytes(Self.fixture)
        for (name, cut) in [
            ("first half", Array(bytes.prefix(bytes.count / 2))), ("first 1000 bytes", Array(bytes.prefix(1_000))),
            ("first three quarters", Array(bytes.prefix(bytes.count * 3 / 4))), ("header only", Array("%PDF-1.7\n".utf8)),
        ] {
            let reason = Self.failure(cut)
            #expect(reason != nil, "\(name) of the PDF must not import")
            #expect(reason?.contains("\n") == false, "\(name): \(reason ?? "")")
            #expect(reason?.isEmpty == false, "\(name)")
        }
        #expect(Self.failure(Array(bytes.prefix(bytes.count / 2)))?.hasPrefix("pdftotext failed") == true)
    }

    /// Bytes not on disk go through a temporary copy; both ways read the same text.
    /// (Counting the temporary folder's files would race with other tests running in parallel.)
    @Test func aPDFOnDiskAndInMemoryReadTheSame() throws {
        let bytes = try FormatFixtures.bytes(Self.fixture)
        let fromMemory = try PDFTextExtractor.text(of: bytes, path: "/nonexistent/report.pdf")
        let fromDisk = try PDFTextExtractor.text(of: bytes, path: FormatFixtures.url(Self.fixture).path)
        #expect(fromMemory == fromDisk)
    }
}

/// What nianbao says when poppler is not installed (not simulable in-process:
/// the executable is looked up once per process).
@Suite struct PDFToolMessageTests {
    @Test func missingToolSaysHowToInstallIt() {
        let message = PDFTextExtractor.Failure.toolMissing.description
        #expect(message.contains("apt-get install poppler-utils"))
        #expect(message.contains("pdftotext"))
        #expect(!message.contains("\n"))
    }

    @Test func otherFailuresAreOneLine() {
        for failure in [
            PDFTextExtractor.Failure.toolFailed(status: 1, message: ""), .toolFailed(status: 3, message: "Syntax Error: Couldn't read xref table"),
            .timedOut(seconds: 60), .noTextLayer,
        ] {
            #expect(!failure.description.contains("\n") && !failure.description.isEmpty)
        }
        #expect(PDFTextExtractor.Failure.toolFailed(status: 1, message: "").description.contains("damaged or encrypted PDF?"))
    }

    /// A `pdftotext` stand-in in `directory` that runs `script`.
    static func standIn(_ script: String, in directory: URL) throws -> URL {
        let tool = directory.appendingPathComponent("pdftotext")
        try "#!/bin/sh\n\(script)\n".write(to: tool, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: tool.path)
        return tool
    }

    /// A text layer larger than the text limit is refused after reading the
    /// limit, never read whole (a stand-in pdftotext prints 6 MB of text).
    @Test func aTextLayerBeyondTheLimitIsRefused() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { TestSupport.cleanUp(directory) }
        let tool = try Self.standIn("head -c 6000000 /dev/zero | tr '\\000' 'x'", in: directory)
        #expect(throws: PDFTextExtractor.Failure.tooMuchText(limit: ReportParser.maximumTextSize)) {
            try PDFTextExtractor.text(of: Array("%PDF-1.4".utf8), path: "big.pdf", tool: tool, seconds: 60)
        }
    }

    /// A pdftotext that hangs is killed at its time limit, even when started
    /// from a worker thread whose signal mask blocks SIGTERM (as the importer's are).
    @Test func aHungPdftotextIsKilledAtItsTimeLimit() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { TestSupport.cleanUp(directory) }
        let tool = try Self.standIn("exec sleep 120", in: directory)
        let started = Date()
        let outcome = DispatchQueue.global().sync {
            Result { () throws(PDFTextExtractor.Failure) in
                try PDFTextExtractor.text(of: Array("%PDF-1.4".utf8), path: "hung.pdf", tool: tool, seconds: 1)
            }
        }
        #expect(throws: PDFTextExtractor.Failure.timedOut(seconds: 1)) { try outcome.get() }
        #expect(Date().timeIntervalSince(started) < 20, "killed, not waited for")
    }
}
