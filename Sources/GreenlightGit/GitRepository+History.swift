import CGit2
import GreenlightCore

extension GitRepository: RepositoryHistory {
    public func commitExists(_ id: String) -> Bool {
        let hex = id.lowercased()
        guard hex.count >= 7, hex.count <= 40, hex.allSatisfy(\.isHexDigit) else { return false }
        var oid = git_oid()
        guard git_oid_fromstrn(&oid, hex, hex.count) == 0 else { return false }
        var object: OpaquePointer?
        guard git_object_lookup_prefix(&object, handle, &oid, hex.count, GIT_OBJECT_COMMIT) == 0, let object else {
            return false
        }
        git_object_free(object)
        return true
    }
}
