import CGit2
import Foundation
import GreenlightCore

extension GitRepository {
    /// See `RepositoryHistory.lastChanges(of:from:)`.
    public func lastChanges(of paths: [String], from commit: String) throws -> [String: LastChange] {
        try historyLock.withLock { try walkLastChanges(of: paths, from: commit) }
    }

    private func walkLastChanges(of paths: [String], from commit: String) throws -> [String: LastChange] {
        let unique = Array(Set(paths)).sorted()
        return try LastChangeWalk(repository: self, paths: unique).run(from: commit)
    }

    /// Whether the repository is a shallow clone.
    public var isShallow: Bool { git_repository_is_shallow(handle) == 1 }

    /// The boundary commits listed in `shallow` in the common git directory.
    func shallowCommits() -> Set<ObjectID> {
        guard isShallow, let common = git_repository_commondir(handle) else { return [] }
        let file = String(cString: common) + (String(cString: common).hasSuffix("/") ? "" : "/") + "shallow"
        guard let data = FileManager.default.contents(atPath: file) else { return [] }
        var result: Set<ObjectID> = []
        for line in String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline) {
            if let oid = GitRepository.oid(String(line).trimmingWhitespace) { result.insert(ObjectID(oid)) }
        }
        return result
    }
}
