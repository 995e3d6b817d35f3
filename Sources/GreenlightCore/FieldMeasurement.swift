/// A rule's measured precision on the field corpus (`benchmarks/field/`): findings raised on
/// real public repositories, read in the source and labelled true, false or debatable. A rule's
/// default severity follows it — `error` only at 90 % or more, `warning` at 75 % or more, `note`
/// below — so that a red gate has a cause.
public struct FieldMeasurement: Sendable, Equatable {
    /// Findings the rule raised across the corpus.
    public let findings: Int
    /// Repositories it raised them in.
    public let repositories: Int
    public let truePositives: Int
    public let falsePositives: Int
    public let debatable: Int

    public init(findings: Int, repositories: Int, truePositives: Int, falsePositives: Int, debatable: Int) {
        self.findings = findings
        self.repositories = repositories
        self.truePositives = truePositives
        self.falsePositives = falsePositives
        self.debatable = debatable
    }

    public var labelled: Int { truePositives + falsePositives + debatable }

    /// true / (true + false); nil when nothing was judged either way.
    public var precision: Double? {
        let judged = truePositives + falsePositives
        return judged == 0 ? nil : Double(truePositives) / Double(judged)
    }

    /// The highest default severity the precision allows; nil when it is unmeasured.
    public var allowedSeverity: Severity? {
        guard let precision else { return nil }
        if precision >= 0.9 { return .error }
        if precision >= 0.75 { return .warning }
        return .note
    }

    /// "12 % (5 true, 36 false, 3 debatable of 44 labelled; 466 findings in 12 repositories)".
    public var summary: String {
        let figure = precision.map { "\(Int(($0 * 100).rounded())) %" } ?? "not measured"
        return "\(figure) (\(truePositives) true, \(falsePositives) false, \(debatable) debatable of \(labelled) labelled; "
            + "\(findings) finding\(findings == 1 ? "" : "s") in \(repositories) repositor\(repositories == 1 ? "y" : "ies"))"
    }
}
