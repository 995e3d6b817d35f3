import Foundation

/// Work spread over every core whose results come back in input order, so that a parallel run
/// gives the sequential run's output: families over one snapshot, files within a family.
public enum OrderedParallelMap {
    /// `body` applied to each of `items`, in parallel when `concurrently` (in chunks of
    /// `chunk` consecutive items), the results in the order of `items`. The first error in
    /// input order is thrown, as the sequential loop would have.
    public static func map<Item, Value>(
        _ items: [Item], concurrently: Bool, chunk: Int = 1, _ body: (Item) throws -> Value
    ) throws -> [Value] {
        guard concurrently, items.count > 1 else { return try items.map(body) }
        let size = max(1, chunk)
        let chunks = (items.count + size - 1) / size
        let slots = Slots<Value>(count: items.count)
        withoutActuallyEscaping(body) { body in
            let work = Work { index in
                let range = (index * size)..<min(items.count, (index + 1) * size)
                for position in range {
                    slots.set(position, Result { try body(items[position]) })
                    if case .failure = slots.get(position) { break }
                }
            }
            // Threads of its own rather than `concurrentPerform`, whose nested calls run on one
            // thread: files within a family spread over the cores the other families leave.
            let workers = min(chunks, ProcessInfo.processInfo.activeProcessorCount)
            let done = DispatchGroup()
            for _ in 1..<max(1, workers) {
                done.enter()
                // Unowned: the thread's block may outlive the map by a moment, and must not keep
                // `body` alive past `withoutActuallyEscaping`.
                let thread = Thread { [unowned work] in
                    work.drain(chunks)
                    done.leave()
                }
                thread.stackSize = 8 << 20
                thread.start()
            }
            work.drain(chunks)
            done.wait()
        }
        var values: [Value] = []
        values.reserveCapacity(items.count)
        for index in items.indices {
            // A chunk stops at its first error, so every slot before an error is filled.
            guard let result = slots.get(index) else { continue }
            values.append(try result.get())
        }
        return values
    }

    /// The closure every thread runs over the chunks it takes: it reads only values that do not
    /// change during the map.
    private final class Work: @unchecked Sendable {
        let run: (Int) -> Void
        private var next = 0
        private let lock = NSLock()

        init(_ run: @escaping (Int) -> Void) { self.run = run }

        /// Takes chunks until none is left.
        func drain(_ chunks: Int) {
            while true {
                let index: Int = lock.withLock {
                    defer { next += 1 }
                    return next
                }
                guard index < chunks else { return }
                run(index)
            }
        }
    }

    /// One slot per item, each written once by the thread that computed it.
    private final class Slots<Value>: @unchecked Sendable {
        private var slots: [Result<Value, Error>?]
        private let lock = NSLock()

        init(count: Int) { slots = Array(repeating: nil, count: count) }

        func set(_ index: Int, _ result: Result<Value, Error>) { lock.withLock { slots[index] = result } }
        func get(_ index: Int) -> Result<Value, Error>? { lock.withLock { slots[index] } }
    }
}
