import Foundation
import GreenlightLoops
import GreenlightTestSupport

/// A contract server and the settings and environment that point the loops at it, with
/// retries that do not wait.
struct LoopHarness {
    static let key = "key-READ-5d1e0b"
    static let admin = "admin-WRITE-c4f7a9"
    static let now = "2026-11-21T09:00:00Z"

    let server: ContractServer
    var section = LoopsSection()
    var environment: [String: String]

    init(layout: ContractServer.Layout = ContractServer.Layout()) throws {
        server = try ContractServer(apiKey: Self.key, adminKey: Self.admin, layout: layout, clock: Self.now)
        environment = ["API_URL": server.baseURL, "API_KEY": Self.key, "ADMIN_API_KEY": Self.admin]
        section.api.backoff = 0
    }

    func preflight() -> (PreflightReport, LoopsAPIClient?) {
        LoopPreflight.run(section.api, environment: environment, sleep: { _ in })
    }

    func flywheel(_ mode: LoopMode) -> FlywheelReport {
        let (report, client) = preflight()
        return FlywheelRun(settings: section, mode: mode, startedAt: Self.now).run(preflight: report, client: client)
    }

    func promote(_ mode: LoopMode, _ prompts: [String]) -> PromotionReport {
        let (report, client) = preflight()
        return PromotionRun(settings: section, mode: mode, startedAt: Self.now, now: Timestamp.date(Self.now))
            .run(prompts: prompts, promptsFrom: "--prompts", preflight: report, client: client)
    }

    /// `METHOD path body` for each write the server received.
    var writes: [String] {
        server.writes.map { "\($0.method) \($0.path) \($0.bodyText)" }
    }

    var requestLines: [String] { server.requests.map { "\($0.method) \($0.path)" } }
}

enum Timestamp {
    static func date(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }
}
