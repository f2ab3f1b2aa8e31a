import Foundation
import NianbaoKit
import ZIPFoundation

/// What one DOCX or PDF costs before extraction, split where the time goes:
/// a DOCX is a ZIP to open and inflate, then XML to parse into the tree and
/// walk; a PDF is a `pdftotext -bbox-layout` process, then its word boxes to
/// parse and tables to rebuild from them. Medians per file, one thread.
enum FileCosts {
    static func docx(_ paths: [String]) throws -> [String] {
        guard !paths.isEmpty else { return [] }
        var inflate: [Double] = [], read: [Double] = []
        for path in paths {
            let bytes = try ReportParser.readFile(at: path)
            for _ in 0..<3 {
                inflate.append(try Clock.seconds {
                    let archive = try Archive(data: Data(bytes), accessMode: .read)
                    guard let entry = archive["word/document.xml"] else { return }
                    var count = 0
                    _ = try archive.extract(entry, bufferSize: 1 << 16, skipCRC32: false) { count += $0.count }
                })
                read.append(try Clock.seconds { _ = try DOCXReader.read(bytes) })
            }
        }
        let (zip, total) = (median(inflate), median(read))
        return [String(
            format: "DOCX per file (%d files): %.2f ms to read = ZIP open + inflate %.2f ms, XML parse + tree + body walk %.2f ms",
            paths.count, total * 1000, zip * 1000, (total - zip) * 1000)]
    }

    static func pdf(_ paths: [String]) throws -> [String] {
        guard !paths.isEmpty else { return [] }
        var process: [Double] = [], words: [Double] = [], layout: [Double] = []
        for path in paths {
            let bytes = try ReportParser.readFile(at: path)
            for _ in 0..<3 {
                process.append(try Clock.seconds { _ = try PDFTextExtractor.wordBoxes(of: bytes, path: path) })
                var pages: PDFPages?
                words.append(try Clock.seconds { pages = try PDFTextExtractor.words(of: bytes, path: path) })
                if let pages { layout.append(Clock.seconds { _ = PDFLayoutReader.read(pages) }) }
            }
        }
        let (run, both, tables) = (median(process), median(words), median(layout))
        return [String(
            format: "PDF per file (%d files): pdftotext -bbox-layout process %.1f ms, parsing its word boxes %.2f ms, tables from word positions %.2f ms",
            paths.count, run * 1000, (both - run) * 1000, tables * 1000)]
    }

    private static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
    }
}
