import Foundation
import GreenlightCore
import GreenlightHTTP

/// `[DOMAIN_EXPIRATION]`: when the registration of a probe's domain expires, from RDAP
/// (RFC 9083, the successor of WHOIS that registries serve over HTTPS). The registrable domain
/// is found without a public-suffix list: the host's shortest name of two labels or more whose
/// RDAP record has an expiration event (`example.com` for `api.example.com`, `example.co.uk`
/// after `co.uk` has none). `rdap.org` (the default base) redirects each name to its registry.
/// At most four lookups per host, each under the probe's timeouts; no credentials are sent.
struct DomainRegistration {
    /// The RDAP base URL, ending in `/`.
    let base: String
    let client: HTTPClient
    let connectTimeout: Double
    let timeout: Double

    /// The names to ask for, shortest first; empty for an address or a one-label host.
    static func candidates(host: String) -> [String] {
        let host = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "."))
        if host.contains(":") || host.split(separator: ".").allSatisfy({ $0.allSatisfy(\.isNumber) }) { return [] }
        let labels = host.split(separator: ".").map(String.init)
        guard labels.count >= 2 else { return [] }
        return (2...min(labels.count, 5)).map { labels.suffix($0).joined(separator: ".") }
    }

    /// The expiry, or one line that says why there is none.
    func expiry(host: String) -> Result<Date, DomainLookupFailure> {
        let names = Self.candidates(host: host)
        guard !names.isEmpty else {
            return .failure(DomainLookupFailure(message: "no domain: the URL's host \(host) is an address or a single name"))
        }
        var notes: [String] = []
        for name in names.prefix(4) {
            let request = HTTPRequest(url: base + "domain/" + name, headers: [HTTPHeader("Accept", "application/rdap+json")],
                                      connectTimeout: connectTimeout, totalTimeout: timeout, maxBodyBytes: 1 << 20,
                                      redirects: .anyHost, maxRedirects: 5)
            switch client.perform(request) {
            case .failure(let failure):
                return .failure(DomainLookupFailure(message: "the RDAP lookup of \(name) at \(base) failed: \(failure.kind.rawValue): \(failure.message)"))
            case .success(let response) where response.status == 404:
                notes.append("\(name): not registered")
            case .success(let response) where response.status != 200:
                return .failure(DomainLookupFailure(message: "the RDAP lookup of \(name) at \(base) answered \(response.status)"))
            case .success(let response):
                if let date = Self.expiration(in: response.body) { return .success(date) }
                notes.append("\(name): no expiration event")
            }
        }
        return .failure(DomainLookupFailure(message: "no domain expiry in RDAP (\(notes.joined(separator: "; ")))"))
    }

    /// The `eventDate` of the `expiration` event of an RDAP domain object.
    static func expiration(in body: [UInt8]) -> Date? {
        guard case .success(.object(let object)) = JSONValue.parse(body), case .array(let events)? = object["events"] else { return nil }
        for case .object(let event) in events {
            guard case .string("expiration")? = event["eventAction"], case .string(let date)? = event["eventDate"] else { continue }
            return Timestamp.parse(date)
        }
        return nil
    }
}

public struct DomainLookupFailure: Error, Sendable, Equatable {
    public let message: String
}
