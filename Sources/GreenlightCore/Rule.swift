import Foundation

/// One check. A rule is a small value type with one static `description` that drives
/// `greenlight rules`, `greenlight explain` and the generic example test.
///
/// Rules come in the three shapes hadolint names: stateless per-line or per-node checks,
/// stateful folds over one file, and whole-snapshot checks. All three implement `check`, which
/// sees the whole snapshot through the context and returns findings; rules never touch the disk.
public protocol Rule: Sendable {
    associatedtype Options: RuleOptions = NoOptions

    static var description: RuleDescription { get }

    init()

    func check(_ context: RuleContext, options: Options) throws -> [Finding]
}

/// A rule's configuration, decoded from `rules: {RULE-ID: {severity: …, <options>}}`.
/// Every field has a default, so `init()` gives the defaults. Decoding must reject unknown keys
/// (see `Decoder.rejectUnknownKeys`).
public protocol RuleOptions: Decodable, Sendable {
    init()
}

/// For rules without options: any key besides `severity` is an error.
public struct NoOptions: RuleOptions {
    public init() {}

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        if let key = container.allKeys.first {
            throw UnknownKeyError(codingPath: decoder.codingPath.map(\.pathComponent), key: key.stringValue, known: [])
        }
    }
}

/// What a rule is: id, family, default severity, summary, rationale, config keys and examples.
public struct RuleDescription: Sendable {
    /// `family.name`, kebab-case.
    public let id: String
    public let severity: Severity
    /// One line, shown by `greenlight rules`.
    public let summary: String
    /// Why it matters, shown by `greenlight explain`.
    public let rationale: String
    /// Option keys this rule accepts under `rules: {ID: {…}}`, with a short meaning each.
    public let configKeys: [ConfigKey]
    /// Snippets that must trigger the rule at their `↓` markers.
    public var triggering: [RuleExample] { makeTriggering() }
    /// Snippets that must not trigger it.
    public var nonTriggering: [RuleExample] { makeNonTriggering() }
    // Built when asked (by tests, `explain`), not with the rule's identity: every run reads
    // every rule's description, and examples that generate samples cost more than a short run.
    private let makeTriggering: @Sendable () -> [RuleExample]
    private let makeNonTriggering: @Sendable () -> [RuleExample]

    public init(
        id: String,
        severity: Severity,
        summary: String,
        rationale: String,
        configKeys: [ConfigKey] = [],
        triggering: @autoclosure @escaping @Sendable () -> [RuleExample],
        nonTriggering: @autoclosure @escaping @Sendable () -> [RuleExample]
    ) {
        self.id = id
        self.severity = severity
        self.summary = summary
        self.rationale = rationale
        self.configKeys = configKeys
        makeTriggering = triggering
        makeNonTriggering = nonTriggering
    }

    /// The part of the id before the first dot.
    public var family: String { String(id.prefix { $0 != "." }) }
}

public struct ConfigKey: Sendable {
    public let name: String
    public let meaning: String
    public let defaultValue: String

    public init(_ name: String, _ meaning: String, default defaultValue: String) {
        self.name = name
        self.meaning = meaning
        self.defaultValue = defaultValue
    }
}

/// A rule example: a set of files committed to a fresh repository. In triggering examples,
/// each `↓` marks where exactly one finding of the rule must start (the marker is removed
/// before the file is written). `options` is YAML for the rule's options, if any. Without
/// `options` and `config`, a committed `.greenlight.yml` among the files is the config. `now` is
/// the run's clock as ISO 8601 (the files are committed at 2026-11-01T12:00:00Z; without it the
/// clock is 1970-01-01, before every commit).
public struct RuleExample: Sendable {
    public static let marker: Character = "↓"
    /// When the example test commits the files (author and committer date).
    public static let commitDate = "2026-11-01T12:00:00Z"

    public let files: [String: String]
    public let options: String?
    /// A whole `.greenlight.yml` for the example (for family sections); use it or `options`.
    public let config: String?
    /// The run's clock, ISO 8601, for time-dependent rules.
    public let now: String?
    /// Expected findings that no marker can show — whole-file or non-file findings — as
    /// `path:line:column` (line and column 0).
    public let expect: [String]
    /// Paths whose blobs the example test deletes from the object database after committing,
    /// as a partial clone would leave them.
    public let missingObjects: [String]
    public let sourceFile: StaticString
    public let sourceLine: UInt

    public init(
        _ files: [String: String],
        options: String? = nil,
        config: String? = nil,
        now: String? = nil,
        missingObjects: [String] = [],
        expect: [String] = [],
        file: StaticString = #filePath,
        line: UInt = #line
    ) {
        self.files = files
        self.options = options
        self.config = config
        self.now = now
        self.expect = expect
        self.missingObjects = missingObjects
        self.sourceFile = file
        self.sourceLine = line
    }

    /// Files with their markers removed.
    public var cleanFiles: [String: String] {
        files.mapValues { $0.replacingOccurrences(of: String(RuleExample.marker), with: "") }
    }

    /// Positions the markers stand for, as `path:line:column`, sorted.
    public var expectedPositions: [String] {
        var positions: [String] = []
        for (path, content) in files {
            var line = 1
            var column = 1
            for scalar in content.unicodeScalars {
                if Character(scalar) == RuleExample.marker {
                    positions.append("\(path):\(line):\(column)")
                } else if scalar == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            }
        }
        return (positions + expect).sorted()
    }
}
