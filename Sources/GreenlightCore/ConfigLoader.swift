import Foundation
import Yams

/// Reads `.greenlight.yml` into a `Config`. Every problem — invalid YAML, a duplicate or
/// unknown key, a wrong type, an unknown rule id, an invalid glob — is a usage error that names
/// `file:line:column`.
public enum ConfigLoader {
    /// Load from a file on disk.
    public static func load(file path: String, knownRuleIDs: Set<String>, sections: Set<String> = []) throws -> Config {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ToolError.usage("\(path): cannot read configuration file")
        }
        return try load(yaml: String(decoding: data, as: UTF8.self), file: path, knownRuleIDs: knownRuleIDs, sections: sections)
    }

    /// Load from YAML text; `file` is the name used in messages.
    public static func load(
        yaml: String, file: String, knownRuleIDs: Set<String>, sections: Set<String> = []
    ) throws -> Config {
        let root: Node
        do {
            guard let composed = try Yams.compose(yaml: yaml) else {
                var config = Config()
                config.path = file
                return config
            }
            root = composed
        } catch let error as YamlError {
            throw ToolError.usage(YAMLDiagnostics.describe(error, file: file, yaml: yaml))
        }
        guard case .mapping = root else {
            throw ToolError.usage("\(file):\(YAMLDiagnostics.position(root.mark)): configuration must be a mapping of keys")
        }
        let shape: ConfigFile
        do {
            shape = try YAMLDecoder().decode(ConfigFile.self, from: root, userInfo: [ConfigFile.sectionKeys: sections])
        } catch {
            throw ToolError.usage(YAMLDiagnostics.describe(error, root: root, file: file))
        }

        var config = Config()
        config.path = file
        if let version = shape.version {
            guard version == 1 else {
                let mark = YAMLDiagnostics.locate(["version"], in: root)?.value.mark
                throw ToolError.usage("\(file):\(YAMLDiagnostics.position(mark)): unsupported version \(version) (this Greenlight reads version 1)")
            }
        }
        config.include = try globs(shape.include, key: "include", root: root, file: file)
        config.exclude = try globs(shape.exclude, key: "exclude", root: root, file: file)
        if let size = shape.maxFileSize { config.maxFileSize = size.bytes }

        for key in sections {
            if let node = root[key] { config.sections[key] = node }
        }
        if let rulesNode = root["rules"]?.mapping {
            for (keyNode, valueNode) in rulesNode {
                let id = keyNode.string ?? ""
                let here = "\(file):\(YAMLDiagnostics.position(keyNode.mark))"
                guard knownRuleIDs.contains(id) else {
                    throw ToolError.usage("\(here): unknown rule id '\(id)'\(suggestion(for: id, in: knownRuleIDs)) (greenlight rules lists them)")
                }
                var options: Node?
                if let mapping = valueNode.mapping {
                    let rest = mapping.filter { $0.key.string != "severity" }.map { ($0.key, $0.value) }
                    options = Node(rest, mapping.tag, mapping.style)
                    if case .mapping(var copy) = options! {
                        copy.mark = mapping.mark
                        options = .mapping(copy)
                    }
                }
                config.rules[id] = RuleSetting(level: shape.rules?[id]?.level, options: options, location: here)
            }
        }
        return config
    }

    private static func globs(_ patterns: [String]?, key: String, root: Node, file: String) throws -> [Glob] {
        guard let patterns else { return [] }
        return try patterns.enumerated().map { index, pattern in
            do {
                return try Glob(pattern)
            } catch let error as Glob.SyntaxError {
                let mark = YAMLDiagnostics.locate([key, String(index)], in: root)?.value.mark
                throw ToolError.usage("\(file):\(YAMLDiagnostics.position(mark)): \(error.description) in \(key)")
            }
        }
    }

    /// ` (did you mean 'x'?)` when one known id is close.
    public static func suggestion(for id: String, in known: Set<String>) -> String {
        let close = known.filter { editDistance($0, id) <= 2 }.sorted()
        return close.first.map { " (did you mean '\($0)'?)" } ?? ""
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}

/// Turns YAML and decoding errors into one-line `file:line:col: message` text.
public enum YAMLDiagnostics {
    public static func position(_ mark: Mark?) -> String {
        guard let mark else { return "1:1" }
        return "\(mark.line):\(mark.column)"
    }

    public static func describe(_ error: YamlError, file: String, yaml: String? = nil) -> String {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
             .composer(_, let problem, let mark, _):
            return "\(file):\(position(mark)): invalid YAML: \(problem)"
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
            let path = prefix + context.codingPath.map(\.pathStep)
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
