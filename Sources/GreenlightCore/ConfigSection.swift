/// A family-level block of `.greenlight.yml` (`claims:`, `proof_of_work:`, `secrets:` …),
/// decoded into a typed value with defaults. Families list theirs in the catalog; the loader
/// accepts their keys, and the engine decodes them once per run, with positioned errors.
public protocol ConfigSection: Decodable, Sendable {
    /// The top-level key, e.g. `claims`.
    static var key: String { get }
    /// The defaults, used when the section is absent.
    init()
}
