// swift-tools-version:6.0
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
        .target(
            name: "GreenlightCore",
            dependencies: [.product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "GreenlightGit",
            dependencies: ["CGit2", "GreenlightCore"]
        ),
        .target(
            name: "GreenlightProbes",
            dependencies: ["CCurl", "CCurlShim", "GreenlightCore", .product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "GreenlightLoops",
            dependencies: ["GreenlightCore", "GreenlightProbes"]
        ),
        .target(
            name: "GreenlightRules",
            dependencies: ["GreenlightCore", "GreenlightProbes", .product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "GreenlightReport",
            dependencies: ["GreenlightCore", "GreenlightProbes", .product(name: "Mustache", package: "swift-mustache")]
        ),
        .target(
            name: "GreenlightCommands",
            dependencies: [
                "GreenlightCore", "GreenlightGit", "GreenlightProbes", "GreenlightRules", "GreenlightReport", "GreenlightHistory",
                "GreenlightLoops",
            ]
        ),
        .executableTarget(
            name: "greenlight",
            dependencies: [
                "GreenlightCommands",
                "GreenlightRules",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "GreenlightTestSupport", dependencies: ["GreenlightCore"], path: "Tests/GreenlightTestSupport"),
        .testTarget(name: "GreenlightCoreTests", dependencies: ["GreenlightCore"]),
        .testTarget(name: "GreenlightHistoryTests", dependencies: ["GreenlightHistory", "GreenlightTestSupport"]),
        .testTarget(name: "GreenlightProbesTests", dependencies: ["GreenlightProbes", "GreenlightTestSupport"]),
        .testTarget(
            name: "GreenlightLoopsTests",
            dependencies: ["GreenlightLoops", "GreenlightTestSupport", .product(name: "Yams", package: "Yams")]
        ),
        .testTarget(name: "GreenlightGitTests", dependencies: ["GreenlightGit", "GreenlightTestSupport"]),
        .testTarget(
            name: "GreenlightRulesTests",
            dependencies: ["GreenlightRules", "GreenlightGit", "GreenlightTestSupport"],
            exclude: ["Fixtures", "Golden"]
        ),
        .testTarget(name: "GreenlightReportTests", dependencies: ["GreenlightReport", "GreenlightTestSupport"], exclude: ["Golden"]),
        .testTarget(
            name: "GreenlightCommandsTests",
            dependencies: [
                "GreenlightCommands", "GreenlightReport", "GreenlightRules", "GreenlightTestSupport",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .testTarget(
            name: "GreenlightCLITests",
            dependencies: ["greenlight", "GreenlightTestSupport", "GreenlightHistory"],
            exclude: ["Golden", "Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
