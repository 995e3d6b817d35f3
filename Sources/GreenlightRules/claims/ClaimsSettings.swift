import GreenlightCore
import GreenlightProbes

/// The `claims:` section of `.greenlight.yml`.
public struct ClaimsSettings: ConfigSection {
    public static let key = "claims"

    /// Globs selecting readiness documents, matched case-insensitively (`docs/*readiness*.md`
    /// selects `docs/PRODUCTION_READINESS.md`); default: the names `ReadinessDocument` knows.
    public var docs: [Glob] = [] {
        didSet { foldedDocs = Self.folded(docs) }
    }
    /// `docs` in lower case, matched against lower-cased paths.
    private var foldedDocs: [Glob] = []
    /// Where each of `docs` is written in the configuration, when read from a file.
    public private(set) var docPositions: [SourcePosition?] = []
    /// Whether the documents `ReadinessDocument` knows by name are read besides `docs`; by
    /// default only when `docs` is empty (listing documents replaces the default).
    public var defaultDocs: Bool?
    /// Globs selecting the source files searched for routes; default: every text file that is
    /// not Markdown or plain text.
    public var routeSources: [Glob] = []

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case docs
        case defaultDocs = "default_docs"
        case routeSources = "route_sources"
    }

    public init(from decoder: Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let written = try container.decodeIfPresent([PositionedScalar].self, forKey: .docs) ?? []
        docs = try written.enumerated().map { index, scalar in
            do { return try Glob(scalar.text) } catch let error as Glob.SyntaxError {
                throw scalar.error(at: 0, error.description, codingPath: decoder.codingPath + [CodingKeys.docs, IndexKey(index)])
            }
        }
        docPositions = written.map { $0.position(at: 0) ?? $0.position }
        foldedDocs = Self.folded(docs)
        defaultDocs = try container.decodeIfPresent(Bool.self, forKey: .defaultDocs)
        routeSources = try container.decodeIfPresent([Glob].self, forKey: .routeSources) ?? []
    }

    /// Whether the default readiness documents are read.
    public var readsDefaultDocs: Bool { defaultDocs ?? docs.isEmpty }

    public func isDocument(_ path: String) -> Bool {
        if readsDefaultDocs && ReadinessDocument.isReadinessDocument(path) { return true }
        guard !docs.isEmpty else { return false }
        let lowered = path.lowercased()
        return foldedDocs.contains { $0.matches(lowered) }
    }

    /// The configured patterns that select none of `paths`.
    public func unmatchedDocs(among paths: [String]) -> [Glob] {
        let lowered = paths.map { $0.lowercased() }
        return zip(docs, foldedDocs).filter { _, folded in !lowered.contains(where: folded.matches) }.map(\.0)
    }

    private static func folded(_ globs: [Glob]) -> [Glob] {
        globs.map { (try? Glob($0.pattern.lowercased())) ?? $0 }
    }

    public func isRouteSource(_ path: String) -> Bool {
        if !routeSources.isEmpty { return routeSources.contains { $0.matches(path) } }
        let lower = path.lowercased()
        return ![".md", ".markdown", ".mdx", ".txt", ".rst", ".lock", ".svg"].contains { lower.hasSuffix($0) }
    }
}

/// A list index in a coding path.
private struct IndexKey: CodingKey {
    let intValue: Int?
    var stringValue: String { String(intValue ?? 0) }
    init(_ index: Int) { intValue = index }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.intValue = intValue }
}
