/// A read the code only reaches once the variable is known to be set: not evidence that the
/// program needs it.
extension EnvReadUse {
    /// The read stands under a test of the same variable's presence: Python's conditional
    /// expression (`Path(os.environ["X"]) if os.environ.get("X") else None`), or an `if` /
    /// `elif` above it, less indented, that tests it (`if "X" in os.environ:`,
    /// `if (process.env.X) {`). A negated test (`not`, `!`) guards nothing.
    static func isGuardedByPresence(_ name: String, site: Site) -> Bool {
        let after = site.text[site.end...]
        if let condition = after.range(of: " if "), let otherwise = after.range(of: " else", range: condition.upperBound..<after.endIndex) {
            return testsPresence(of: name, in: after[condition.upperBound..<otherwise.lowerBound])
        }
        let indent = indentation(site.lines[site.line])
        for line in site.lines[..<site.line].reversed().prefix(12) {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.isEmpty || indentation(line) >= indent { continue }
            let opensTest = ["if ", "if(", "elif ", "} else if", "else if"].contains { trimmed.hasPrefix($0) }
            return opensTest && testsPresence(of: name, in: trimmed)
        }
        return false
    }

    /// `condition` names the variable and tests it as set: not `not`, `!`, `is None`.
    private static func testsPresence(of name: String, in condition: Substring) -> Bool {
        guard condition.contains("\"\(name)\"") || condition.contains("'\(name)'") || namesProperty(name, in: condition)
        else { return false }
        return !["not ", "!", "is None", "=== undefined", "== null", "=== null", "== None"].contains { condition.contains($0) }
            || condition.contains("!= None") || condition.contains("is not None")
    }

    /// `env.NAME` as a whole name: `process.env.API_URL_V2` does not test `API_URL`.
    private static func namesProperty(_ name: String, in condition: Substring) -> Bool {
        var rest = condition[...]
        while let found = rest.range(of: "env." + name) {
            let next = rest[found.upperBound...].first
            if !(next.map { $0.isLetter || $0.isNumber || $0 == "_" } ?? false) { return true }
            rest = rest[found.upperBound...]
        }
        return false
    }
}
