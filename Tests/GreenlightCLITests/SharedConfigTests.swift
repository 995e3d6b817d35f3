import Foundation
import GreenlightTestSupport
import Testing

@Suite("CLI: every command reads the same .greenlight.yml")
struct SharedConfigTests {
    @Test("keys of the commands' own sections (report:) are accepted by preflight, monitor and check alike")
    func commandsShareTheConfig() throws {
        let fixture = try GitFixture(files: Docs.files(Docs.allTrue, extra: [
            ".greenlight.yml": """
                report:
                  template: ops/report.mustache
                secrets:
                  required: [API_URL]
                proof_of_work:
                  logs: ["feedback/*.md"]

                """,
            "feedback/rag.md": "- shipped `src/health.ts`\n",
        ]))
        let environment = CLI.environment(extra: ["API_URL": "https://api.example.com"])
        let preflight = try CLI.greenlight("preflight", "--config", ".greenlight.yml", in: fixture.root, environment: environment)
        #expect(preflight.status == 0, "\(preflight)")
        let monitor = try CLI.greenlight("monitor", "--once", "--repo", fixture.root, "--now", "2026-11-01T12:05:00Z")
        #expect(monitor.status == 0, "\(monitor)")
        let check = try CLI.greenlight("check", "--repo", fixture.root, "--now", "2026-11-01T12:05:00Z", "--no-history")
        #expect(check.status == 0, "\(check)")
    }
}
