import CGit2
import Foundation
import GreenlightCore

/// One walk of a commit's history that finds, for many paths at once, the commit
/// `git log -1 -- PATH` would print for each.
///
/// For one path, git's simplified history is a chain from the tip: a commit whose parent has
/// the same entry at the path (object id and mode) is TREESAME and not shown; a merge TREESAME
/// to one of its parents continues only into the first such parent; the first commit that is
/// TREESAME to no parent (a root commit: that has the path) is the answer. A merge that differs
/// from every parent is itself shown, so `-1` never has to choose between branches, and commit
/// dates — skewed, equal or out of order — cannot change the answer.
///
/// Here every queue item carries the set of paths whose chain reached that commit; items are
/// popped newest first by committer date (then first queued first), so paths that share a chain
/// share the reads of its commits and trees. A commit is queued for a path at most once, so the
/// walk ends; it stops when every path is settled or the history is exhausted.
///
/// Memory stays bounded by the walk's frontier, not its length: a commit's entries (one per
/// path) are kept only while the commit waits in the queue, and dropped once it has been
/// judged and no queue item names it — read again in the rare case a later child needs them.
final class LastChangeWalk {
    private struct CommitInfo {
        let id: ObjectID
        let time: Int64
        let tree: ObjectID
        let parentIDs: [ObjectID]
        var parents: [Int]?
        /// A parent is missing (shallow clone): the history is cut off here.
        var isBoundary = false
        var seen: IndexSet64
        var entries: [PathEntry?]?
        /// Queue items that name this commit.
        var queued = 0
    }

    private struct Item {
        let time: Int64
        let order: Int
        let commit: Int
        let paths: IndexSet64

        /// Newest first; first queued first among equal times.
        func precedes(_ other: Item) -> Bool {
            time != other.time ? time > other.time : order < other.order
        }
    }

    private let repository: GitRepository
    private let paths: [String]
    private let resolver: PathEntryResolver
    private var commits: [CommitInfo] = []
    private var indexByID: [ObjectID: Int] = [:]
    private var heap: [Item] = []
    private var order = 0
    /// The commits a shallow clone cut off (git treats them as having no parents).
    private let shallow: Set<ObjectID>

    init(repository: GitRepository, paths: [String]) {
        self.repository = repository
        self.paths = paths
        self.resolver = PathEntryResolver(repository: repository.handle, paths: paths)
        self.shallow = repository.shallowCommits()
    }

    func run(from start: String) throws -> [String: LastChange] {
        guard !paths.isEmpty else { return [:] }
        guard let oid = GitRepository.oid(start), let tip = try load(ObjectID(oid)) else {
            throw ToolError.runtime("cannot read commit \(start): \(GitRepository.lastError())")
        }
        var results = [LastChange?](repeating: nil, count: paths.count)
        var open = IndexSet64.all(paths.count)
        var cutOff = IndexSet64(capacity: paths.count)
        commits[tip].seen = open
        push(tip, paths: open)

        while !open.isEmpty, let item = pop() {
            let commit = item.commit
            commits[commit].queued -= 1
            let wanted = item.paths.intersection(open)
            if wanted.isEmpty {
                release(commit)
                continue
            }
            let parents = try loadParents(of: commit)
            defer {
                release(commit)
                for parent in parents { release(parent) }
            }
            let stamp = self.stamp(commit)

            if commits[commit].isBoundary || parents.isEmpty {
                let here = try entries(commit)
                for path in wanted.members {
                    if here[path] != nil {
                        results[path] = commits[commit].isBoundary
                            ? .unchangedSinceCutOff(boundary: stamp) : .changed(stamp, parent: nil)
                        open.remove(path)
                    } else if commits[commit].isBoundary {
                        cutOff.insert(path)
                    }
                }
                continue
            }

            var follow = [IndexSet64](repeating: IndexSet64(capacity: paths.count), count: parents.count)
            for path in wanted.members {
                if let same = try firstSameParent(commit, parents, path) {
                    follow[same].insert(path)
                } else {
                    results[path] = .changed(stamp, parent: commits[parents[0]].id.hex)
                    open.remove(path)
                }
            }
            for (position, parent) in parents.enumerated() {
                let fresh = follow[position].subtracting(commits[parent].seen)
                if fresh.isEmpty { continue }
                commits[parent].seen.formUnion(fresh)
                push(parent, paths: fresh)
            }
        }

        var answer: [String: LastChange] = [:]
        for (index, path) in paths.enumerated() {
            answer[path] = results[index] ?? .never(cutOff: cutOff.contains(index))
        }
        return answer
    }

