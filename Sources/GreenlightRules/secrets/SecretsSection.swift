import GreenlightCore

/// The `secrets:` block of `.greenlight.yml`:
///
/// ```yaml
/// secrets:
///   required: [API_URL, API_KEY, ADMIN_API_KEY]   # greenlight preflight checks these
///   packs: [security/secrets-acme.yml]            # extra rule packs, committed in the repo
///   disable: [jwt]                                # pattern ids to switch off
///   allow:
///     paths: ["**/testdata/**"]
///     regexes: ["^AKIA0{16}$"]
///     stopwords: [sandbox]
///   max_findings_per_file: 100
/// ```
public struct SecretsSection: ConfigSection {
    public static let key = "secrets"

    public var required: [String] = []
    public var packs: [PositionedScalar] = []
    public var disable: [String] = []
    var allowShape = AllowlistShape()
    public var maxFindingsPerFile = 100

    public init() {}

    public var allow: SecretAllowlist { allowShape.compiled() }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case required, packs, disable, allow
        case maxFindingsPerFile = "max_findings_per_file"
    }

    public init(from decoder: Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        required = try container.decodeIfPresent([String].self, forKey: .required) ?? []
        for (index, name) in required.enumerated() where !EnvironmentPreflight.isValidName(name) {
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: container.codingPath + [CodingKeys.required, AnyCodingKey(intValue: index)],
                debugDescription: "'\(name)' is not an environment variable name (letters, digits and _, not starting with a digit)"))
        }
        packs = try container.decodeIfPresent([PositionedScalar].self, forKey: .packs) ?? []
        disable = try container.decodeIfPresent([String].self, forKey: .disable) ?? []
        allowShape = try container.decodeIfPresent(AllowlistShape.self, forKey: .allow) ?? AllowlistShape()
        maxFindingsPerFile = try container.decodeIfPresent(Int.self, forKey: .maxFindingsPerFile) ?? 100
        guard (1...10_000).contains(maxFindingsPerFile) else {
            throw DecodingError.dataCorruptedError(
                forKey: .maxFindingsPerFile, in: container, debugDescription: "max_findings_per_file must be between 1 and 10000")
        }
    }
}
