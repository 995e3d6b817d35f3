import CLibYAML
import GreenlightCore

/// A YAML node with the position of its first character. It mirrors `Yams.Node`, which cannot
/// be built with marks outside Yams (its `Mark` initializer is internal) and cannot hold a
/// mapping with duplicate keys.
public struct YAMLNode: Sendable {
    public enum Kind: Sendable {
        case scalar(String, ScalarStyle)
        case sequence([YAMLNode])
        case mapping([YAMLPair])
    }

    public enum ScalarStyle: Sendable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    public let kind: Kind
    public let position: SourcePosition

    public var string: String? {
        if case .scalar(let value, _) = kind { return value }
        return nil
    }

    public var sequence: [YAMLNode]? {
        if case .sequence(let nodes) = kind { return nodes }
        return nil
    }

    public var mapping: [YAMLPair]? {
        if case .mapping(let pairs) = kind { return pairs }
        return nil
    }

    /// The value of the first pair whose key is the string `key`.
    public subscript(key: String) -> YAMLNode? {
        // Matched in place: copying out the pairs and each key's string costs more than the test.
        guard case .mapping(let pairs) = kind else { return nil }
        for pair in pairs {
            if case .scalar(let name, _) = pair.key.kind, name == key { return pair.value }
        }
        return nil
    }

    /// A scalar, or each scalar of a sequence (`needs: build` and `needs: [a, b]` alike).
    public var strings: [YAMLNode] {
        if string != nil { return [self] }
        return sequence?.filter { $0.string != nil } ?? []
    }
}

public struct YAMLPair: Sendable {
    public let key: YAMLNode
    public let value: YAMLNode
}

/// A YAML document composed from libyaml's events, without the two
/// things `Yams.compose` does that a linter cannot use: it keeps going past duplicate keys
/// (recording both positions and keeping both pairs, so every job is still checked; lookups by
/// key see the first), and
/// it bounds what a hostile file can cost — alias expansion ("billion laughs") and nesting
/// depth are counted, not followed. Keys are never resolved to booleans: `on` stays `on`.
public struct YAMLDocument: Sendable {
    public let root: YAMLNode?
    public let duplicates: [DuplicateKey]
    /// Why the document could not be read completely, if it could not.
    public let problem: YAMLProblem?

    public struct DuplicateKey: Sendable {
        public let key: String
        public let first: SourcePosition
        public let second: SourcePosition
    }

    public struct YAMLProblem: Sendable {
        public let message: String
        public let position: SourcePosition
    }
}

public enum YAMLComposer {
    /// Past this many nodes (aliases counted as what they expand to) the document is refused.
    public static let maxExpandedNodes = 1_000_000
    public static let maxDepth = 256

    public static func compose(_ text: String) -> YAMLDocument {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else {
                return YAMLDocument(root: nil, duplicates: [], problem: .init(message: "cannot start the YAML parser", position: .init(line: 1, column: 1)))
            }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var state = ComposeState()
            state.run(&parser)
            return YAMLDocument(root: state.root, duplicates: state.duplicates, problem: state.problem)
        }
    }
}

/// The composer's stack and bookkeeping.
private struct ComposeState {
    struct Frame {
        var isMapping: Bool
        var nodes: [YAMLNode] = []
        var pairs: [YAMLPair] = []
        var key: YAMLNode?
        /// The first position of each scalar key, once the mapping is too large to search its
        /// pairs (`firstKey`).
        var seen: [String: SourcePosition]?
        var size = 1
        let position: SourcePosition
        let anchor: String?
    }

    var stack: [Frame] = []
    /// Past this many pairs a mapping's keys are looked up in a dictionary, not searched.
    static let searchedPairs = 16
    var anchors: [String: (node: YAMLNode, size: Int)] = [:]
    var root: YAMLNode?
    var duplicates: [YAMLDocument.DuplicateKey] = []
    var problem: YAMLDocument.YAMLProblem?
    var total = 0
    var documents = 0