    // MARK: - Commits

    private func stamp(_ commit: Int) -> CommitStamp {
        CommitStamp(id: commits[commit].id.hex, time: Date(timeIntervalSince1970: TimeInterval(commits[commit].time)))
    }

    /// The commit's index, reading it on first use; nil when the object is missing.
    private func load(_ id: ObjectID) throws -> Int? {
        if let index = indexByID[id] { return index }
        var oid = id.oid
        var commit: OpaquePointer?
        let status = git_commit_lookup(&commit, repository.handle, &oid)
        guard status == 0, let commit else {
            if status == GIT_ENOTFOUND.rawValue { return nil }
            throw ToolError.runtime("cannot read commit \(id.hex): \(GitRepository.lastError())")
        }
        defer { git_commit_free(commit) }
        var parentIDs: [ObjectID] = []
        for position in 0..<git_commit_parentcount(commit) {
            if let parent = git_commit_parent_id(commit, position) { parentIDs.append(ObjectID(parent.pointee)) }
        }
        let info = CommitInfo(
            id: id,
            time: Int64(git_commit_time(commit)),
            tree: ObjectID(git_commit_tree_id(commit).pointee),
            parentIDs: parentIDs,
            seen: IndexSet64(capacity: paths.count)
        )
        commits.append(info)
        indexByID[id] = commits.count - 1
        return commits.count - 1
    }

    private func loadParents(of commit: Int) throws -> [Int] {
        if let parents = commits[commit].parents { return parents }
        var parents: [Int] = []
        var missing = shallow.contains(commits[commit].id)
        for id in commits[commit].parentIDs where !missing {
            if let parent = try load(id) { parents.append(parent) } else { missing = true }
        }
        commits[commit].isBoundary = missing
        commits[commit].parents = missing ? [] : parents
        return commits[commit].parents ?? []
    }

    /// Drops a commit's entries once no queue item names it.
    private func release(_ commit: Int) {
        if commits[commit].queued == 0 { commits[commit].entries = nil }
    }

    private func entries(_ commit: Int) throws -> [PathEntry?] {
        if let cached = commits[commit].entries { return cached }
        let found = try resolver.entries(ofTree: commits[commit].tree)
        commits[commit].entries = found
        return found
    }

    /// The first parent with the same entry at `path`, if any.
    private func firstSameParent(_ commit: Int, _ parents: [Int], _ path: Int) throws -> Int? {
        for (position, parent) in parents.enumerated() {
            if commits[parent].tree == commits[commit].tree { return position }
            if try entries(parent)[path] == entries(commit)[path] { return position }
        }
        return nil
    }

    // MARK: - The queue (a binary heap)

    private func push(_ commit: Int, paths: IndexSet64) {
        heap.append(Item(time: commits[commit].time, order: order, commit: commit, paths: paths))
        commits[commit].queued += 1
        order += 1
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].precedes(heap[parent]) else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    private func pop() -> Item? {
        guard !heap.isEmpty else { return nil }
        let top = heap[0]
        let last = heap.removeLast()
        if !heap.isEmpty {
            heap[0] = last
            var parent = 0
            while true {
                let left = 2 * parent + 1
                let right = left + 1
                var best = parent
                if left < heap.count && heap[left].precedes(heap[best]) { best = left }
                if right < heap.count && heap[right].precedes(heap[best]) { best = right }
                if best == parent { break }
                heap.swapAt(parent, best)
                parent = best
            }
        }
        return top
    }
}
