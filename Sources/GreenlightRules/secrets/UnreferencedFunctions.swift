import GreenlightCore

/// Python functions that nothing in the repository names — dead code, whose environment reads
/// configure nothing. A name counts as used wherever it appears as a word outside its own `def`
/// line and outside import statements: in any Python file (a call, a callback, `__all__`), or in
/// the files that start a program by name (`pyproject.toml` scripts, a Dockerfile's `CMD`, a
/// Procfile, a Makefile, CI and Compose YAML). A `@property` (named `.name` here) is used only
/// as an attribute: it counts as used where `.name` appears, or where `getattr` names it.
enum UnreferencedFunctions {
    static let referencingExtensions: Set<String> = ["py", "pyi", "toml", "cfg", "ini", "yml", "yaml", "sh", "json"]
    static let referencingNames = ["Dockerfile", "Procfile", "Makefile"]

    /// Those of `names` nothing names.
    static func among(_ names: Set<String>, in snapshot: RepositorySnapshot) throws -> Set<String> {
        var unreferenced = names
        for entry in snapshot.entries where !unreferenced.isEmpty && isReferencing(entry.path) && !VendoredCode.contains(entry.path) {
            guard let text = try snapshot.text(of: entry, containingAny: Array(unreferenced)) else { continue }
            // An attribute is read in Python (`${{ secrets.X }}` in a workflow is not `.X` of an object).
            let isPython = entry.path.hasSuffix(".py") || entry.path.hasSuffix(".pyi")
            var inImport = false
            for line in text.lines {
                let trimmed = line.drop { $0 == " " || $0 == "\t" }
                if inImport {
                    if trimmed.contains(")") { inImport = false }
                    continue
                }
                if trimmed.hasPrefix("from ") || trimmed.hasPrefix("import ") {
                    inImport = trimmed.contains("(") && !trimmed.contains(")")
                    continue
                }
                for word in words(of: trimmed) where unreferenced.contains(word) {
                    if trimmed.hasPrefix("def " + word) || trimmed.hasPrefix("async def " + word) { continue }
                    unreferenced.remove(word)
                }
                for accessor in unreferenced where isPython && accessor.hasPrefix(".") && isAccessed(accessor, in: trimmed) {
                    unreferenced.remove(accessor)
                }
            }
        }
        return unreferenced
    }

    /// `line` reads the attribute `accessor` (`.name`, not `.name_more`) or hands its name to
    /// `getattr`.
    static func isAccessed(_ accessor: String, in line: Substring) -> Bool {
        if line.contains("getattr(") && words(of: line).contains(String(accessor.dropFirst())) { return true }
        var search = line
        while let found = search.range(of: accessor) {
            guard let next = search[found.upperBound...].unicodeScalars.first, next.properties.isAlphabetic
                    || ("0"..."9").contains(next) || next == "_" else { return true }
            search = search[found.upperBound...]
        }
        return false
    }

    static func isReferencing(_ path: String) -> Bool {
        let name = String(RepositoryPath.name(of: path))
        if referencingNames.contains(where: { name.hasPrefix($0) }) { return true }
        guard let dot = name.lastIndex(of: ".") else { return false }
        return referencingExtensions.contains(String(name[name.index(after: dot)...]).lowercased())
    }

    /// The identifiers of `line`, in order.
    static func words(of line: Substring) -> [String] {
        var words: [String] = []
        var current: [UInt8] = []
        for byte in line.utf8 {
            if byte.isIdentifierByte {
                current.append(byte)
            } else if !current.isEmpty {
                words.append(String(decoding: current, as: UTF8.self))
                current.removeAll(keepingCapacity: true)
            }
        }
        if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
        return words
    }
}
