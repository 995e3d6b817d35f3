import Foundation
import GreenlightCore

/// What a loop checks before its first step: the variables present and non-empty, the base URL
/// usable, and `GET /health` answering 2xx. When a variable is missing, nothing is sent.
public struct PreflightReport: Codable, Sendable, Equatable {
    public var variables: [EnvironmentPreflight.Entry]
    /// One line each, naming variables, never showing values.
    public var problems: [String]
    /// The health call, when the variables allowed one.
    public var health: CallRecord?

    public var passed: Bool { problems.isEmpty }

    public init(variables: [EnvironmentPreflight.Entry], problems: [String], health: CallRecord?) {
        self.variables = variables
        self.problems = problems
        self.health = health
    }
}

public enum LoopPreflight {
    /// The report, and a client when the preflight passed. `alsoRequired` names more variables
    /// that must be set; `problems` found by the caller (e.g. in those variables' values) fail
    /// the preflight the same way — before any request.
    public static func run(
        _ settings: LoopsAPISettings, environment: [String: String], alsoRequired: [String] = [], problems known: [String] = [],
        sleep: @escaping @Sendable (Double) -> Void = { Thread.sleep(forTimeInterval: $0) }
    ) -> (PreflightReport, LoopsAPIClient?) {
        let names = [settings.urlVariable, settings.keyVariable, settings.adminKeyVariable] + alsoRequired
        // The names were validated when the config was loaded.
        let variables = (try? EnvironmentPreflight.check(names, in: environment).entries)
            ?? names.map { EnvironmentPreflight.Entry(name: $0, state: .missing, length: nil) }
        var problems = variables.filter { $0.state != .set }.map { variable in
            "\(variable.name) is \(variable.state == .missing ? "not set" : "empty")"
        }
        problems += known
        guard problems.isEmpty else { return (PreflightReport(variables: variables, problems: problems, health: nil), nil) }
        let base = (environment[settings.urlVariable] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if let problem = urlProblem(base) {
            problems.append("\(settings.urlVariable) \(problem)")
            return (PreflightReport(variables: variables, problems: problems, health: nil), nil)
        }
        let client = LoopsAPIClient(
            settings: settings,
            credentials: .init(baseURL: base, key: environment[settings.keyVariable] ?? "",
                               adminKey: environment[settings.adminKeyVariable] ?? ""),
            sleep: sleep)
        let health = client.call(.health).record
        if health.outcome != .ok {
            problems.append(health.outcomeLine)
        }
        return (PreflightReport(variables: variables, problems: problems, health: health), problems.isEmpty ? client : nil)
    }

    /// Why a base URL is unusable (without quoting it), or nil.
    static func urlProblem(_ text: String) -> String? {
        guard let parts = URLComponents(string: text), let scheme = parts.scheme?.lowercased(),
              scheme == "http" || scheme == "https", let host = parts.host, !host.isEmpty else {
            return "is not an http(s) URL (\(text.count) characters)"
        }
        if parts.user != nil || parts.password != nil { return "must not carry credentials (user:password@)" }
        if parts.query != nil || parts.fragment != nil { return "must not have a query or fragment" }
        return nil
    }
}
