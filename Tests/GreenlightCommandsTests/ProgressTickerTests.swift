import Foundation
@testable import GreenlightCommands
@testable import GreenlightCore
import Testing

/// The progress line of a long run on a terminal: what it says, that it is erased, and that it
/// never reaches a pipe.
struct ProgressTickerTests {
    @Test func theLineSaysHowLongAndWhatIsStillRunning() {
        #expect(ProgressTicker.line(seconds: 12, families: ["secrets", "ai"], readingFiles: false)
            == "greenlight: 12 s, checking secrets, ai")
        #expect(ProgressTicker.line(seconds: 3, families: [], readingFiles: true) == "greenlight: 3 s, reading every file")
        #expect(ProgressTicker.line(seconds: 1, families: [], readingFiles: false) == "greenlight: 1 s")
    }

    @Test func aTickIsWrittenInPlaceAndErasedAtTheEnd() {
        let captured = Captured()
        let console = captured.console(in: NSTemporaryDirectory(), errIsTerminal: true)
        let progress = RunProgress()
        progress.started("claims")
        progress.started("secrets")
        progress.finished("claims")
        let ticker = ProgressTicker(console: console, progress: progress)
        ticker.tick()
        ticker.stop()
        #expect(captured.err == "\rgreenlight: 0 s, checking secrets\u{1B}[K\r\u{1B}[K")
        #expect(captured.out.isEmpty)
    }

    @Test func neverOnAPipeOrWithNoProgress() {
        let progress = RunProgress()
        #expect(ProgressTicker.start(console: Captured().console(in: "/"), progress: progress) == nil)
        let quiet = Captured().console(in: "/", errIsTerminal: true, environment: ["NO_PROGRESS": "1"])
        #expect(ProgressTicker.start(console: quiet, progress: progress) == nil)
        // On a terminal it runs, and stopping it before its first second writes nothing.
        let captured = Captured()
        let ticker = ProgressTicker.start(console: captured.console(in: "/", errIsTerminal: true), progress: progress)
        #expect(ticker != nil)
        ticker?.stop()
        #expect(captured.err.isEmpty || captured.err.hasSuffix("\r\u{1B}[K"))
    }
}
