import Foundation
import GreenlightCore

/// Links to a file and line at an exact commit on a known forge (GitHub, GitLab), from the
/// `origin` remote's URL in any of its usual forms.
struct ForgeLink {
    let base: String
    let style: Style

    enum Style {
        case github
        case gitlab
    }

    /// `git@github.com:o/r.git`, `https://github.com/o/r`, `ssh://git@gitlab.com/g/sub/r.git` …
    init?(remote: String?) {
        guard var text = remote?.trimmingWhitespace, !text.isEmpty else { return nil }
        if text.hasSuffix(".git") { text.removeLast(4) }
        var host: Substring
        var path: Substring
        if let scheme = text.range(of: "://") {
            let rest = text[scheme.upperBound...]
            let authority = rest.prefix { $0 != "/" }
            host = authority.split(separator: "@").last ?? authority
            if let colon = host.firstIndex(of: ":") { host = host[..<colon] }
            path = rest.dropFirst(authority.count).drop { $0 == "/" }
        } else if let colon = text.firstIndex(of: ":"), let at = text.firstIndex(of: "@"), at < colon {
            host = text[text.index(after: at)..<colon]
            path = text[text.index(after: colon)...].drop { $0 == "/" }
        } else {
            return nil
        }
        guard path.split(separator: "/").count >= 2 else { return nil }
        switch host.lowercased() {
        case "github.com": style = .github
        case "gitlab.com": style = .gitlab
        default: return nil
        }
        base = "https://\(host.lowercased())/\(path)"
    }

    func link(commit: String, path: String, line: Int) -> String {
        let anchor = line > 0 ? "#L\(line)" : ""
        let encoded = path.split(separator: "/").map { $0.addingPercentEncodingForPath() }.joined(separator: "/")
        switch style {
        case .github: return "\(base)/blob/\(commit)/\(encoded)\(anchor)"
        case .gitlab: return "\(base)/-/blob/\(commit)/\(encoded)\(anchor)"
        }
    }
}

extension Substring {
    func addingPercentEncodingForPath() -> String {
        String(self).addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "?#"))) ?? String(self)
    }
}
