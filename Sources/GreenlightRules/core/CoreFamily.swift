import GreenlightCore

/// `core`: what concerns the run itself — suppressions that cannot work, files it could not read.
public enum CoreFamily: Family {
    public static let name = "core"
    public static let rules: [any Rule.Type] = [BadSuppressionRule.self, MissingObjectRule.self]
    public static let readsEveryFile = true
}
