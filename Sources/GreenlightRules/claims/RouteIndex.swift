import GreenlightCore

/// Every URL path written as a string in the snapshot's source files, in a trie whose
/// parameter segments (`:id`, `{id}`, `${id}`, `<int:id>`, `[id]`) are wildcards — so a claimed
/// route `/api/preferences/:userId/infer` is found in `'/api/preferences/${id}/infer'` or
/// `"/api/preferences/{user_id}/infer"`. Built with one pass over the source files.
final class RouteIndex {
    private final class Node {
        var children: [Substring: Node] = [:]
        var wildcard: Node?
        var terminal = false
    }

    private let root = Node()
    private(set) var pathCount = 0

    init(texts: [SourceText]) {
        for text in texts { collect(from: text.text) }
    }

    /// Found as a whole, or as a mount prefix plus a route suffix that both appear
    /// (`app.use('/api/preferences', router)` and `router.post('/:userId/infer')`).
    func contains(_ path: String) -> Bool {
        let segments = RouteIndex.segments(Substring(path))
        if matches(segments[...], from: root, exact: true) { return true }
        guard segments.count > 1 else { return false }
        for split in 1..<segments.count
        where matches(segments[..<split], from: root, exact: true) && matches(segments[split...], from: root, exact: true) {
            return true
        }
        return false
    }

    private func matches(_ segments: ArraySlice<Substring>, from node: Node, exact: Bool) -> Bool {
        guard let first = segments.first else { return node.terminal }
        let rest = segments.dropFirst()
        if let wildcard = node.wildcard, matches(rest, from: wildcard, exact: exact) { return true }
        if RouteIndex.isParameter(first) {
            return node.children.values.contains { matches(rest, from: $0, exact: exact) }
        }
        if let child = node.children[first], matches(rest, from: child, exact: exact) { return true }
        return false
    }

    private func insert(_ segments: [Substring]) {
        guard !segments.isEmpty else { return }
        var node = root
        for segment in segments {
            if RouteIndex.isParameter(segment) {
                if node.wildcard == nil { node.wildcard = Node() }
                node = node.wildcard!
            } else {
                if node.children[segment] == nil { node.children[segment] = Node() }
                node = node.children[segment]!
            }
        }
        if !node.terminal { pathCount += 1 }
        node.terminal = true
    }

    /// Strings that start with `/` right after a quote or backtick.
    private func collect(from text: String) {
        let utf8 = Array(text.utf8)
        var index = 0
        while index < utf8.count - 1 {
            let byte = utf8[index]
            if (byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || byte == UInt8(ascii: "`")),
               utf8[index + 1] == UInt8(ascii: "/") {
                var end = index + 1
                while end < utf8.count, RouteIndex.isPathByte(utf8[end]) { end += 1 }
                if end - index > 2 {
                    let path = String(decoding: utf8[(index + 1)..<end], as: UTF8.self)
                    insert(RouteIndex.segments(Substring(path)))
                }
                index = end
            } else {
                index += 1
            }
        }
    }

    static func segments(_ path: Substring) -> [Substring] {
        var body = path
        if let query = body.firstIndex(where: { $0 == "?" || $0 == "#" }) { body = body[..<query] }
        return body.split(separator: "/", omittingEmptySubsequences: true)
    }

    static func isParameter(_ segment: Substring) -> Bool {
        segment.hasPrefix(":") || segment.hasPrefix("{") || segment.hasPrefix("<") || segment.hasPrefix("[")
            || segment.contains("${") || segment == "*"
    }

    private static func isPathByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return "/-_.:{}$<>[]*~@%+".utf8.contains(byte)
        }
    }
}
