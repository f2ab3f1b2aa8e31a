import Foundation
import NianbaoKit
import NianbaoSynthesis

/// Prints random reports to PDF with LibreOffice and reads them back, as
/// PDF (word positions) and as the PDF's layout text (`pdftotext -layout`),
/// counting every cell exact, NULL or wrong against the synthetic truth.
///
/// Reports vary in template, blank zeros, number size (up to six digits) and
/// print style: column width, font size and prose before section 三, so
/// labels and numbers wrap and tables break over pages in different places.
struct PDFRoundTrip {
    let count: Int
    let seed: UInt64
    let folder: URL

    static let bureaus = [
        "上海市人民政府办公厅", "沭阳县发展和改革局", "淮安市洪泽区人民政府", "南京市栖霞区交通运输局",
        "昆明市应急管理局", "重庆市开州区公安局", "广州市人民政府办公厅", "朝阳市自然资源局",
    ]

    /// Report `index` of the set and the style it is printed in.
    static func report(_ index: Int, seed: UInt64) -> (report: SyntheticReport, style: DOCXPrintStyle) {
        var synthesizer = ReportSynthesizer(seed: seed &+ UInt64(index))
        let version: TemplateVersion = index % 2 == 0 ? .v2021 : .v2019
        let years = version == .v2019 ? [2019, 2020] : [2021, 2022, 2023, 2024, 2025]
        let report = synthesizer.make(
            bureau: bureaus[index % bureaus.count], year: years[index % years.count], version: version,
            blankZeros: index % 3 == 1, largeCounts: index % 4 >= 2)
        let style = DOCXPrintStyle(
            columnTwips: [520, 600, 720, 860][(index / 2) % 4], fontHalfPoints: [18, 21, 24][index % 3],
            fillerParagraphs: (index * 7) % 40)
        return (report, style)
    }

    func run(say: (String) -> Void) throws {
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var truths: [String: SyntheticReport] = [:]
        for index in 0..<count {
            let (report, style) = Self.report(index, seed: seed)
            let name = String(format: "report-%03d", index)
            try DOCXReportRenderer.render(report, style: style).write(to: folder.appendingPathComponent(name + ".docx"))
            let madeWith = "nianbao-bench --pdf-round-trip (seed \(seed), report \(index)): DOCXReportRenderer with \(style), "
                + "then soffice --headless --convert-to pdf"
            try report.factsJSON(document: name, madeWith: madeWith).write(to: folder.appendingPathComponent(name + ".json"))
            truths[name] = report
        }
        let converted = try Clock.seconds { try convert() }
        say(String(format: "LibreOffice printed %d DOCX to PDF in %.1f s", count, converted))

        let parser = ReportParser()
        var pdf = CellTally(), layout = CellTally()
        var pdfSeconds: [Double] = [], failures: [String] = [], imperfect: [String] = []
        for name in truths.keys.sorted() {
            let path = folder.appendingPathComponent(name + ".pdf").path
            guard let bytes = try? ReportParser.readFile(at: path) else {
                failures.append("\(name).pdf: not written")
                continue
            }
            var parsed: ParsedReport?
            pdfSeconds.append(Clock.seconds { parsed = try? parser.parse(bytes, path: path) })
            if let parsed {
                var one = CellTally()
                one.add(parsed.report, truth: truths[name]!, name: name + ".pdf")
                pdf.merge(one)
                if one.exact < one.total { imperfect.append("\(name).pdf \(Self.report(Int(name.suffix(3))!, seed: seed).style): \(one.summary)") }
            } else {
                failures.append("\(name).pdf: refused")
            }
            // The same PDF saved as layout text, blank cells as spaces.
            let text = try PDFTextExtractor.text(of: bytes, path: path)
            let textPath = folder.appendingPathComponent(name + ".layout.txt").path
            try text.write(toFile: textPath, atomically: true, encoding: .utf8)
            if let parsed = try? parser.parse(Array(text.utf8), path: textPath) {
                layout.add(parsed.report, truth: truths[name]!, name: name + ".layout.txt")
            } else {
                failures.append("\(name).layout.txt: refused")
            }
        }
        let sorted = pdfSeconds.sorted()
        say("PDF (word positions): \(pdf.summary)")
        say("layout text (pdftotext -layout): \(layout.summary)")
        if !sorted.isEmpty {
            say(String(format: "per PDF (pdftotext -bbox-layout, read, extract, validate): median %.1f ms, slowest %.1f ms",
                sorted[sorted.count / 2] * 1000, sorted.last! * 1000))
        }
        for line in imperfect + failures { say("  " + line) }
        // Every wrong number nothing flags, then the first others.
        let wrong = pdf.wrongCells + layout.wrongCells
        for line in wrong.filter({ $0.hasPrefix("UNFLAGGED") }) + wrong.filter({ !$0.hasPrefix("UNFLAGGED") }).prefix(20) { say("  " + line) }
        if ProcessInfo.processInfo.environment["NIANBAO_BENCH_NULLS"] != nil { (pdf.nullCells + pdf.wrongCells).forEach { say("  " + $0) } }
    }

    /// One LibreOffice run for every DOCX of the folder.
    private func convert() throws {
        let profile = folder.appendingPathComponent("lo-profile")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let documents = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".docx") }.sorted()
        process.arguments = ["soffice", "-env:UserInstallation=file://\(profile.path)", "--headless", "--convert-to", "pdf", "--outdir", folder.path]
            + documents.map { folder.appendingPathComponent($0).path }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "soffice failed (exit \(process.terminationStatus)); install libreoffice-writer"])
        }
    }
}
