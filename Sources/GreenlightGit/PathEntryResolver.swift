import CGit2
import GreenlightCore

/// What a tree holds at a path: the entry's object id and mode (a mode change is a change).
struct PathEntry: Equatable {
    let id: ObjectID
    let mode: UInt32
}

/// Looks up many paths in many trees. The paths form a trie; the entries below a subtree are
/// remembered by the subtree's id, so commits that did not touch `feedback/` cost one lookup
/// of `feedback` in their root tree. What is remembered is bounded (`budget` entries in all):
/// past it the memory starts afresh, which costs lookups again, never a different answer.
final class PathEntryResolver {
    private final class Node {
        var children: [(name: String, node: Node)] = []
        var leaf: Int?
        /// Every path index at or under this node.
        var leaves: [Int] = []
        var cache: [ObjectID: [PathEntry?]] = [:]

        func child(_ name: String) -> Node {
            if let found = children.first(where: { $0.name == name }) { return found.node }
            let node = Node()
            children.append((name, node))
            return node
        }
    }

    private let repository: OpaquePointer
    private let root = Node()
    private var nodes: [Node] = []
    let count: Int
    /// Entries remembered at most, over every subtree (about 30 bytes each).
    static let budget = 1 << 20
    private var remembered = 0

    init(repository: OpaquePointer, paths: [String]) {
        self.repository = repository
        count = paths.count
        for (index, path) in paths.enumerated() {
            var node = root
            node.leaves.append(index)
            for part in path.split(separator: "/", omittingEmptySubsequences: true) {
                node = node.child(String(part))
                node.leaves.append(index)
            }
            node.leaf = index
        }
        var pending = [root]
        while let node = pending.popLast() {
            nodes.append(node)
            pending += node.children.map(\.node)
        }
    }

    /// The entry of every path in the tree `tree` (nil where absent).
    func entries(ofTree tree: ObjectID) throws -> [PathEntry?] {
        var result = [PathEntry?](repeating: nil, count: count)
        try fill(tree, node: root, into: &result, cacheable: false)
        return result
    }

    private func fill(_ treeID: ObjectID, node: Node, into result: inout [PathEntry?], cacheable: Bool) throws {
        if cacheable, let cached = node.cache[treeID] {
            for (position, leaf) in node.leaves.enumerated() { result[leaf] = cached[position] }
            return
        }
        var oid = treeID.oid
        var tree: OpaquePointer?
        guard git_tree_lookup(&tree, repository, &oid) == 0, let tree else {
            throw ToolError.runtime("cannot read tree \(treeID.hex): \(GitRepository.lastError())")
        }
        defer { git_tree_free(tree) }
        for (name, child) in node.children {
            guard let entry = git_tree_entry_byname(tree, name) else { continue }
            let value = PathEntry(id: ObjectID(git_tree_entry_id(entry).pointee), mode: git_tree_entry_filemode(entry).rawValue)
            if let leaf = child.leaf { result[leaf] = value }
            if !child.children.isEmpty && value.mode == GIT_FILEMODE_TREE.rawValue {
                try fill(value.id, node: child, into: &result, cacheable: true)
            }
        }
        if cacheable {
            if remembered + node.leaves.count > Self.budget {
                for each in nodes { each.cache.removeAll() }
                remembered = 0
            }
            node.cache[treeID] = node.leaves.map { result[$0] }
            remembered += node.leaves.count
        }
    }
}
