import Foundation
import GreenlightCore

/// Looks for an artifact in a log entry: a fenced block (of output), a URL, a commit id that
/// exists, or a path that exists in the snapshot (from the root or from the log's folder; the
/// log itself does not count).
enum ArtifactFinder {
    static let fences = ["```", "~~~"]
    static let urlPattern = try! NSRegularExpression(pattern: #"(?i)\b(?:https?|ftp)://[^\s<>()\[\]`'"]+"#)
    static let separators: Set<Character> = ["`", "(", ")", "[", "]", "<", ">", "\"", "'", ",", ";", "*"]

    /// A short description of the first artifact in `lines`, or nil.
    static func artifact(in lines: [AddedLine], log: String, snapshot: RepositorySnapshot) -> String? {
        for line in lines {
            let text = line.text
            if fences.contains(where: { text.trimmingWhitespace.hasPrefix($0) }) { return "a fenced block" }
            let range = NSRange(text.startIndex..., in: text)
            if let match = urlPattern.firstMatch(in: text, range: range), let found = Range(match.range, in: text) {
                return "link \(text[found])"
            }
            for token in tokens(text) {
                if isCommitLike(token), snapshot.history?.commitExists(token) == true { return "commit \(token)" }
                if let path = PathShape.relativePath(token), exists(path, citedFrom: log, in: snapshot) { return "path \(path)" }
            }
        }
        return nil
    }

    static func tokens(_ text: String) -> [String] {
        text.split(whereSeparator: { $0.isWhitespace || separators.contains($0) }).map { token in
            var token = Substring(token)
            while let last = token.last, ".:!?".contains(last) { token = token.dropLast() }
            return String(token)
        }.filter { !$0.isEmpty }
    }

    static func isCommitLike(_ token: String) -> Bool {
        (7...40).contains(token.count) && token.allSatisfy(\.isHexDigit) && token.contains(where: \.isNumber)
    }

    private static func exists(_ path: String, citedFrom log: String, in snapshot: RepositorySnapshot) -> Bool {
        let folder = log.split(separator: "/").dropLast().joined(separator: "/")
        let trimmed = path.hasSuffix("/") ? String(path.dropLast()) : path
        let joined = folder.isEmpty ? nil : folder + "/" + trimmed
        for candidate in [trimmed, joined].compactMap({ $0.flatMap(normalise) }) where candidate != log {
            if snapshot.fileExists(candidate) || snapshot.directoryExists(candidate) { return true }
        }
        return false
    }

    /// Resolves `.` and `..` segments; nil when `..` climbs above the root.
    private static func normalise(_ path: String) -> String? {
        var parts: [Substring] = []
        for part in path.split(separator: "/") where part != "." {
            if part == ".." {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        return parts.isEmpty ? nil : parts.joined(separator: "/")
    }
}
