import Foundation
import GreenlightCore

/// One secret found in a file. The value stays in memory only, to be redacted and hashed.
public struct SecretMatch: Sendable {
    public let pattern: SecretPattern
    public let secret: String
    /// Byte offset and length of the secret in the file.
    public let offset: Int
    public let byteCount: Int
    /// 1-based line and column (Unicode scalars) of the secret's first character.
    public var line = 0
    public var column = 0
}

/// What scanning one file gave.
public struct SecretScanResult: Sendable {
    public var matches: [SecretMatch] = []
    /// More secrets were found than the per-file cap; only the first ones are in `matches`.
    public var capped = false
    /// Patterns whose search ran over its budget in this file, with where the search window
    /// began.
    public var exhausted: [(pattern: SecretPattern, line: Int, column: Int)] = []
    /// Why the file was not scanned at all, when it was not.
    public var unscanned: SecretUnscanned?

    /// Whether there is anything to report of this file.
    public var isEmpty: Bool { matches.isEmpty && !capped && exhausted.isEmpty && unscanned == nil }
}

/// Why the secrets scan did not read a file.
public enum SecretUnscanned: Sendable, Equatable {
    /// Binary: not text, not UTF-16, not a text with a few stray NULs.
    case binary
    /// Larger than `max_file_size`, with its size in bytes.
    case tooLarge(Int)
    /// A Git LFS pointer: the content lives outside git.
    case lfsPointer
}

/// Finds secrets in a file's bytes. One pass of the keyword automaton over the whole file
/// decides which patterns run and where: each keyword hit opens a window (the hit's line, or
/// more lines for patterns that ask, at most a few KiB around the hit), and only those windows
/// are decoded and searched. A file without any keyword is read once and never decoded.
public final class SecretScanner: Sendable {
    public struct Limits: Sendable {
        /// Secrets reported per file before the rest are summarised.
        public var maxFindingsPerFile = 100
        /// Work one regex search may do beyond a linear scan of its window before it is
        /// abandoned (and reported), in units of 10,000 matching steps (`BoundedRegex`).
        public var searchBudget = 2_000
        /// The same for an allowlist regex over one candidate secret.
        public static let allowlistBudget = 500
        public init() {}
    }

    /// Specific patterns first, generic ones last.
    public let patterns: [SecretPattern]
    public let limits: Limits
    private let global: SecretAllowlist
    private let allowlists: [SecretAllowlist]
    /// Distinct path allowlists, and which one each pattern has.
    private let pathLists: [[Glob]]
    private let pathListOf: [Int]
    private let matcher: KeywordMatcher
    private let patternsByKeyword: [[Int]]
    /// Patterns that also run around random-looking tokens (`random_runs`).
    private let randomRunPatterns: [Int]

    /// Bytes of context around a keyword hit on its line.
    static let before = 512
    static let after = 1024
    /// Largest window (merged windows are split beyond this).
    static let maxWindow = 32 * 1024

    /// The run's clock (`--now`): a JWT whose `exp` is before it can no longer authenticate and
    /// is not reported. Nil (the redactor) judges no token expired.
    private let now: Date?

    public init(packs: [SecretPack], allow: SecretAllowlist = SecretAllowlist(), limits: Limits = Limits(), now: Date? = nil) {
        self.now = now
        var ordered: [(SecretPattern, SecretAllowlist)] = []
        for generic in [false, true] {
            for pack in packs {
                for pattern in pack.patterns where pattern.generic == generic {
                    ordered.append((pattern, pack.allow + pattern.allow))
                }
            }
        }
        patterns = ordered.map(\.0)
        allowlists = ordered.map(\.1)
        var lists: [[Glob]] = []
        var listOf: [Int] = []
        for allowlist in allowlists {
            if let known = lists.firstIndex(of: allowlist.paths) {
                listOf.append(known)
            } else {
                lists.append(allowlist.paths)
                listOf.append(lists.count - 1)
            }
        }
        pathLists = lists
        pathListOf = listOf
        global = allow
        self.limits = limits
        var keywords: [String] = []
        var index: [String: Int] = [:]
        var byKeyword: [[Int]] = []
        for (number, pattern) in patterns.enumerated() {
            for keyword in pattern.keywords {
                if let known = index[keyword] {
                    if byKeyword[known].last != number { byKeyword[known].append(number) }
                } else {
                    index[keyword] = keywords.count
                    keywords.append(keyword)
                    byKeyword.append([number])
                }
            }
        }
        matcher = KeywordMatcher(keywords)
        patternsByKeyword = byKeyword
        let kept = ordered.map(\.0)
        randomRunPatterns = kept.indices.filter { kept[$0].randomRuns != nil }
    }

