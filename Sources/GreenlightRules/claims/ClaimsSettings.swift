import GreenlightCore

/// The `claims:` section of `.greenlight.yml`.
public struct ClaimsSettings: ConfigSection {
    public static let key = "claims"

    /// Globs selecting readiness documents; default: Markdown files whose name contains
    /// readiness, roadmap, status, todo or checklist.
    public var docs: [Glob] = []
    /// Globs selecting the source files searched for routes; default: every text file that is
    /// not Markdown or plain text.
    public var routeSources: [Glob] = []

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case docs
        case routeSources = "route_sources"
    }

    public init(from decoder: Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        docs = try container.decodeIfPresent([Glob].self, forKey: .docs) ?? []
        routeSources = try container.decodeIfPresent([Glob].self, forKey: .routeSources) ?? []
    }

    public func isDocument(_ path: String) -> Bool {
        docs.isEmpty ? ReadinessDocument.isReadinessDocument(path) : docs.contains { $0.matches(path) }
    }

    public func isRouteSource(_ path: String) -> Bool {
        if !routeSources.isEmpty { return routeSources.contains { $0.matches(path) } }
        let lower = path.lowercased()
        return ![".md", ".markdown", ".mdx", ".txt", ".rst", ".lock", ".svg"].contains { lower.hasSuffix($0) }
    }
}
