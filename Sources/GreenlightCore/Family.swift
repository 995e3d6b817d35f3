/// A rule family — claims, evidence, docker, … — as one unit: its rules, the config section it
/// owns (`claims:`, `docker:`, …), the values its rules share within a run (typed `SharedKey`s),
/// and the figures it reports beside the findings. Adding a rule to a family touches the rule's
/// file and the family's `rules` list.
public protocol Family: Sendable {
    /// The family name, the prefix of its rules' ids (`claims`).
    static var name: String { get }
    /// Its rules, in the order `greenlight rules` lists them.
    static var rules: [any Rule.Type] { get }
    /// The top-level config section it owns, if any.
    static var section: (any ConfigSection.Type)? { get }
    /// Figures for reports (claim counts, evidence states, …), gathered after its rules ran,
    /// from the values they shared. Called once per run when at least one of its rules ran.
    static func reportFacts(_ context: RuleContext) throws
    /// Whether it reads every file of the snapshot (not only files of one kind): such families
    /// are started first when a run checks families in parallel, so the longest work overlaps.
    static var readsEveryFile: Bool { get }
    /// Whether its rules may run at once, on several threads (pure rules that share values
    /// only through the context): their findings are joined in rule order all the same.
    static var checksRulesConcurrently: Bool { get }
    /// Work its rules will share, done before they run and spread over the cores (parsing
    /// every file of its kind). Only a warm-up: it throws nothing, and a file it could not read
    /// is left for the rules to report. Called when at least one of its rules will run.
    static func prepare(_ context: RuleContext)
}

extension Family {
    public static var section: (any ConfigSection.Type)? { nil }
    public static var readsEveryFile: Bool { false }
    public static var checksRulesConcurrently: Bool { false }
    public static func prepare(_ context: RuleContext) {}
    public static func reportFacts(_ context: RuleContext) throws {}
}

/// The key of a value built once per run and shared by a family's rules (an index, a ledger),
/// typed by the value it holds.
public struct SharedKey<Value>: Sendable {
    public let name: String

    public init(_ name: String) {
        self.name = name
    }
}

/// The key of one parser's results, per file, for a run.
public struct ParserKey<Value>: Sendable {
    public let name: String

    public init(_ name: String) {
        self.name = name
    }
}
