import Foundation

/// The calls the loops make, as `docs/loops-api.yaml` defines them: method, which token goes
/// with it, and whether it changes anything (dry runs never send those).
public enum Endpoint: String, Sendable, CaseIterable, Codable {
    case health
    case fewShotBuild = "few-shot-build"
    case inferAll = "infer-all"
    case users
    case inferUser = "infer-user"
    case moatHealth = "moat-health"
    case prompt
    case rollout

    public enum Credential: String, Sendable, Codable {
        case none
        case key
        case adminKey = "admin-key"
    }

    public var method: String {
        switch self {
        case .health, .users, .moatHealth, .prompt: return "GET"
        case .fewShotBuild, .inferAll, .inferUser, .rollout: return "POST"
        }
    }

    /// Admin calls carry `ADMIN_API_KEY`, the others `API_KEY`; health carries nothing.
    public var credential: Credential {
        switch self {
        case .health: return .none
        case .moatHealth, .prompt: return .key
        case .fewShotBuild, .inferAll, .users, .inferUser, .rollout: return .adminKey
        }
    }

    /// Whether the call changes the API's state.
    public var isWrite: Bool { method != "GET" }

    /// The configured path template, e.g. `/api/prompts/{name}`.
    public func template(in paths: LoopsAPISettings.Paths) -> String {
        switch self {
        case .health: return paths.health
        case .fewShotBuild: return paths.fewShotBuild
        case .inferAll: return paths.inferAll
        case .users: return paths.users
        case .inferUser: return paths.inferUser
        case .moatHealth: return paths.moatHealth
        case .prompt: return paths.prompt
        case .rollout: return paths.rollout
        }
    }

    /// The path with its placeholders filled, each value percent-encoded as one segment.
    public func path(in paths: LoopsAPISettings.Paths, _ parameters: [String: String] = [:]) -> String {
        var path = template(in: paths)
        for (name, value) in parameters.sorted(by: { $0.key < $1.key }) {
            path = path.replacingOccurrences(of: "{\(name)}", with: Self.encodeSegment(value))
        }
        return path
    }

    static func encodeSegment(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: unreserved) ?? value
    }

    /// RFC 3986's unreserved characters: everything else in a segment is percent-encoded.
    private static let unreserved = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
