import Foundation

/// Where a URL points: scheme, lowercased host and effective port.
struct Origin: Equatable {
    let scheme: String
    let host: String
    let port: Int

    init?(_ url: String) {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
              let host = components.host, !host.isEmpty else { return nil }
        self.scheme = scheme
        self.host = host.lowercased()
        self.port = components.port ?? (scheme == "https" ? 443 : 80)
    }

    /// The same host and port, or the same host moving from http on 80 to https on 443.
    func isSameHost(as other: Origin) -> Bool {
        guard host == other.host else { return false }
        if port == other.port && (scheme == other.scheme || (scheme == "http" && other.scheme == "https")) { return true }
        return scheme == "http" && port == 80 && other.scheme == "https" && other.port == 443
    }
}

/// The decision after a 3xx: follow with the next hop's request, or stop at this response.
enum RedirectStep {
    case follow(HTTPRequest)
    case stop(StoppedRedirect?)

    /// `current` got `status` with `location`; `original` is the exchange as configured and
    /// `followed` counts the redirects already taken.
    static func decide(
        status: Int, location: String?, current: HTTPRequest, original: HTTPRequest, followed: Int
    ) -> RedirectStep {
        guard [301, 302, 303, 307, 308].contains(status), let location else { return .stop(nil) }
        if original.redirects == .none { return .stop(StoppedRedirect(location: location, reason: .policy)) }
        guard let target = Origin(location), ["http", "https"].contains(target.scheme) else {
            return .stop(StoppedRedirect(location: location, reason: .scheme))
        }
        guard followed < original.maxRedirects else {
            return .stop(StoppedRedirect(location: location, reason: .tooMany))
        }
        guard let home = Origin(original.url) else { return .stop(nil) }
        let sameHost = home.isSameHost(as: target)
        if !sameHost && original.redirects == .sameHost {
            return .stop(StoppedRedirect(location: location, reason: .otherHost))
        }

        var next = current
        next.url = location
        let keepsBody = status == 307 || status == 308
        if !keepsBody {
            // 303 always, and 301/302 after a POST, turn into a GET without body, as browsers do.
            if status == 303 || current.method.uppercased() == "POST" {
                if current.method.uppercased() != "HEAD" { next.method = "GET" }
                next.body = nil
                next.headers.removeAll { ["content-type", "content-length"].contains($0.name.lowercased()) }
            }
        }
        if !sameHost {
            if next.body != nil && original.bodyCarriesCredentials {
                return .stop(StoppedRedirect(location: location, reason: .credentialsInBody))
            }
            next.headers.removeAll { original.isCredential($0.name) }
        }
        return .follow(next)
    }
}
