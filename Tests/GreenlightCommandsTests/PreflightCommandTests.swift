import Foundation
import GreenlightCommands
import GreenlightCore
import GreenlightTestSupport
import Testing

@Suite struct PreflightCommandTests {
    static let value = "s3cr3t-value-of-32-characters!!!"

    func run(_ command: PreflightCommand, in directory: String, environment: [String: String]) -> (Int32, Captured) {
        let captured = Captured()
        let code = command.run(captured.console(in: directory, environment: environment))
        return (code, captured)
    }

    @Test func presentMissingAndEmptyWithLengthsOnly() throws {
        var command = PreflightCommand()
        command.require = ["API_URL", "API_KEY", "ADMIN_API_KEY", "API_URL"]
        let directory = NSTemporaryDirectory()
        let (code, captured) = run(command, in: directory, environment: ["API_URL": Self.value, "API_KEY": "  \n"])
        #expect(code == 1)
        #expect(captured.out == """
            API_URL        set (32 characters)
            API_KEY        empty
            ADMIN_API_KEY  missing

            """)
        #expect(captured.err == "greenlight: preflight failed: 2 of 3 required variables missing or empty: API_KEY, ADMIN_API_KEY\n")
        #expect(!captured.out.contains(Self.value) && !captured.err.contains(Self.value))
    }

    @Test func allPresentPasses() {
        var command = PreflightCommand()
        command.require = ["A"]
        let (code, captured) = run(command, in: NSTemporaryDirectory(), environment: ["A": "x"])
        #expect(code == 0)
        #expect(captured.out == "A  set (1 character)\n")
        #expect(captured.err.isEmpty)
    }

    @Test func configuredNamesAreAddedFromTheRepository() throws {
        let fixture = try GitFixture(files: [".greenlight.yml": "secrets:\n  required: [API_URL, API_KEY]\n", "a.txt": "a\n"])
        var command = PreflightCommand()
        command.require = ["EXTRA"]
        let (code, captured) = run(command, in: fixture.root, environment: ["API_URL": "u", "API_KEY": "k", "EXTRA": "e"])
        #expect(code == 0, "\(captured.err)")
        #expect(captured.out.split(separator: "\n").map { $0.split(separator: " ").first.map(String.init) ?? "" } == ["EXTRA", "API_URL", "API_KEY"])
    }

    @Test func nothingToCheckIsAUsageError() {
        let (code, captured) = run(PreflightCommand(), in: NSTemporaryDirectory(), environment: [:])
        #expect(code == 2)
        #expect(captured.err.hasPrefix("greenlight: nothing to check"))
    }

    @Test func anInvalidNameIsRedactedInTheError() {
        var command = PreflightCommand()
        command.require = ["API_URL", Self.value]
        let (code, captured) = run(command, in: NSTemporaryDirectory(), environment: [:])
        #expect(code == 2)
        #expect(captured.err.contains("required name #2"))
        #expect(captured.err.contains("32 chars"))
        #expect(!captured.err.contains(Self.value))
        #expect(captured.out.isEmpty)
    }

    @Test func aTokenGivenAsANameIsRefused() {
        var command = PreflightCommand()
        let token = "ghp_" + String(repeating: "aB3dE6", count: 6)
        command.require = ["API_URL", token]
        let (code, captured) = run(command, in: NSTemporaryDirectory(), environment: [:])
        #expect(code == 2)
        #expect(captured.err.contains("required name #2 `ghp_…` (40 chars"), "\(captured.err)")
        #expect(captured.err.contains("looks like a secret value"))
        #expect(!captured.err.contains(token) && captured.out.isEmpty)
    }

    @Test func aBadConfigIsAUsageErrorWithItsPosition() throws {
        let fixture = try GitFixture(files: [".greenlight.yml": "secrets:\n  required: [API_URL, 9LIVES]\n", "a.txt": "a\n"])
        let (code, captured) = run(PreflightCommand(), in: fixture.root, environment: [:])
        #expect(code == 2)
        #expect(captured.err.contains(".greenlight.yml:2:23"), "\(captured.err)")
        #expect(captured.err.contains("'9LIVES' is not an environment variable name"))
    }

    @Test func libraryCallReportsWithoutPrinting() throws {
        let report = try EnvironmentPreflight.check(["A", "B"], in: ["A": "1234"])
        #expect(!report.passed)
        #expect(report.failing == ["B"])
        #expect(report.entries.first?.length == 4)
    }
}
