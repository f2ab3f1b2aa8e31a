import Foundation
import NianbaoFuzzing
import NianbaoKit

/// libFuzzer's entry points (built only by `.ci/fuzz`, with
/// `NIANBAO_FUZZ=1 swift build --sanitize=fuzzer`).
///
/// `NIANBAO_FUZZ_TARGET` names the target (text, html, markdown, layout,
/// docx, parse). With `NIANBAO_FUZZ_SEEDS=DIR` the binary writes the seed
/// corpus of that target and the dictionary into DIR and exits (the seeds
/// are made by the Synthesis module, so they are never stale).
let target: FuzzTarget = {
    let name = ProcessInfo.processInfo.environment["NIANBAO_FUZZ_TARGET"] ?? ""
    guard let target = FuzzTarget(rawValue: name) else {
        let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
        FileHandle.standardError.write(Data("NIANBAO_FUZZ_TARGET must be one of: \(names)\n".utf8))
        exit(2)
    }
    return target
}()

@_cdecl("LLVMFuzzerInitialize")
public func initialize(_ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> Int32 {
    HTMLReader.prepareForThreads()
    let environment = ProcessInfo.processInfo.environment
    if let directory = environment["NIANBAO_FUZZ_SEEDS"] {
        let data = URL(fileURLWithPath: environment["NIANBAO_FUZZ_DATA"] ?? "Data")
        do {
            let folder = URL(fileURLWithPath: directory)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for (name, bytes) in try FuzzSeeds.seeds(for: target, data: data) {
                try Data(bytes).write(to: folder.appendingPathComponent(name))
            }
            try FuzzSeeds.dictionary().write(to: folder.appendingPathComponent("../nianbao.dict"), atomically: true, encoding: .utf8)
            exit(0)
        } catch {
            FileHandle.standardError.write(Data("cannot write seeds: \(error)\n".utf8))
            exit(1)
        }
    }
    _ = target
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ start: UnsafeRawPointer?, _ count: Int) -> Int32 {
    target.run(UnsafeRawBufferPointer(start: count > 0 ? start : nil, count: count))
    return 0
}
