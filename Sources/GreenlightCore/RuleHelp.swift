/// Where a rule's documentation lives for people who meet its finding outside a terminal (a
/// code-scanning alert): `docs/rules.md`, which `greenlight rules --format markdown` writes, one
/// heading per rule.
public enum RuleHelp {
    public static let homepage = "https://github.com/greenlight/greenlight"
    public static let document = "docs/rules.md"

    /// The heading's anchor as GitHub makes it: lowercased, punctuation but `-` dropped.
    public static func anchor(_ id: String) -> String {
        String(id.lowercased().filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
    }

    public static func url(_ id: String) -> String {
        "\(homepage)/blob/main/\(document)#\(anchor(id))"
    }
}
