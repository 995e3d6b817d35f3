import Foundation
import GreenlightCore

/// The last line of defence: any text about to leave Greenlight (a finding's message from any
/// rule, an error message) is scanned with the built-in packs, and every secret in it is
/// replaced by `[redacted ghp_… 40 chars]`. Rules already redact what they find; this catches
/// the secret a user passes where a path or revision was expected, or one quoted by a rule of
/// another family.
public final class SecretRedactor: Sendable {
    /// Over the built-in packs.
    public static let builtin = SecretRedactor(packs: (try? SecretPack.builtin()) ?? [])

    private let scanner: SecretScanner

    /// Decodes the built-in packs for `builtin` on a thread of its own, for a caller that will
    /// redact only after other work (a run's rules): the decoding overlaps that work instead of
    /// following it. Whichever thread asks first decodes them, once; the result is the same.
    public static func prepareInBackground() {
        Thread { _ = builtin }.start()
    }

    public init(packs: [SecretPack]) {
        var limits = SecretScanner.Limits()
        limits.maxFindingsPerFile = 10_000
        scanner = SecretScanner(packs: packs, limits: limits)
    }

    /// `text` with every secret the packs recognise replaced.
    public func redact(_ text: String) -> String {
        let bytes = Array(text.utf8)
        let matches = scanner.scan(bytes, path: "").matches
        guard !matches.isEmpty else { return text }
        var out: [UInt8] = []
        var cursor = 0
        for match in matches.sorted(by: { $0.offset < $1.offset }) where match.offset >= cursor {
            out += bytes[cursor..<match.offset]
            out += Array(RedactedSecret(match.secret).placeholder.utf8)
            cursor = match.offset + match.byteCount
        }
        out += bytes[cursor...]
        return String(decoding: out, as: UTF8.self)
    }

    /// The finding with its message, fix and suppression reason redacted.
    public func redact(_ finding: Finding) -> Finding {
        Self.redact(finding, with: redact)
    }

    /// The findings redacted, each distinct text scanned once: a run's findings repeat their
    /// fixes, and often their messages.
    public func redact(_ findings: [Finding]) -> [Finding] {
        var done: [String: String] = [:]
        func redactOnce(_ text: String) -> String {
            if let known = done[text] { return known }
            let redacted = redact(text)
            done[text] = redacted
            return redacted
        }
        return findings.map { Self.redact($0, with: redactOnce) }
    }

    private static func redact(_ finding: Finding, with redact: (String) -> String) -> Finding {
        var redacted = finding
        redacted.message = redact(finding.message)
        redacted.fix = finding.fix.map(redact)
        redacted.suppressionReason = finding.suppressionReason.map(redact)
        redacted.endpoint = finding.endpoint.map(redact)
        return redacted
    }
}

extension SecretRedactor {
    /// The report figures with every free-text field redacted: claim titles and what they miss
    /// (a secret pasted as a "path"), evidence links, probe and agent names.
    public func redact(_ facts: ReportFacts) -> ReportFacts {
        var facts = facts
        facts.claims = facts.claims?.map { document in
            var document = document
            document.path = redact(document.path)
            document.unverifiedClaims = document.unverifiedClaims.map {
                UnverifiedClaim(line: $0.line, title: redact($0.title), missing: redact($0.missing))
            }
            return document
        }
        facts.evidence = facts.evidence?.map { state in
            var state = state
            state.name = redact(state.name)
            state.url = state.url.map(redact)
            return state
        }
        facts.probes = facts.probes?.map { probe in
            var probe = probe
            probe.name = redact(probe.name)
            return probe
        }
        facts.agents = facts.agents?.map { agent in
            var agent = agent
            agent.agent = redact(agent.agent)
            agent.path = redact(agent.path)
            return agent
        }
        return facts
    }
}
