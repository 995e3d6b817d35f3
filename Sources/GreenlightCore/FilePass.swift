import Foundation

/// What a family does with each file in a run's one pass over every file. The families that
/// read every file (secrets, ai, core) would each read and inflate every blob; instead the
/// engine reads each blob once, on every core, and hands its bytes to every visitor that wants
/// the file. Each family gets its visitor's results back in snapshot order.
public protocol FileVisitor: Sendable {
    associatedtype Value: Sendable
    /// Where the results are kept in the family's context.
    static var key: SharedKey<FileVisits<Value>> { get }
    /// Whether the file is worth reading for this visitor (its path, its mode); cheap.
    func wants(_ entry: SnapshotEntry) -> Bool
    /// What the family keeps of one text file (bytes as `RepositorySnapshot.textBytes` gives
    /// them); nil for nothing. Called on any thread, for every file `wants`.
    func visit(_ entry: SnapshotEntry, bytes: [UInt8]) throws -> Value?
    /// What the family keeps of a file that is not text (binary, too large, an LFS pointer, a
    /// missing object; `bytes` when they were read). By default, nothing.
    func visitSkipped(_ entry: SnapshotEntry, kind: EntryKind, bytes: [UInt8]?, size: Int?) throws -> Value?
}

extension FileVisitor {
    public func visitSkipped(_ entry: SnapshotEntry, kind: EntryKind, bytes: [UInt8]?, size: Int?) throws -> Value? { nil }
}

/// A visitor's results: the files it kept something of, in snapshot order.
public struct FileVisits<Value: Sendable>: Sendable {
    public let files: [(entry: SnapshotEntry, value: Value)]
}

/// A rule that reads every file through a visitor. Before the families run, the engine builds
/// the visitor of every rule that will run (once per key and family) and runs them all in one
/// pass; the rule then reads the results with `context.visits`. A visitor that cannot be built
/// (a bad pack) is left to the rule, whose own call to `visits` then throws the error.
public protocol FileVisitingRule: Rule {
    associatedtype Visitor: FileVisitor
    static func fileVisitor(_ context: RuleContext) throws -> Visitor
}

extension FileVisitingRule {
    /// The key its visitor's results are kept under: rules sharing a visitor share it.
    static var visitorKey: String { Visitor.key.name }

    /// This rule's visitor's results over every file.
    public static func visits(_ context: RuleContext) throws -> FileVisits<Visitor.Value> {
        try context.visits { try fileVisitor(context) }
    }
}

extension RuleContext {
    /// The visitor's results over every file: those of the run's shared pass when the engine
    /// ran one for this family, else a pass of this visitor alone (a rule checked on its own,
    /// or a visitor the engine could not build — whose error then surfaces here).
    public func visits<V: FileVisitor>(_ visitor: () throws -> V) throws -> FileVisits<V.Value> {
        try shared(V.key) {
            let one = try visitor()
            return try FilePass.run([one], over: snapshot)[0] as! FileVisits<V.Value>
        }
    }
}

extension FileVisitor {
    fileprivate func visitAny(_ entry: SnapshotEntry, read: RepositorySnapshot.RawRead) throws -> Any? {
        switch read {
        case .text(let bytes): return try visit(entry, bytes: bytes)
        case .skipped(let kind, let bytes, let size): return try visitSkipped(entry, kind: kind, bytes: bytes, size: size)
        }
    }

    fileprivate func collect(_ files: [(SnapshotEntry, Any)]) -> Any {
        FileVisits<Value>(files: files.map { ($0.0, $0.1 as! Value) })
    }

    /// Keeps the pass's results where `visits` looks for them.
    func store(_ visits: Any, in context: RuleContext) {
        _ = context.shared(Self.key) { visits as! FileVisits<Value> }
    }
}

/// The one pass: every entry some visitor wants (of the snapshot's `passEntries`) is read
/// once, in parallel chunks; the results come back per visitor, in snapshot order (so a
/// parallel pass gives the sequential output).
enum FilePass {
    /// Per visitor, its `FileVisits<Value>`.
    static func run(_ visitors: [any FileVisitor], over snapshot: RepositorySnapshot) throws -> [Any] {
        let perEntry = try OrderedParallelMap.map(snapshot.passEntries, concurrently: snapshot.readsConcurrently, chunk: 64) {
            entry -> [Any?] in
            let wanting = visitors.indices.filter { visitors[$0].wants(entry) }
            guard !wanting.isEmpty else { return [] }
            let read = try snapshot.rawRead(of: entry)
            var values = [Any?](repeating: nil, count: visitors.count)
            var kept = false
            for index in wanting {
                values[index] = try visitors[index].visitAny(entry, read: read)
                kept = kept || values[index] != nil
            }
            // Most files give nothing to keep: an empty array costs no allocation.
            return kept ? values : []
        }
        return visitors.indices.map { index in
            var files: [(SnapshotEntry, Any)] = []
            for (entry, values) in zip(snapshot.passEntries, perEntry) where !values.isEmpty {
                if let value = values[index] { files.append((entry, value)) }
            }
            return visitors[index].collect(files)
        }
    }
}
