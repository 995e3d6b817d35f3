/// A claim in a readiness document: a task-list item, a heading marked done, or a table row
/// with a status — with its position, state, and what it cites.
public struct Claim: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case task
        case heading
        case tableRow = "table row"
    }

    public enum State: Sendable {
        case done
        case open
    }

    public let kind: Kind
    public let state: State
    public let line: Int
    public let column: Int
    /// The claim's own text (item text, heading text, or the row's first cell).
    public let title: String
    public var citations: [Citation]
    /// Index of the enclosing task item, for nested items.
    public var parent: Int?
    /// Indices of nested task items.
    public var children: [Int] = []
    /// The code the lines under it name: a heading's section (`isLLMAllowed()` in a bullet
    /// under "### Flags ✅"), an item's own sub-lines — what it says it delivered besides its
    /// title.
    public var sectionNames: [String] = []
}

/// Something a claim points at as evidence, with the position of its text.
public struct Citation: Sendable, Equatable {
    public enum Target: Sendable, Equatable {
        /// A relative path, folder or glob in the repository.
        case path(String)
        /// An HTTP route, e.g. `POST /api/few-shot/build`.
        case route(method: String, path: String)
        /// A link: noted, not checked offline.
        case url(String)
    }

    public let target: Target
    public let line: Int
    public let column: Int
    /// Written as what used to be ("modeled on the previous `a.yaml`", "today's `b.py`",
    /// "replaces `c.ts`"): a path that need not exist any more.
    public var namesThePast = false

    public init(target: Target, line: Int, column: Int, namesThePast: Bool = false) {
        self.target = target
        self.line = line
        self.column = column
        self.namesThePast = namesThePast
    }
}

/// A readiness document read into claims.
public struct ClaimDocument: Sendable {
    public let path: String
    public let claims: [Claim]

    /// Whether any claim is marked done.
    public var hasDoneClaims: Bool { claims.contains { $0.state == .done } }

    /// Whether any claim cites an HTTP route (`POST /api/…`).
    public var citesRoutes: Bool {
        claims.contains { claim in
            claim.citations.contains { if case .route = $0.target { return true } else { return false } }
        }
    }
}