    /// The value is no secret by what it is: under the pattern's entropy floor, allowed by a
    /// regex or a stopword (also in its decoded form: a JWT's payload, base64'd text), an expired
    /// token, or — for a generic pattern — a count typed by hand.
    private func allowsValue(_ secret: String, pattern: SecretPattern, number: Int) -> Bool {
        if let floor = SecretScanner.entropyFloor(pattern, secret), SecretScanner.entropy(of: secret) < floor { return true }
        if global.allowsSecret(secret) || allowlists[number].allowsSecret(secret) { return true }
        if pattern.generic && CountingSequence.holds(secret) { return true }
        guard let decoded = DecodedValue.of(secret) else { return false }
        if global.allowsStopword(in: decoded.text) || allowlists[number].allowsStopword(in: decoded.text) { return true }
        if decoded.jwt, let now, let expiry = DecodedValue.expiry(ofPayload: decoded.text), expiry < now { return true }
        if !decoded.jwt, let floor = SecretScanner.entropyFloor(pattern, decoded.text),
           SecretScanner.entropy(of: decoded.text) < floor { return true }
        return false
    }

    /// Whether the path is allowlisted for every pattern (config or all packs).
    public func allowsPath(_ path: String) -> Bool {
        global.allowsPath(path) || (!allowlists.isEmpty && allowlists.allSatisfy { $0.allowsPath(path) })
    }

    public func scan(_ bytes: [UInt8], path: String) -> SecretScanResult {
        var result = SecretScanResult()
        guard !bytes.isEmpty, !global.allowsPath(path) else { return result }
        let windows = self.windows(in: bytes)
        var accepted: [SecretMatch] = []
        var exhausted: [(Int, Int)] = []
        var recognised: [Range<Int>] = []
        var verdicts = [Int8](repeating: -1, count: pathLists.count)
        search: for (number, pattern) in patterns.enumerated() where !windows[number].isEmpty {
            for window in windows[number] {
                let text = SecretScanner.latin1(bytes[window])
                let (found, overBudget) = pattern.regex.matches(in: text, budget: limits.searchBudget)
                for match in found {
                    let range = match.ranges[pattern.group]
                    guard range.location != NSNotFound, range.length > 0 else { continue }
                    let offset = window.lowerBound + range.location
                    guard !accepted.contains(where: { $0.offset < offset + range.length && offset < $0.offset + $0.byteCount }) else { continue }
                    // A value a specific pattern recognised and judged no secret (Supabase's anon
                    // key, an expired token) is no generic secret either.
                    if pattern.generic && recognised.contains(where: { $0.lowerBound < offset + range.length && offset < $0.upperBound }) {
                        continue
                    }
                    let secret = String(decoding: bytes[offset..<(offset + range.length)], as: UTF8.self)
                    if allowsValue(secret, pattern: pattern, number: number) {
                        if !pattern.generic { recognised.append(offset..<(offset + range.length)) }
                        continue
                    }
                    if SecretScanner.lineAllows(bytes, at: offset) { continue }
                    if SecretScanner.isTruncated(bytes, after: offset + range.length) { continue }
                    if pattern.generic && SecretScanner.lineAddressesLoopback(bytes, at: offset) { continue }
                    if pattern.generic, let name = SecretScanner.assignedName(bytes, match: match.ranges[0], window: window, value: range) {
                        // A credential word ending a path or URL names a file (`…/cl100k_base.tiktoken`).
                        if name.bytes.startIndex > 0 && bytes[name.bytes.startIndex - 1] == UInt8(ascii: "/") { continue }
                        // The name says the value is a stand-in or public (`REDACTED_VALUE`,
                        // `publishableKey`), or the value names itself
                        // (`unstructuredApiKey: unstructuredApiKey`): a key name, passed on.
                        if global.allowsName(name.text) || allowlists[number].allowsName(name.text) { continue }
                        if SecretScanner.repeats(name.bytes, value: bytes[(window.lowerBound + range.location)..<(window.lowerBound + range.location + range.length)]) { continue }
                    }
                    // Path globs are not free: decided once per file and allowlist, and only
                    // for a pattern that found something.
                    let list = pathListOf[number]
                    if verdicts[list] < 0 { verdicts[list] = pathLists[list].contains { $0.matches(path) } ? 1 : 0 }
                    if verdicts[list] == 1 { continue }
                    if accepted.count == limits.maxFindingsPerFile {
                        result.capped = true
                        break search
                    }
                    accepted.append(SecretMatch(pattern: pattern, secret: secret, offset: offset, byteCount: range.length))
                }
                if overBudget {
                    exhausted.append((number, window.lowerBound))
                    break
                }
            }
        }
        var positions = PositionCursor(bytes: bytes)
        accepted.sort { $0.offset < $1.offset }
        for index in accepted.indices {
            (accepted[index].line, accepted[index].column) = positions.position(of: accepted[index].offset)
        }
        result.matches = accepted
        var cursor = PositionCursor(bytes: bytes)
        for (number, offset) in exhausted.sorted(by: { ($0.1, $0.0) < ($1.1, $1.0) }) {
            let (line, column) = cursor.position(of: offset)
            result.exhausted.append((patterns[number], line, column))
        }
        return result
    }

