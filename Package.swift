// swift-tools-version: 6.0
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
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "NianbaoSQLiteTests", dependencies: ["NianbaoSQLite"]),
        .testTarget(
            name: "NianbaoKitTests", dependencies: ["NianbaoKit", "NianbaoSQLite"],
            // Binary documents written by real word processors, read by path.
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "NianbaoCLITests", dependencies: ["NianbaoKit", "NianbaoSQLite"]),
    ]
)
