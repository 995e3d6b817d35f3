import Foundation

/// What a run is doing, for a person watching a terminal: which families are still being
/// checked. The engine reports into it; a ticker on another thread reads it. It never changes
/// a result.
public final class RunProgress: @unchecked Sendable {
    private let lock = NSLock()
    private var running: [String] = []
    private var reading = false

    public init() {}

    /// The families being checked now, in the order they started.
    public var families: [String] { lock.withLock { running } }

    /// Whether the run is in its one pass over every file.
    public var isReadingFiles: Bool { lock.withLock { reading } }

    func started(_ family: String) { lock.withLock { running.append(family) } }

    func finished(_ family: String) {
        lock.withLock {
            if let index = running.firstIndex(of: family) { running.remove(at: index) }
        }
    }

    func readingFiles(_ value: Bool) { lock.withLock { reading = value } }
}
