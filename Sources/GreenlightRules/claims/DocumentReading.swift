import GreenlightCore

/// The readiness documents of a snapshot, read as text however they were saved: UTF-16 with a
/// byte-order mark is decoded and a stray NUL read as a space. A document that still cannot be
/// read — over `max_file_size`, binary, a Git LFS pointer, an object the clone lacks — is kept
/// with the reason, so that the family says which claims it did not check.
enum DocumentReading {
    struct Unreadable: Equatable {
        let path: String
        let reason: String
    }

    static func documents(_ context: RuleContext, where isDocument: (String) -> Bool) throws -> (texts: [SourceText], unreadable: [Unreadable]) {
        var texts: [SourceText] = []
        var unreadable: [Unreadable] = []
        for entry in context.snapshot.entries where isDocument(entry.path) {
            switch try context.snapshot.content(of: entry) {
            case .text(let text):
                texts.append(text)
            case .skipped(let kind):
                if let reason = try recover(entry, kind, context.snapshot, into: &texts) {
                    unreadable.append(Unreadable(path: entry.path, reason: reason))
                }
            }
        }
        return (texts, unreadable)
    }

    /// Appends the recovered text, or says why there is none (nil for what is no document of
    /// its own: a symlink to another file, a submodule).
    private static func recover(
        _ entry: SnapshotEntry, _ kind: EntryKind, _ snapshot: RepositorySnapshot, into texts: inout [SourceText]
    ) throws -> String? {
        switch kind {
        case .text, .symlink, .submodule:
            return nil
        case .binary:
            if case .skipped(_, let bytes?, _) = try snapshot.rawRead(of: entry), let text = ScannableText.recover(bytes) {
                texts.append(SourceText(path: entry.path, bytes: text))
                return nil
            }
            return "it is binary (NUL bytes, and not UTF-16 with a byte-order mark)"
        case .tooLarge:
            let size = (try? snapshot.rawRead(of: entry)).flatMap { read -> Int? in
                if case .skipped(_, _, let size) = read { return size }
                return nil
            }
            return "it is larger than max_file_size" + (size.map { " (\($0) bytes)" } ?? "")
        case .lfsPointer:
            return "it is a Git LFS pointer: its text is not in the repository"
        case .missing:
            return "its object is missing from the repository (a partial clone?)"
        }
    }
}
