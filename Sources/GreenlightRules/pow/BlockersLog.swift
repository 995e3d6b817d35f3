import Foundation
import GreenlightCore

/// The monitor's blockers log: Markdown, one line per entry, appended only.
///
///     - 2026-11-21T09:00:00Z BLOCKER `tooling`: no proof of work for 25m (last commit …); expected …
///     - 2026-11-21T09:10:00Z RESOLVED `tooling`: proof of work again (last commit …)
///
/// Which agents have an open blocker is read back from the log itself (an agent's last entry is
/// a BLOCKER), so the monitor keeps no other state and survives restarts.
public enum BlockersLog {
    public static let header = "# Blockers\n\nAppended by `greenlight monitor`: one BLOCKER line when an agent goes silent, one RESOLVED line when it is back.\n\n"

    public enum Kind: String, Sendable {
        case blocker = "BLOCKER"
        case resolved = "RESOLVED"
    }

    /// Agents whose last entry is a BLOCKER.
    public static func openBlockers(in text: String) -> Set<String> {
        var open: Set<String> = []
        for line in text.split(whereSeparator: \.isNewline) {
            guard let (kind, agent) = parse(line) else { continue }
            switch kind {
            case .blocker: open.insert(agent)
            case .resolved: open.remove(agent)
            }
        }
        return open
    }

    /// `- TIME KIND `agent`: …` → (kind, agent).
    static func parse(_ line: Substring) -> (Kind, String)? {
        let words = line.split(separator: " ", maxSplits: 3, omittingEmptySubsequences: false)
        guard words.count == 4, words[0] == "-", let kind = Kind(rawValue: String(words[2])),
              words[3].hasPrefix("`"), let close = words[3].dropFirst().firstIndex(of: "`") else { return nil }
        let agent = words[3][words[3].index(after: words[3].startIndex)..<close]
        guard words[3][words[3].index(after: close)...].hasPrefix(":") else { return nil }
        return (kind, String(agent))
    }

    /// One entry line, newline-terminated; names and text are kept on one line.
    public static func entry(_ kind: Kind, at time: Date, agent: String, text: String) -> String {
        let name = oneLine(agent).replacingOccurrences(of: "`", with: "'")
        return "- \(Timestamp.format(time)) \(kind.rawValue) `\(name)`: \(oneLine(text))\n"
    }

    private static func oneLine(_ text: String) -> String {
        text.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
    }
}
