import GreenlightCore

/// The `evidence:` section of `.greenlight.yml`.
public struct EvidenceSettings: ConfigSection {
    public static let key = "evidence"

    /// A gate that must have a recent passing record.
    public struct Requirement: Decodable, Sendable {
        public var name: String
        public var maxAge = TimeSpan(seconds: 7 * 86400)

        enum CodingKeys: String, CodingKey, CaseIterable {
            case name
            case maxAge = "max_age"
        }

        public init(from decoder: Decoder) throws {
            try decoder.rejectUnknownKeys(CodingKeys.self)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            name = try container.decode(String.self, forKey: .name)
            maxAge = try container.decodeIfPresent(TimeSpan.self, forKey: .maxAge) ?? maxAge
            guard EvidenceRecord.isValidName(name) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .name, in: container,
                    debugDescription: "invalid evidence name '\(name)' (letters, digits, '.', '_', '-')")
            }
        }
    }

    /// A coverage report and the threshold it must meet.
    public struct Coverage: Decodable, Sendable {
        public enum Format: String, Decodable, Sendable {
            case lcov
            case cobertura
        }

        public var file: Glob
        public var format: Format
        /// Source files the threshold applies to (all when empty).
        public var paths: [Glob] = []
        /// Minimum line coverage, in percent.
        public var min: Double

        enum CodingKeys: String, CodingKey, CaseIterable {
            case file, format, paths, min
        }

        public init(from decoder: Decoder) throws {
            try decoder.rejectUnknownKeys(CodingKeys.self)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            file = try container.decode(Glob.self, forKey: .file)
            format = try container.decode(Format.self, forKey: .format)
            paths = try container.decodeIfPresent([Glob].self, forKey: .paths) ?? []
            min = try container.decode(Double.self, forKey: .min)
            guard (0...100).contains(min) else {
                throw DecodingError.dataCorruptedError(forKey: .min, in: container, debugDescription: "min must be a percentage, 0 to 100")
            }
        }
    }

    public var required: [Requirement] = []
    /// JUnit XML files (globs, read from the work tree: CI artifacts are not committed).
    public var junit: [Glob] = []
    public var coverage: [Coverage] = []

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case required, junit, coverage
    }

    public init(from decoder: Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        required = try container.decodeIfPresent([Requirement].self, forKey: .required) ?? []
        junit = try container.decodeIfPresent([Glob].self, forKey: .junit) ?? []
        coverage = try container.decodeIfPresent([Coverage].self, forKey: .coverage) ?? []
    }
}