    mutating func run(_ parser: inout yaml_parser_t) {
        while problem == nil {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else {
                let mark = parser.problem_mark
                let text = parser.problem.map { String(cString: $0) } ?? "invalid YAML"
                let context = parser.context.map { String(cString: $0) + ": " } ?? ""
                fail(context + text, SourcePosition(line: Int(mark.line) + 1, column: Int(mark.column) + 1))
                return
            }
            defer { yaml_event_delete(&event) }
            let position = SourcePosition(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 { fail("more than one YAML document in the file", position) }
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                let value = scalar.value.map { pointer in
                    String(decoding: UnsafeBufferPointer(start: pointer, count: Int(scalar.length)), as: UTF8.self)
                } ?? ""
                let node = YAMLNode(kind: .scalar(value, style(scalar.style)), position: position)
                register(anchor: string(scalar.anchor), node: node, size: 1)
                add(node, size: 1)
            case YAML_ALIAS_EVENT:
                let name = string(event.data.alias.anchor) ?? ""
                guard let anchored = anchors[name] else {
                    fail("alias *\(name) names no anchor", position)
                    return
                }
                add(anchored.node, size: anchored.size)
            case YAML_SEQUENCE_START_EVENT:
                push(Frame(isMapping: false, position: position, anchor: string(event.data.sequence_start.anchor)))
            case YAML_MAPPING_START_EVENT:
                push(Frame(isMapping: true, position: position, anchor: string(event.data.mapping_start.anchor)))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let frame = stack.popLast() else { return }
                let node = YAMLNode(kind: frame.isMapping ? .mapping(frame.pairs) : .sequence(frame.nodes), position: frame.position)
                register(anchor: frame.anchor, node: node, size: frame.size)
                add(node, size: frame.size)
            default:
                break
            }
        }
    }

    private mutating func fail(_ message: String, _ position: SourcePosition) {
        if problem == nil {
            problem = .init(message: message, position: SourcePosition(line: max(1, position.line), column: max(1, position.column)))
        }
    }

    private mutating func push(_ frame: Frame) {
        guard stack.count < YAMLComposer.maxDepth else {
            fail("nesting deeper than \(YAMLComposer.maxDepth) levels", frame.position)
            return
        }
        stack.append(frame)
    }

    private mutating func register(anchor: String?, node: YAMLNode, size: Int) {
        if let anchor { anchors[anchor] = (node, size) }
    }

    /// Adds a finished node to its parent (or makes it the root), counting expanded size.
    private mutating func add(_ node: YAMLNode, size: Int) {
        total = saturating(total, size)
        if total > YAMLComposer.maxExpandedNodes {
            fail("aliases expand the document past \(YAMLComposer.maxExpandedNodes) nodes (an alias bomb?)", node.position)
            return
        }
        guard !stack.isEmpty else {
            if root == nil { root = node }
            return
        }
        // The top frame is changed in place: popping and pushing it would copy it each time.
        let top = stack.count - 1
        stack[top].size = saturating(stack[top].size, size)
        if !stack[top].isMapping {
            stack[top].nodes.append(node)
        } else if let key = stack[top].key {
            stack[top].pairs.append(YAMLPair(key: key, value: node))
            stack[top].key = nil
        } else {
            if let name = node.string {
                if let first = stack[top].firstKey(name, at: node.position) {
                    duplicates.append(.init(key: name, first: first, second: node.position))
                }
            }
            stack[top].key = node
        }
    }

    private func saturating(_ a: Int, _ b: Int) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? Int.max : sum
    }

    private func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    private func style(_ style: yaml_scalar_style_t) -> YAMLNode.ScalarStyle {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: return .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: return .literal
        case YAML_FOLDED_SCALAR_STYLE: return .folded
        default: return .plain
        }
    }
}

extension ComposeState.Frame {
    /// The position of the first earlier key of this mapping named `name`, if any; else `name`
    /// at `position` is remembered as seen. Small mappings (most of a workflow) are searched pair by pair; a
    /// large one indexes its keys once and then looks them up.
    mutating func firstKey(_ name: String, at position: SourcePosition) -> SourcePosition? {
        if seen == nil, pairs.count < ComposeState.searchedPairs {
            return pairs.first { $0.key.string == name }?.key.position
        }
        if seen == nil {
            var index: [String: SourcePosition] = [:]
            for pair in pairs {
                if let key = pair.key.string, index[key] == nil { index[key] = pair.key.position }
            }
            seen = index
        }
        if let first = seen?[name] { return first }
        seen?[name] = position
        return nil
    }
}
