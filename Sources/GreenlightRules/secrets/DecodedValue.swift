import Foundation

/// What a matched value decodes to, for the checks a random-looking encoding would otherwise
/// pass: a JWT's header and payload (JSON), or base64 that decodes to printable text (a
/// Kubernetes Secret's `data:` holds `change-me` as `Y2hhbmdlLW1l`).
enum DecodedValue {
    /// The decoded text, and whether it is a JWT's JSON (whose entropy says nothing).
    static func of(_ value: String) -> (text: String, jwt: Bool)? {
        let parts = value.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count == 3, parts[0].hasPrefix("eyJ") {
            guard let header = base64(parts[0], url: true), let payload = base64(parts[1], url: true) else { return nil }
            return (header + payload, true)
        }
        guard value.count >= 8, let text = base64(Substring(value), url: false) ?? base64(Substring(value), url: true) else { return nil }
        return (text, false)
    }

    /// The `exp` claim of a JWT's decoded header and payload (`"exp":1609459200`), as a date.
    static func expiry(ofPayload text: String) -> Date? {
        guard let claim = text.range(of: "\"exp\":") else { return nil }
        let digits = text[claim.upperBound...].drop { $0 == " " }.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 12, let seconds = Double(digits) else { return nil }
        return Date(timeIntervalSince1970: seconds)
    }

    /// Printable ASCII text that `text` decodes to as base64 (or base64url), or nil.
    static func base64(_ text: Substring, url: Bool) -> String? {
        var standard = String(text)
        if url {
            guard !text.contains(where: { $0 == "+" || $0 == "/" }) else { return nil }
            standard = standard.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        }
        while standard.count % 4 != 0 { standard += "=" }
        guard let data = Data(base64Encoded: standard), data.count >= 4,
              data.allSatisfy({ (0x20...0x7E).contains($0) || $0 == 0x0A || $0 == 0x09 }) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
