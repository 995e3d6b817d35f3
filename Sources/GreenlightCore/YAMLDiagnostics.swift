import Foundation
import Yams

/// YAML text decoded strictly into `Value`, with its node tree kept for positions. Every file
/// Greenlight reads as YAML (the configuration, rule packs) comes in through `read`.
public struct DecodedYAML<Value: Decodable> {
    public let root: Node
    public let value: Value

    /// Compose `yaml` and decode it as `Value`; nil when the text holds no document. Invalid
    /// YAML and decoding errors are usage errors naming `file:line:column`. `requireMapping` is
    /// the message when the root is not a mapping; `culprit` adds to a decoding error's message
    /// (the item at fault).
    public static func read(
        _ yaml: String, file: String, userInfo: [CodingUserInfoKey: Any] = [:], requireMapping: String? = nil,
        culprit: (Error, Node) -> String = { _, _ in "" }
    ) throws -> DecodedYAML? {
        let root: Node
        do {
            guard let composed = try Yams.compose(yaml: yaml) else { return nil }
            root = composed
        } catch let error as YamlError {
            throw ToolError.usage(YAMLDiagnostics.describe(error, file: file, yaml: yaml))
        }
        if let requireMapping, root.mapping == nil {
            throw ToolError.usage("\(file):\(YAMLDiagnostics.position(root.mark)): \(requireMapping)")
        }
        do {
            return DecodedYAML(root: root, value: try YAMLDecoder().decode(Value.self, from: root, userInfo: userInfo))
        } catch {
            throw ToolError.usage(YAMLDiagnostics.describe(error, root: root, file: file) + culprit(error, root))
        }
    }
}

/// Turns YAML and decoding errors into one-line `file:line:col: message` text.
public enum YAMLDiagnostics {
    public static func position(_ mark: Mark?) -> String {
        guard let mark else { return "1:1" }
        return "\(mark.line):\(mark.column)"
    }

    /// libyaml's words, without its API: its nesting limit names the C call that raises it.
    static func plain(_ problem: String) -> String {
        if problem.hasPrefix("Maximum nesting level reached") {
            return "nested more than \(maxNesting) levels deep"
        }
        return problem
    }

    /// libyaml's default nesting limit.
    static let maxNesting = 1000

    public static func describe(_ error: YamlError, file: String, yaml: String? = nil) -> String {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
             .composer(_, let problem, let mark, _):
            return "\(file):\(position(mark)): invalid YAML: \(plain(problem))"
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ")
            let at = yaml.flatMap { secondOccurrence(of: duplicates.sorted().first ?? "", after: context.mark, in: $0) }
            return "\(file):\(at ?? position(context.mark)): invalid YAML: duplicate key \(keys) in one mapping"
        case .reader(let problem, _, _, _):
            return "\(file):1:1: invalid YAML: \(problem)"
        default:
            return "\(file):1:1: invalid YAML: \(error)"
        }
    }

    /// A decoding error, located in `root` by its coding path.
    public static func describe(_ error: Error, root: Node, file: String, prefix: [String] = []) -> String {
        switch error {
        case let positioned as PositionedConfigError:
            return "\(file):\(positioned.line):\(positioned.column): \(positioned.message)"
        case let unknown as UnknownKeyError:
            let path = prefix + unknown.codingPath
            let mark = locate(path + [unknown.key], in: root)?.key?.mark
            let within = path.isEmpty ? "" : " in \(path.joined(separator: "."))"
            let known = unknown.known.isEmpty ? "no keys" : unknown.known.joined(separator: ", ")
            return "\(file):\(position(mark)): unknown key '\(unknown.key)'\(within) (expected \(known))"
        case let decoding as DecodingError:
            let (context, message): (DecodingError.Context, String)
            switch decoding {
            case .typeMismatch(let type, let ctx):
                (context, message) = (ctx, "expected \(typeName(type))")
            case .valueNotFound(let type, let ctx):
                (context, message) = (ctx, "expected \(typeName(type)), found nothing")
            case .keyNotFound(let key, let ctx):
                (context, message) = (ctx, "missing key '\(key.stringValue)'")
            case .dataCorrupted(let ctx):
                (context, message) = (ctx, ctx.debugDescription)
            @unknown default:
                return "\(file):1:1: \(decoding)"
            }
            let path = prefix + context.codingPath.map(\.pathComponent)
            let mark = locate(path, in: root)?.value.mark
            let at = path.isEmpty ? "" : " at \(path.joined(separator: "."))"
            return "\(file):\(position(mark)): \(message)\(at)"
        case let yaml as YamlError:
            return describe(yaml, file: file)
        default:
            return "\(file):1:1: \(error)"
        }
    }

    /// libyaml reports a duplicate key at its mapping; point at the repeated key instead: the
    /// second line, from the mapping on, that starts with `key:` at the first one's indentation.
    static func secondOccurrence(of key: String, after mark: Mark, in yaml: String) -> String? {
        var firstIndent: Int?
        let lines = SourceText(path: "", text: yaml).lines
        // libyaml counts a lone carriage return as a line break and SourceText does not, so the
        // mark's line can lie past the last line here (a crash the fuzzer found).
        guard mark.line <= lines.count else { return nil }
        for number in max(mark.line, 1)...max(lines.count, 1) where number <= lines.count {
            let line = lines[number - 1]
            let indent = line.prefix { $0 == " " }.count
            let rest = line.dropFirst(indent)
            let unquoted = rest.hasPrefix("\"\(key)\"") || rest.hasPrefix("'\(key)'") ? rest.dropFirst(key.count + 2) : nil
            guard let after = unquoted ?? (rest.hasPrefix(key) ? rest.dropFirst(key.count) : nil),
                  after.drop(while: { $0 == " " }).first == ":" else { continue }
            if let firstIndent {
                if indent == firstIndent { return "\(number):\(indent + 1)" }
            } else {
                firstIndent = indent
            }
        }
        return nil
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Int.Type: return "an integer"
        case is Bool.Type: return "true or false"
        case is Double.Type: return "a number"
        default:
            let name = String(describing: type)
            if name.hasPrefix("Array") || name.hasSuffix("Sequence") { return "a list" }
            if name.hasPrefix("Dictionary") || name.hasSuffix("Mapping") { return "a mapping" }
            if name.hasSuffix("Scalar") { return "a single value" }
            return name
        }
    }

    /// The node at a coding path, with the key node that names it when the last step is a key.
    public static func locate(_ path: [String], in root: Node) -> (key: Node?, value: Node)? {
        var current = root
        var key: Node?
        for step in path {
            switch current {
            case .mapping(let mapping):
                guard let pair = mapping.first(where: { $0.key.string == step }) else { return nil }
                key = pair.key
                current = pair.value
            case .sequence(let sequence):
                guard let index = Int(step), index >= 0, index < sequence.count else { return nil }
                key = nil
                current = sequence[sequence.index(sequence.startIndex, offsetBy: index)]
            default:
                return nil
            }
        }
        return (key, current)
    }
}

/// Positions of nodes in YAML text, for findings that point into a committed config file.
public enum YAMLPositions {
    /// The 1-based line and column of the node at `path` (mapping keys and sequence indexes)
    /// in `text`, or nil when the text is not YAML or has no such node.
    public static func position(of path: [String], in text: String) -> SourcePosition? {
        guard let root = try? Yams.compose(yaml: text),
              let mark = YAMLDiagnostics.locate(path, in: root)?.value.mark else { return nil }
        return SourcePosition(line: mark.line, column: mark.column)
    }
}
