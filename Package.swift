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
    ],
    targets: [
        .systemLibrary(
            name: "CGit2",
            pkgConfig: "libgit2",
            providers: [.apt(["libgit2-dev"])]
        ),
        .target(
            name: "GreenlightCore",
            dependencies: [.product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "GreenlightGit",
            dependencies: ["CGit2", "GreenlightCore"]
        ),
        .target(
            name: "GreenlightRules",
            dependencies: ["GreenlightCore"]
        ),
        .target(
            name: "GreenlightReport",
            dependencies: ["GreenlightCore"]
        ),
        .target(
            name: "GreenlightCommands",
            dependencies: ["GreenlightCore", "GreenlightGit", "GreenlightRules", "GreenlightReport"]
        ),
        .executableTarget(
            name: "greenlight",
            dependencies: [
                "GreenlightCommands",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "GreenlightTestSupport", path: "Tests/GreenlightTestSupport"),
        .testTarget(name: "GreenlightCoreTests", dependencies: ["GreenlightCore"]),
        .testTarget(name: "GreenlightGitTests", dependencies: ["GreenlightGit", "GreenlightTestSupport"]),
        .testTarget(
            name: "GreenlightRulesTests",
            dependencies: ["GreenlightRules", "GreenlightGit", "GreenlightTestSupport"]
        ),
        .testTarget(name: "GreenlightReportTests", dependencies: ["GreenlightReport"], exclude: ["Golden"]),
        .testTarget(
            name: "GreenlightCommandsTests",
            dependencies: ["GreenlightCommands", "GreenlightReport", "GreenlightRules", "GreenlightTestSupport"]
        ),
        .testTarget(name: "GreenlightCLITests", dependencies: ["greenlight", "GreenlightTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
