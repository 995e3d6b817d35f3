// swift-tools-version:6.0
import Foundation
import PackageDescription

let package = Package(
    name: "greenlight",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "greenlight", targets: ["greenlight"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CGit2",
            pkgConfig: "libgit2",
            providers: [.apt(["libgit2-dev"])]
        ),
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .target(
            name: "GreenlightHistory",
            dependencies: ["CSQLite", "GreenlightCore"]
        ),
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .target(name: "CCurlShim", dependencies: ["CCurl"]),
        .systemLibrary(
            name: "CCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        .systemLibrary(
            name: "CLibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        .target(
            name: "GreenlightCore",
            dependencies: ["CCrypto", .product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "GreenlightGit",
            dependencies: ["CGit2", "GreenlightCore"]
        ),
        .target(name: "GreenlightHTTP", dependencies: ["CCurl", "CCurlShim"]),
        .target(
            name: "GreenlightProbes",
            dependencies: ["GreenlightHTTP", "GreenlightCore", .product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "GreenlightLoops",
            dependencies: ["GreenlightCore", "GreenlightHTTP", "GreenlightProbes"]
        ),
        .target(
            name: "GreenlightRules",
            dependencies: ["CLibYAML", "GreenlightCore", "GreenlightProbes", .product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "GreenlightReport",
            dependencies: [
                "GreenlightCore", "GreenlightHistory", "GreenlightProbes", "GreenlightLoops",
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .target(
            name: "GreenlightCommands",
            dependencies: [
                "GreenlightCore", "GreenlightGit", "GreenlightProbes", "GreenlightRules", "GreenlightReport", "GreenlightHistory",
                "GreenlightLoops",
            ]
        ),
        .target(
            name: "GreenlightCLI",
            dependencies: [
                "GreenlightCommands", "GreenlightCore", "GreenlightGit", "GreenlightProbes", "GreenlightReport", "GreenlightRules",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "greenlight", dependencies: ["GreenlightCLI", "GreenlightCommands"]),
        .target(name: "GreenlightTestSupport", dependencies: ["GreenlightCore"], path: "Tests/GreenlightTestSupport"),
        .testTarget(name: "GreenlightCoreTests", dependencies: ["GreenlightCore"]),
        .testTarget(name: "GreenlightHistoryTests", dependencies: ["GreenlightCore", "GreenlightHistory", "GreenlightTestSupport"]),
        .testTarget(
            name: "GreenlightProbesTests",
            dependencies: ["GreenlightCore", "GreenlightHTTP", "GreenlightProbes", "GreenlightTestSupport"]
        ),
        .testTarget(
            name: "GreenlightLoopsTests",
            dependencies: [
                "GreenlightCore", "GreenlightLoops", "GreenlightReport", "GreenlightTestSupport",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .testTarget(name: "GreenlightGitTests", dependencies: ["GreenlightCore", "GreenlightGit", "GreenlightTestSupport"]),
        .testTarget(
            name: "GreenlightRulesTests",
            dependencies: ["GreenlightCore", "GreenlightRules", "GreenlightGit", "GreenlightTestSupport"],
            exclude: ["Fixtures", "Golden"]
        ),
        .testTarget(
            name: "GreenlightReportTests", dependencies: ["GreenlightCore", "GreenlightReport", "GreenlightTestSupport"], exclude: ["Golden"]
        ),
        .testTarget(
            name: "GreenlightCommandsTests",
            dependencies: [
                "GreenlightCommands", "GreenlightCore", "GreenlightGit", "GreenlightReport", "GreenlightRules",
                "GreenlightTestSupport", .product(name: "Yams", package: "Yams"),
            ]
        ),
        .testTarget(
            name: "GreenlightCLITests",
            dependencies: ["greenlight", "GreenlightCLI", "GreenlightCommands", "GreenlightTestSupport", "GreenlightHistory"],
            exclude: ["Golden", "Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)

// libFuzzer targets, built only when asked (benchmarks/fuzz/run.sh):
// GREENLIGHT_FUZZ=1 swift build -c release -Xswiftc -enable-testing -Xswiftc -no-whole-module-optimization \
//     --product greenlight-fuzz \
//     --sanitize fuzzer --sanitize address --scratch-path .build-fuzz
if ProcessInfo.processInfo.environment["GREENLIGHT_FUZZ"] != nil {
    package.products.append(.executable(name: "greenlight-fuzz", targets: ["GreenlightFuzz"]))
    package.targets.append(.executableTarget(
        name: "GreenlightFuzz",
        dependencies: ["GreenlightCore", "GreenlightHTTP", "GreenlightProbes", "GreenlightRules"],
        path: "Fuzz/GreenlightFuzz",
        swiftSettings: [.unsafeFlags(["-parse-as-library"])]
    ))
}