    /// Per pattern, the byte ranges its regex must search, in order.
    private func windows(in bytes: [UInt8]) -> [[Range<Int>]] {
        var windows = [[Range<Int>]](repeating: [], count: patterns.count)
        bytes.withUnsafeBytes { raw in
            func open(_ number: Int, at end: Int, run: Int? = nil) {
                if let last = windows[number].last, end + 300 <= last.upperBound { return }
                let pattern = patterns[number]
                let window = run.map { SecretScanner.window(aroundRun: (end - $0)..<end, in: raw) }
                    ?? SecretScanner.window(around: end, in: raw, linesBefore: pattern.linesBefore, linesAfter: pattern.linesAfter)
                if let last = windows[number].last, window.lowerBound <= last.upperBound + 1,
                   window.upperBound - last.lowerBound <= SecretScanner.maxWindow {
                    windows[number][windows[number].count - 1] = last.lowerBound..<max(last.upperBound, window.upperBound)
                } else {
                    windows[number].append(window)
                }
            }
            matcher.scan(raw) { keyword, end in
                for number in patternsByKeyword[keyword] { open(number, at: end) }
            }
            guard let shortest = randomRunPatterns.map({ patterns[$0].randomRuns ?? .max }).min() else { return }
            // Keyword windows came in file order; runs come in file order too, so each
            // pattern's windows are merged in a second, ordered pass.
            var runs: [(end: Int, length: Int)] = []
            SecretScanner.randomRuns(in: raw, atLeast: shortest) { runs.append(($0, $1)) }
            guard !runs.isEmpty else { return }
            for number in randomRunPatterns {
                let keywordWindows = windows[number]
                windows[number] = []
                var merged = keywordWindows.makeIterator()
                var pending = merged.next()
                for run in runs where run.length >= patterns[number].randomRuns ?? .max {
                    while let window = pending, window.upperBound < run.end {
                        windows[number].append(window)
                        pending = merged.next()
                    }
                    open(number, at: run.end, run: run.length)
                }
                while let window = pending {
                    windows[number].append(window)
                    pending = merged.next()
                }
            }
        }
        return windows
    }


    /// The allowlist comments of other scanners, on the secret's line: `gitleaks:allow`,
    /// `pragma: allowlist secret` (detect-secrets), `#nosec` (gosec, bandit: a reviewed
    /// hard-coded credential) — and an author's own word for a stand-in in a comment
    /// (`# dummy key for CI only`, `// fake token`, `not a secret`).
    static let lineMarkers = ["gitleaks:allow", "pragma: allowlist secret", "#nosec", "# nosec", "# dummy", "// dummy",
                              "# fake", "// fake", "not a secret", "not a real"].map { Array($0.utf8) }

