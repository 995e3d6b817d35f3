/// A container image reference, `[registry[:port]/]path[:tag][@digest]`, checked against the
/// distribution grammar `docker pull` uses.
public struct ImageReference: Sendable, Equatable {
    public let registry: String?
    /// The repository path, e.g. `library/node` or `node`.
    public let repository: String
    public let tag: String?
    public let digest: String?

    /// Why a reference is malformed.
    public struct Malformed: Error, Sendable {
        public let reason: String
    }

    public static func parse(_ text: String) -> Result<ImageReference, Malformed> {
        guard !text.isEmpty else { return .failure(Malformed(reason: "it is empty")) }
        var rest = Substring(text)
        var digest: String?
        if let at = rest.firstIndex(of: "@") {
            let value = rest[rest.index(after: at)...]
            guard isDigest(value) else {
                return .failure(Malformed(reason: "'\(value)' is not a digest (algorithm:hex, e.g. sha256:…)"))
            }
            digest = String(value)
            rest = rest[..<at]
        }
        var tag: String?
        if let colon = rest.lastIndex(of: ":"), !rest[colon...].contains("/") {
            let value = rest[rest.index(after: colon)...]
            guard isTag(value) else {
                return .failure(Malformed(reason: "'\(value)' is not a valid tag (letters, digits, '_', '.', '-', at most 128)"))
            }
            tag = String(value)
            rest = rest[..<colon]
        }
        var components = rest.split(separator: "/", omittingEmptySubsequences: false)
        var registry: String?
        if components.count > 1, let first = components.first,
           first.contains(".") || first.contains(":") || first == "localhost" || first.contains(where: { $0.isUppercase }) {
            guard isDomain(first) else {
                return .failure(Malformed(reason: "'\(first)' is not a valid registry host"))
            }
            registry = String(first)
            components.removeFirst()
        }
        guard !components.isEmpty else { return .failure(Malformed(reason: "it names no repository")) }
        for component in components {
            if component.contains(where: { $0.isUppercase }) {
                return .failure(Malformed(reason: "repository names must be lowercase ('\(component)')"))
            }
            guard isPathComponent(component) else {
                let detail = component.isEmpty ? "an empty path component" : "'\(component)' is not a valid path component"
                return .failure(Malformed(reason: detail))
            }
        }
        let repository = components.joined(separator: "/")
        guard repository.count + (registry.map { $0.count + 1 } ?? 0) <= 255 else {
            return .failure(Malformed(reason: "the name is longer than 255 characters"))
        }
        return .success(ImageReference(registry: registry, repository: repository, tag: tag, digest: digest))
    }

    private static func isLowerAlnum(_ c: Character) -> Bool {
        c.isASCII && (c.isNumber || (c.isLetter && c.isLowercase))
    }

    /// `[a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*`
    static func isPathComponent(_ text: Substring) -> Bool {
        let chars = Array(text)
        guard let first = chars.first, let last = chars.last, isLowerAlnum(first), isLowerAlnum(last) else { return false }
        var index = 0
        while index < chars.count {
            if isLowerAlnum(chars[index]) { index += 1; continue }
            var end = index
            while end < chars.count, !isLowerAlnum(chars[end]) { end += 1 }
            let separator = String(chars[index..<end])
            guard separator == "." || separator == "_" || separator == "__" || separator.allSatisfy({ $0 == "-" }) else {
                return false
            }
            index = end
        }
        return true
    }

    /// `[\w][\w.-]{0,127}`
    static func isTag(_ text: Substring) -> Bool {
        guard let first = text.first, text.count <= 128 else { return false }
        func word(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber || c == "_") }
        return word(first) && text.allSatisfy { word($0) || $0 == "." || $0 == "-" }
    }

    static func isDigest(_ text: Substring) -> Bool {
        guard let colon = text.firstIndex(of: ":") else { return false }
        let algorithm = text[..<colon]
        let hex = text[text.index(after: colon)...]
        guard let first = algorithm.first, first.isASCII, first.isLetter,
              algorithm.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_+.".contains($0)) }) else { return false }
        return hex.count >= 32 && hex.allSatisfy { $0.isHexDigit }
    }

    static func isDomain(_ text: Substring) -> Bool {
        var host = text
        if let colon = text.lastIndex(of: ":") {
            let port = text[text.index(after: colon)...]
            guard !port.isEmpty, port.allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
            host = text[..<colon]
        }
        if host.hasPrefix("[") && host.hasSuffix("]") { return true }
        return !host.isEmpty && host.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { label in
            guard let first = label.first, let last = label.last else { return false }
            func alnum(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber) }
            return alnum(first) && alnum(last) && label.allSatisfy { alnum($0) || $0 == "-" }
        }
    }
}
