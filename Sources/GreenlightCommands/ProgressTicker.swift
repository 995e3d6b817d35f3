import Foundation
import GreenlightCore

/// On a terminal, one line on standard error while a run takes longer than a second — how long
/// so far and what is still being checked — rewritten in place each second and erased at the
/// end, so a long history scan is not minutes of silence. Never on a pipe or a file (CI logs
/// get no carriage returns), and never in the report.
final class ProgressTicker: @unchecked Sendable {
    private let console: Console
    private let progress: RunProgress
    private let started = Date()
    private let condition = NSCondition()
    private var stopped = false
    private var finished = true
    private var shown = false

    init(console: Console, progress: RunProgress) {
        self.console = console
        self.progress = progress
    }

    /// Starts ticking when standard error is a terminal (and `NO_PROGRESS` is unset).
    static func start(console: Console, progress: RunProgress) -> ProgressTicker? {
        guard console.errIsTerminal, (console.environment["NO_PROGRESS"] ?? "").isEmpty,
              console.environment["TERM"] != "dumb" else { return nil }
        let ticker = ProgressTicker(console: console, progress: progress)
        ticker.finished = false
        Thread { ticker.loop() }.start()
        return ticker
    }

    /// `greenlight: 12 s, checking secrets, ai`.
    static func line(seconds: Int, families: [String], readingFiles: Bool) -> String {
        var doing: [String] = []
        if readingFiles { doing.append("reading every file") }
        if !families.isEmpty { doing.append("checking " + families.joined(separator: ", ")) }
        return "greenlight: \(seconds) s" + (doing.isEmpty ? "" : ", " + doing.joined(separator: "; "))
    }

    /// One update: the line, written over the last one.
    func tick() {
        let seconds = Int(Date().timeIntervalSince(started))
        let text = Self.line(seconds: seconds, families: progress.families, readingFiles: progress.isReadingFiles)
        console.err("\r" + text + "\u{1B}[K")
        shown = true
    }

    /// Stops the thread and erases the line; the caller writes its report after this.
    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        while !finished { condition.wait() }
        condition.unlock()
        if shown { console.err("\r\u{1B}[K") }
    }

    private func loop() {
        condition.lock()
        defer {
            finished = true
            condition.broadcast()
            condition.unlock()
        }
        while !stopped {
            _ = condition.wait(until: Date().addingTimeInterval(1))
            if stopped { break }
            condition.unlock()
            tick()
            condition.lock()
        }
    }
}
