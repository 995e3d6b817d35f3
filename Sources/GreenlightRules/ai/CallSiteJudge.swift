/// One LLM call site, judged: where it is, what it calls, and for each rule it fails, what
/// was looked for where.
public struct AICallSite: Sendable {
    let path: String
    let line: Int
    let column: Int
    /// The callee as written, whitespace collapsed: `openai.chat.completions.create`.
    let callee: String
    let sdk: String
    /// The id of the call-site pattern that found it (`openai.chat-completions`).
    let patternID: String
    /// `function `answer``, `arrow function at line 12`, or nil at top level.
    let enclosing: String?
    /// The enclosing function's name or kind, without positions: part of the fingerprint.
    let scopeKey: String
    /// The compliant wrapper that covers the call, if one does.
    let wrapper: String?
    /// Per rule id, what was looked for where, for each rule the call fails.
    let unmet: [String: String]
    /// The function the call passes its payload parameter through in: a transport wrapper,
    /// judged at its callers instead.
    let transport: TransportWrappers.Transport?
    /// The pattern that found it, or found the SDK call it leads to.
    let pattern: CallSitePattern
}

extension AICallSite {
    /// The same site, failing what either fails.
    func merging(_ other: AICallSite) -> AICallSite {
        AICallSite(path: path, line: line, column: column, callee: callee, sdk: sdk, patternID: patternID,
                   enclosing: enclosing, scopeKey: scopeKey, wrapper: wrapper, unmet: unmet.merging(other.unmet) { first, _ in first },
                   transport: transport, pattern: pattern)
    }

    /// The same site, failing only `rules`, and no longer a wrapper to follow (unless kept).
    func failing(only rules: Set<String>, keepingTransport: Bool = false) -> AICallSite {
        AICallSite(path: path, line: line, column: column, callee: callee, sdk: sdk, patternID: patternID,
                   enclosing: enclosing, scopeKey: scopeKey, wrapper: wrapper, unmet: unmet.filter { rules.contains($0.key) },
                   transport: keepingTransport ? transport : nil, pattern: pattern)
    }
}

/// Judges the calls of one file against the requirements. A requirement pattern runs over a
/// call's scope only (the enclosing function, the argument list), only when its literals occur
/// there, and once per scope — calls in one function share the search.
struct CallSiteJudge {
    let lexed: LexedSource
    let view: CodeView
    let checks: AIChecks
    /// Each (pattern, scope) is searched once: calls in one function share its scope.
    private var searched: [ScopeKey: Bool] = [:]

    struct ScopeKey: Hashable {
        let pattern: ObjectIdentifier
        let scope: Range<Int>
    }

    init(lexed: LexedSource, view: CodeView, checks: AIChecks) {
        self.lexed = lexed
        self.view = view
        self.checks = checks
    }

    /// `via`: the calls are calls of a transport wrapper, which this names ("at app/llm.py:12").
    mutating func judge(_ calls: [LocatedCall], path: String, via: String? = nil) -> [AICallSite] {
        guard !calls.isEmpty else { return [] }
        let wrappers = wrapperCalls()
        var cursor = LexedSource.Cursor()
        var sites: [AICallSite] = []
        for call in calls {
            let (line, column) = lexed.advance(&cursor, to: call.calleeStart)
            let function = lexed.outerFunction(around: call.calleeStart)
            let callee = lexed.codeText(call.calleeStart..<(call.open >= 0 ? call.open : call.calleeStart + 1))
            // A compliant wrapper's own body, or a call inside one's arguments.
            let declared = function?.name.flatMap { name in checks.wrappers.first { $0.matchesWhole(name) }?.source }
            let wrapper = declared.map { (name: $0, open: -1, end: -1) }
                ?? wrappers.first { $0.open == call.open && call.open >= 0 || ($0.open < call.calleeStart && call.calleeStart < $0.end) }
            var unmet: [String: String] = [:]
            if wrapper == nil {
                let notRequired = checks.notRequired(for: call.pattern)
                for rule in AIFamily.requirementIDs where !notRequired.contains(rule) {
                    let requirements = checks.requirements.filter { $0.rule == rule }
                    guard !requirements.isEmpty else { continue }
                    var lookedFor: [String] = []
                    var met = false
                    for requirement in requirements {
                        let scope = self.scope(requirement.scope, of: call, function: function)
                        let meets = requirement.scope == .repository
                            ? requirement.patterns.contains { checks.foundInRepository.contains($0.source) }
                            : requirement.patterns.contains { found($0, in: scope) }
                        if meets {
                            met = true
                            break
                        }
                        lookedFor.append("\(requirement.describe) \(place(requirement.scope, function: function))")
                    }
                    if !met { unmet[rule] = "looked for " + lookedFor.joined(separator: ", or ") }
                }
            }
            sites.append(AICallSite(
                path: path, line: line, column: column, callee: callee,
                sdk: via.map { "\(call.pattern.sdk) through the wrapper \($0)" } ?? call.pattern.sdk, patternID: call.pattern.id,
                enclosing: function.map(label), scopeKey: function.map { $0.name ?? $0.kind.rawValue } ?? "top level",
                wrapper: wrapper?.name, unmet: unmet,
                transport: wrapper == nil ? TransportWrappers.passThrough(call, in: function, lexed: lexed) : nil,
                pattern: call.pattern))
        }
        return sites
    }

