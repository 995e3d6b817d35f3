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
        guard let text = String(validating: data, as: UTF8.self) else {
            throw ToolError.usage("\(path):\(firstInvalidUTF8(Array(data))): the configuration is not valid UTF-8")
        }
        return try load(yaml: text, file: path, knownRuleIDs: knownRuleIDs, sections: sections)
    }

    /// Load from YAML text; `file` is the name used in messages.
    public static func load(
        yaml: String, file: String, knownRuleIDs: Set<String>, sections: Set<String> = []
    ) throws -> Config {
        guard let document = try DecodedYAML<ConfigFile>.read(
            yaml, file: file, userInfo: [ConfigFile.sectionKeys: sections],
            requireMapping: "configuration must be a mapping of keys")
        else {
            var config = Config()
            config.path = file
            return config
        }
        let (root, shape) = (document.root, document.value)

        var config = Config()
        config.path = file
        if let version = shape.version {
            guard version == 1 else {
                let mark = YAMLDiagnostics.locate(["version"], in: root)?.value.mark
                throw ToolError.usage("\(file):\(YAMLDiagnostics.position(mark)): unsupported version \(version) (this Greenlight reads version 1)")
            }
        }
        var errors: [ToolError] = []
        do { config.include = try globs(shape.include, key: "include", root: root, file: file) } catch let error as ToolError { errors.append(error) }
        do { config.exclude = try globs(shape.exclude, key: "exclude", root: root, file: file) } catch let error as ToolError { errors.append(error) }
        if let size = shape.maxFileSize { config.maxFileSize = size.bytes }

        for key in sections {
            if let node = root[key] { config.sections[key] = node }
        }
        if let rulesNode = root["rules"]?.mapping {
            for (keyNode, valueNode) in rulesNode {
                let id = keyNode.string ?? ""
                let here = "\(file):\(YAMLDiagnostics.position(keyNode.mark))"
                guard knownRuleIDs.contains(id) else {
                    errors.append(.usage("\(here): unknown rule id '\(id)'\(suggestion(for: id, in: knownRuleIDs)) (greenlight rules lists them)"))
                    continue
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
        if let error = ToolError.combined(errors) { throw error }
        return config
    }

    private static func globs(_ patterns: [String]?, key: String, root: Node, file: String) throws -> [Glob] {
        guard let patterns else { return [] }
        var globs: [Glob] = []
        var errors: [ToolError] = []
        for (index, pattern) in patterns.enumerated() {
            do {
                globs.append(try Glob(pattern))
            } catch let error as Glob.SyntaxError {
                let mark = YAMLDiagnostics.locate([key, String(index)], in: root)?.value.mark
                errors.append(.usage("\(file):\(YAMLDiagnostics.position(mark)): \(error.description) in \(key)"))
            }
        }
        if let error = ToolError.combined(errors) { throw error }
        return globs
    }

    /// `line:column` of the first byte that does not decode as UTF-8 (columns in characters).
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> String {
        var line = 1
        var lineStart = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length = byte < 0x80 ? 1 : byte >> 5 == 0b110 ? 2 : byte >> 4 == 0b1110 ? 3 : byte >> 3 == 0b11110 ? 4 : 0
            let sequence = length > 0 && index + length <= bytes.count ? Array(bytes[index..<(index + length)]) : []
            guard !sequence.isEmpty, String(validating: sequence, as: UTF8.self) != nil else {
                let column = String(decoding: bytes[lineStart..<index], as: UTF8.self).count + 1
                return "\(line):\(column)"
            }
            if byte == 0x0A {
                line += 1
                lineStart = index + 1
            }
            index += length
        }
        return "1:1"
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
