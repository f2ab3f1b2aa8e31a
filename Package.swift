// swift-tools-version: 6.0
import Foundation
import PackageDescription

let package = Package(
    name: "nianbao",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "nianbao", targets: ["nianbao"]),
        .library(name: "NianbaoKit", targets: ["NianbaoKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // The C library, exactly as Debian ships it (libsqlite3-dev).
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        // libxml2's HTML parser, the one that reads real-world pages (libxml2-dev).
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // The only module that touches the SQLite C API.
        .target(name: "NianbaoSQLite", dependencies: ["CSQLite"]),
        // The domain: decoding, documents, catalog, extraction, validation, store, output.
        .target(
            name: "NianbaoKit",
            dependencies: [
                "NianbaoSQLite",
                "CLibXML2",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // Synthetic reports and their renderings (HTML, DOCX, text, layout text)
        // with the facts they print: for tests, fuzz seeds and the benchmark,
        // never for the product.
        .target(
            name: "NianbaoSynthesis",
            dependencies: ["NianbaoKit", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        // The command-line tool: argument parsing and printing, nothing about reports.
        .executableTarget(
            name: "nianbao",
            dependencies: [
                "NianbaoKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The benchmark: `swift run -c release nianbao-bench`.
        .executableTarget(
            name: "nianbao-bench",
            dependencies: [
                "NianbaoKit",
                "NianbaoSynthesis",
                // To time a DOCX's inflating apart from its XML.
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The fuzz targets' code, shared by the libFuzzer binary and the regression tests.
        .target(name: "NianbaoFuzzing", dependencies: ["NianbaoKit", "NianbaoSynthesis"]),
        .testTarget(name: "NianbaoSQLiteTests", dependencies: ["NianbaoSQLite"]),
        .testTarget(
            name: "NianbaoKitTests", dependencies: ["NianbaoKit", "CLibXML2", "NianbaoSQLite", "NianbaoFuzzing", "NianbaoSynthesis", "NianbaoTestSupport"],
            // Binary documents written by real word processors, read by path.
            exclude: ["Fixtures"]
        ),
        // Fixtures shared by the test targets: reports whose every cell is stated, for trend tests.
        .target(name: "NianbaoTestSupport", dependencies: ["NianbaoKit", "NianbaoSynthesis"], path: "Tests/NianbaoTestSupport"),
        .testTarget(name: "NianbaoCLITests", dependencies: ["NianbaoKit", "NianbaoSQLite", "NianbaoTestSupport"]),
    ]
)

// The libFuzzer binary has no `main` of its own (libFuzzer brings it), so it
// links only when built with `--sanitize=fuzzer`: `.ci/fuzz` sets NIANBAO_FUZZ.
if ProcessInfo.processInfo.environment["NIANBAO_FUZZ"] != nil {
    package.targets.append(.executableTarget(name: "nianbao-fuzz", dependencies: ["NianbaoFuzzing", "NianbaoKit"]))
}