    /// What a generic match assigns its value to: from the start of the identifier holding the
    /// match's first byte (at most 64 bytes back) to the value.
    static func assignedName(_ bytes: [UInt8], match: NSRange, window: Range<Int>, value: NSRange) -> (bytes: ArraySlice<UInt8>, text: String)? {
        guard match.location != NSNotFound else { return nil }
        var start = window.lowerBound + match.location
        let floor = max(0, start - 64)
        func isNameByte(_ byte: UInt8) -> Bool {
            (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x5F || byte == 0x2E || byte == 0x2D
        }
        while start > floor && isNameByte(bytes[start - 1]) { start -= 1 }
        let name = bytes[start..<(window.lowerBound + value.location)]
        return (name, String(decoding: name, as: UTF8.self))
    }

    /// Whether a value of 8 bytes or more also stands in its name (case-insensitive).
    static func repeats(_ name: ArraySlice<UInt8>, value: ArraySlice<UInt8>) -> Bool {
        guard value.count >= 8 else { return false }
        let lower = { (byte: UInt8) in byte | (byte >= 0x41 && byte <= 0x5A ? 0x20 : 0) }
        let needle = value.map(lower)
        let hay = name.map(lower)
        return hay.withUnsafeBytes { ByteSearch.contains($0, needle) }
    }

    /// An ellipsis (`...`, `…`) right after the value: a documentation example cut short, which
    /// no service accepts.
    static func isTruncated(_ bytes: [UInt8], after end: Int) -> Bool {
        if end + 3 <= bytes.count, bytes[end] == 0x2E, bytes[end + 1] == 0x2E, bytes[end + 2] == 0x2E { return true }
        return end + 3 <= bytes.count && bytes[end] == 0xE2 && bytes[end + 1] == 0x80 && bytes[end + 2] == 0xA6
    }

    /// Whether the line holding `offset` carries one of `lineMarkers`.
    static func lineAllows(_ bytes: [UInt8], at offset: Int) -> Bool {
        line(of: offset, in: bytes).withUnsafeBytes { line in lineMarkers.contains { ByteSearch.contains(line, $0) } }
    }

    /// Addresses of the developer's own machine.
    static let loopbackURLs: [[UInt8]] = EnvFiles.localHosts.map { Array(("://" + $0).utf8) }

    /// Whether the line holding `offset` addresses a loopback host (`sse_client("http://localhost:9382",
    /// headers={"api_key": …})`): a key sent to a server on the developer's machine.
    static func lineAddressesLoopback(_ bytes: [UInt8], at offset: Int) -> Bool {
        line(of: offset, in: bytes).withUnsafeBytes { line in loopbackURLs.contains { ByteSearch.contains(line, $0) } }
    }

    private static func line(of offset: Int, in bytes: [UInt8]) -> ArraySlice<UInt8> {
        var start = offset
        while start > 0 && bytes[start - 1] != 0x0A { start -= 1 }
        var end = offset
        while end < bytes.count && bytes[end] != 0x0A { end += 1 }
        return bytes[start..<end]
    }

    /// Bytes as Latin-1: one UTF-16 unit per byte, so regex offsets are byte offsets.
    static func latin1(_ bytes: ArraySlice<UInt8>) -> String {
        if !bytes.contains(where: { $0 >= 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        var utf8: [UInt8] = []
        utf8.reserveCapacity(bytes.count + bytes.count / 4)
        for byte in bytes {
            if byte < 0x80 {
                utf8.append(byte)
            } else {
                utf8.append(0xC0 | (byte >> 6))
                utf8.append(0x80 | (byte & 0x3F))
            }
        }
        return String(decoding: utf8, as: UTF8.self)
    }

    /// The pattern's entropy floor for this secret: `hex_entropy` for an all-hex value.
    static func entropyFloor(_ pattern: SecretPattern, _ secret: String) -> Double? {
        if let hex = pattern.hexEntropy, secret.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x66) }) {
            return hex
        }
        return pattern.entropy
    }

    /// Shannon entropy in bits per character.
    public static func entropy(of text: String) -> Double {
        var counts: [Unicode.Scalar: Int] = [:]
        var total = 0
        for scalar in text.unicodeScalars {
            counts[scalar, default: 0] += 1
            total += 1
        }
        guard total > 0 else { return 0 }
        return counts.values.reduce(0) { sum, count in
            let p = Double(count) / Double(total)
            return sum - p * log2(p)
        }
    }
}
