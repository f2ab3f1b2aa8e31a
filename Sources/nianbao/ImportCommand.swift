import ArgumentParser
import Foundation
import NianbaoKit

extension NianbaoCommand {
    struct ImportCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Import report files and folders (walked recursively) into the database.",
            discussion: """
                Each report goes in whole or not at all. The same file twice changes nothing; a different file \
                for an already imported bureau and year is refused unless --replace. One line per file and a \
                summary go to standard error. Exit status 0 when every file imported, 1 when any failed.
                """)

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "Report files or folders.")
        var paths: [String] = []

        @Flag(help: "Replace an already imported report of the same bureau and year.")
        var replace = false

        @Option(help: "Report year, overriding the title (one file only; for several, --manifest).")
        var year: Int?

        @Option(help: "Bureau name, overriding the title (one file only; for several, --manifest).")
        var bureau: String?

        @Option(help: ArgumentHelp("Per-file overrides: a CSV with the header path,bureau,year (either may be empty); its files are imported too.", valueName: "file"))
        var manifest: String?

        @Flag(help: "Import a file that ends before its last statistics sections (cut off?) with the missing cells NULL, instead of refusing it.")
        var partial = false

        @Option(help: "Decode files as this encoding: UTF-8, GB18030 (also GBK, GB2312), UTF-16LE, UTF-16BE.")
        var encoding: String?

        @Flag(help: "Print a machine-readable summary as JSON on standard output.")
        var json = false

        @Flag(help: "No progress bar and no per-file lines except failures.")
        var silent = false

        @Option(help: ArgumentHelp("More bureau aliases (CSV: alias,canonical,valid_from,valid_to), added to the bundled table.", valueName: "file"))
        var aliases: [String] = []

        func validate() throws {
            if let encoding, TextEncoding(label: encoding) == nil {
                throw ValidationError("unknown encoding \(encoding); use UTF-8, GB18030, UTF-16LE or UTF-16BE")
            }
            if let year, !(1990...2100).contains(year) { throw ValidationError("--year \(year) is not a report year") }
            if paths.isEmpty && manifest == nil { throw ValidationError("name report files or folders to import (or --manifest FILE)") }
            if year != nil || bureau != nil {
                let option = year != nil ? "--year" : "--bureau"
                var isDirectory: ObjCBool = false
                if paths.count != 1 || manifest != nil
                    || (FileManager.default.fileExists(atPath: paths[0], isDirectory: &isDirectory) && isDirectory.boolValue)
                {
                    throw ValidationError(
                        "\(option) names one report's \(year != nil ? "year" : "body") and takes exactly one file; "
                            + "for a folder or several files list each file's values in --manifest FILE (CSV: path,bureau,year)")
                }
            }
        }

        func run() throws {
            let store = try database.open(readOnly: false)
            var aliasTable = BureauAliasTable.bundled
            do {
                if let user = try AliasFiles.load(aliases) {
                    aliasTable = aliasTable.adding(user)
                    try store.applyAliases(aliasTable)
                }
            } catch {
                Console.error("\(error)")
                throw ExitCode.failure
            }
            var listed: ImportManifest?
            if let manifest {
                guard let text = try? String(contentsOfFile: manifest, encoding: .utf8) else {
                    Console.error("\(manifest): cannot read the manifest as UTF-8")
                    throw ExitCode.failure
                }
                let base = URL(fileURLWithPath: manifest).deletingLastPathComponent()
                do {
                    listed = try ImportManifest(csv: text, source: manifest, base: base)
                } catch {
                    Console.error(error.description)
                    throw ExitCode.failure
                }
            }
            let options = ImportOptions(
                replace: replace, encoding: encoding.flatMap(TextEncoding.init(label:)),
                extraction: ExtractionOptions(year: year, bureau: bureau, partial: partial), aliases: aliasTable,
                manifest: listed)
            let paths = self.paths + (listed?.entries.map(\.path).filter { listedPath in
                !self.paths.contains { URL(fileURLWithPath: $0).standardizedFileURL.path == listedPath }
            } ?? [])
            // On a terminal: a progress bar and lines for failures and warnings only.
            let bar = !silent && Console.isTerminal ? ProgressBar() : nil
            let importer = Importer(store: store)
            let results = importer.run(
                paths, options: options, progress: { done, total in bar?.update(done: done, total: total) },
                report: { result in
                    guard !silent || result.failed else { return }
                    if bar == nil || result.failed || ImportSummary.hasFindings(result) {
                        bar?.clear()
                        Console.note(ImportSummary.line(for: result))
                    }
                })
            bar?.clear()
            var summary = ImportSummary(results)
            if let stopped = importer.stopped {
                summary.stopped = stopped.description
                Console.error("\(stopped); import stopped, the reports before this point are stored")
            }
            Console.note(summary.totalsLine)
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                let data = try encoder.encode(summary)
                let sink = OutputSink.console()
                sink.write(bytes: [UInt8](data) + [0x0A])
                sink.flush()
            }
            if summary.failed > 0 || importer.stopped != nil { throw ExitCode.failure }
        }
    }
}
