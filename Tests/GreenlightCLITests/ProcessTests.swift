import Foundation
import GreenlightTestSupport
import Testing

/// The few behaviours only a real process shows: every other CLI test runs in-process through
/// `GreenlightCLI.run`, so these prove the executable passes its code and streams through.
@Suite("CLI: the executable as a child process")
struct ProcessTests {
    @Test("each documented exit code leaves the real process: 0 passed, 1 gate failed, 2 usage, 3 runtime")
    func exitCodes() throws {
        let failing = try GitFixture(files: Docs.files())
        let passing = try GitFixture(files: Docs.files(Docs.allTrue))
        let now = "2026-11-21T09:00:00Z"

        let passed = try CLI.process("check", "--repo", passing.root, "--now", now, "--no-history")
        #expect(passed.status == 0, "\(passed)")

        let failed = try CLI.process("check", "--repo", failing.root, "--now", now, "--no-history")
        #expect(failed.status == 1, "\(failed)")
        #expect(!lines(of: failed.stdout, containing: Docs.falseClaimLocation).isEmpty, "\(failed)")

        expectToolError(try CLI.process("check", "--format", "xml"), exit: 2, ["'xml'", "(see greenlight --help)"])
        expectToolError(try CLI.process("check", "--now", "yesterday"), exit: 2, ["--now 'yesterday' is not an ISO 8601 time"])
        let nowhere = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: nowhere) }
        expectToolError(try CLI.process("check", "--no-history", in: nowhere), exit: 3, [])
    }

    @Test("help and version reach the real standard output, and match the in-process run byte for byte")
    func helpAndVersion() throws {
        for arguments in [["--version"], ["--help"], ["check", "--help"], ["loop"]] {
            let child = try CLI.child(try #require(CLI.executable), arguments, in: NSTemporaryDirectory(), environment: CLI.environment())
            let inside = CLI.inProcess(arguments, in: NSTemporaryDirectory(), environment: CLI.environment())
            #expect(child.status == 0, "\(child)")
            #expect(!child.stdout.isEmpty && child.stderr.isEmpty, "\(child)")
            #expect(child.stdout == inside.stdout, "\(arguments): \(child.stdout) ≠ \(inside.stdout)")
        }
    }
}
