import GreenlightCore

/// Whether the repository's code knows end users: names a user's identity (`user_id`,
/// `userId`, `uid`, `current_user`, `request.user`, `session.user`, an account, tenant or
/// customer id) in a production file. A single-user tool, a script or a
/// library that never names a user has no identity to pass: `ai.user-identity` judges nothing
/// there (a library's caller passes it; `rules: {ai.user-identity: error}` with a declared
/// `ai.identity_args` still asks it of every call).
enum EndUsers {
    static let names = ["user_id", "userId", "userID", "uid", "current_user", "currentUser", "request.user", "req.user",
                        "session.user", "ctx.user", "account_id", "accountId", "tenant_id", "tenantId", "customer_id",
                        "customerId", "owner_id", "ownerId"]
    /// The plain identifiers among them, looked up in one pass over a file; the dotted ones.
    static let identifiers = WordIndex(Set(names.filter { !$0.contains(".") }))
    static let dotted = names.filter { $0.contains(".") }.map { Array($0.utf8) }

    /// Whether a file's bytes name one of them.
    static func named(in bytes: [UInt8]) -> Bool {
        !identifiers.words(in: bytes).isEmpty || dotted.contains { WordIndex.firstOffset(of: $0, in: bytes) != nil }
    }
}