    func scope(_ scope: RequirementScope, of call: LocatedCall, function: LexedSource.Function?) -> Range<Int> {
        switch scope {
        case .call:
            return call.arguments
        case .function:
            return function.map { $0.start..<$0.end } ?? 0..<lexed.count
        case .file, .repository:
            return 0..<lexed.count
        case .lines(let count):
            let first = lexed.line(of: call.calleeStart) - count
            let last = lexed.line(of: max(call.end - 1, call.calleeStart)) + count
            return lexed.offset(ofLine: first)..<lexed.offset(ofLine: last + 1)
        }
    }

    func place(_ scope: RequirementScope, function: LexedSource.Function?) -> String {
        switch scope {
        case .call: return "in the call's arguments"
        case .function: return function.map { "in the enclosing \(label($0))" } ?? "in the file (the call is at top level)"
        case .file: return "in the file"
        case .repository: return "in the repository"
        case .lines(let count): return "within \(count) line\(count == 1 ? "" : "s") of the call"
        }
    }

    func label(_ function: LexedSource.Function) -> String {
        if let name = function.name { return "\(function.kind.rawValue) `\(name)`" }
        return "\(function.kind.rawValue) at line \(lexed.line(of: function.start))"
    }

    /// Whether a match of `pattern` lies wholly inside `scope`.
    mutating func found(_ pattern: CodeRegex, in scope: Range<Int>) -> Bool {
        let key = ScopeKey(pattern: ObjectIdentifier(pattern), scope: scope)
        if let known = searched[key] { return known }
        let result = pattern.matches(in: view, range: scope)
        searched[key] = result
        return result
    }

    /// Calls to a compliant wrapper: a match at a name boundary followed by `(` (or, in Swift,
    /// a trailing closure).
    func wrapperCalls() -> [(name: String, open: Int, end: Int)] {
        let code = lexed.code
        var calls: [(name: String, open: Int, end: Int)] = []
        for wrapper in checks.wrappers {
            for match in wrapper.ranges(in: view) where !match.isEmpty {
                if match.lowerBound > 0 && code[match.lowerBound - 1].isIdentifierByte { continue }
                if match.upperBound < code.count && code[match.upperBound].isIdentifierByte { continue }
                guard let next = CallLocator.nextSignificant(after: match.upperBound, in: code, newlines: false) else { continue }
                let opens = code[next] == UInt8(ascii: "(") || (lexed.language == .swift && code[next] == UInt8(ascii: "{"))
                guard opens, let bracket = lexed.bracket(openingAt: next) else { continue }
                var end = bracket.close + 1
                if lexed.language == .swift, code[next] == UInt8(ascii: "("),
                   let after = CallLocator.nextSignificant(after: end, in: code, newlines: false),
                   code[after] == UInt8(ascii: "{"), let closure = lexed.bracket(openingAt: after) {
                    end = closure.close + 1
                }
                calls.append((wrapper.source, next, end))
            }
        }
        return calls
    }
}

extension LexedSource {
    /// A moving position, so that columns of many offsets on one long line cost one pass.
    struct Cursor {
        var offset = 0
        var line = 1
        var column = 1
    }

    /// 1-based line and column of `offset`, continuing from `cursor` when it is on the same
    /// line and not past it.
    func advance(_ cursor: inout Cursor, to offset: Int) -> (line: Int, column: Int) {
        let line = line(of: offset)
        if line != cursor.line || offset < cursor.offset {
            cursor = Cursor(offset: lineStarts[line - 1], line: line, column: 1)
        }
        while cursor.offset < offset && cursor.offset < source.count {
            if source[cursor.offset] & 0xC0 != 0x80 { cursor.column += 1 }
            cursor.offset += 1
        }
        return (line, cursor.column)
    }
}
