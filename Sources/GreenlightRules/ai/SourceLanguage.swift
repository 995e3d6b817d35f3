/// The languages whose LLM call sites the ai family reads, told apart by file extension.
public enum SourceLanguage: String, CaseIterable, Sendable, Decodable {
    case typescript
    case javascript
    case python
    case go
    case swift

    /// The lexical family: TypeScript and JavaScript share one.
    enum Syntax {
        case script
        case python
        case go
        case swift
    }

    var syntax: Syntax {
        switch self {
        case .typescript, .javascript: return .script
        case .python: return .python
        case .go: return .go
        case .swift: return .swift
        }
    }

    /// The language of a path, by extension; nil for anything else (never read by the family).
    public static func of(path: String) -> SourceLanguage? {
        let utf8 = path.utf8
        guard let dot = utf8.lastIndex(of: UInt8(ascii: ".")) else { return nil }
        if let slash = utf8.lastIndex(of: UInt8(ascii: "/")), slash > dot { return nil }
        switch String(path[path.utf8.index(after: dot)...]).lowercased() {
        case "ts", "tsx", "mts", "cts": return .typescript
        case "js", "jsx", "mjs", "cjs": return .javascript
        case "py", "pyi": return .python
        case "go": return .go
        case "swift": return .swift
        default: return nil
        }
    }
}
