/// A transport wrapper: a function that receives the messages (or the prompt, the request, the
/// options) as a parameter and hands them to the SDK unchanged. Context, identity and logging
/// are its callers' job, so its call site is judged at them (`CallerResolution`).
enum TransportWrappers {
    struct Transport: Sendable {
        /// The wrapper function's name, as its callers write it.
        let function: String
        /// It has the end user in hand: identity is judged at it, not at its callers.
        let receivesUser: Bool
    }

    /// Endings of parameter names that carry what the model is sent (`messages`, `chatHistory`,
    /// `system_prompt`, `**kwargs`, `request`, `options` …).
    static let payloadNames = ["messages", "message", "msgs", "prompt", "prompts", "input", "inputs", "contents",
                               "content", "history", "conversation", "params", "kwargs", "args", "options", "opts",
                               "body", "request", "payload", "config", "instructions"]
    /// Receivers, never parameters that carry a payload.
    static let receivers: Set<String> = ["self", "this", "cls", "super"]

    /// Endings of parameter names that carry the end user (`userId`, `executingUserId`,
    /// `user_id`, `account_id`): a wrapper that receives one is where identity is forwarded.
    static let identityNames = ["user", "userid", "uid", "accountid", "customerid", "principal", "tenantid", "identity",
                                "ownerid", "memberid"]

    static func isIdentityName(_ name: String) -> Bool {
        let folded = name.lowercased().replacingOccurrences(of: "_", with: "")
        return identityNames.contains { folded.hasSuffix($0) }
    }

    static func isPayloadName(_ name: String) -> Bool {
        let lower = name.lowercased()
        return payloadNames.contains { lower.hasSuffix($0) }
    }

    /// Endings of parameter names that carry a conversation the caller assembled (`messages`,
    /// `chat_messages`, `contents`): a function that receives one and reads it to build its
    /// request sends what its caller gave, however it reshapes it (`for m in messages:
    /// msgs.append(…)`). A `prompt`, a `message` or a `history` may be the user's own words or
    /// the context the function itself writes into its prompt: it is a wrapper only when it
    /// hands it on.
    static let messageNames = ["messages", "msgs", "contents"]

    static func isMessageName(_ name: String) -> Bool {
        let lower = name.lowercased()
        return messageNames.contains { lower.hasSuffix($0) }
    }

    /// Decorators and names of functions a framework calls with the user's request: an HTTP
    /// route, a tool an agent invokes. Nothing in the repository calls them, so they are judged
    /// where they stand, never as wrappers.
    static let routeDecorators = [".get(", ".post(", ".put(", ".patch(", ".delete(", ".route(", ".websocket(",
                                  ".api_route(", "@tool", ".command(", ".message(", ".event("]
    static let handlerNames: Set<String> = ["GET", "POST", "PUT", "PATCH", "DELETE", "handler", "handle"]

    /// The function `call` passes a payload parameter through in — with whether it also
    /// receives the end user — or nil when the call builds what it sends (or is not in a named
    /// function).
    static func passThrough(_ call: LocatedCall, in function: LexedSource.Function?, lexed: LexedSource) -> Transport? {
        guard let function, let name = function.name, call.open >= 0,
              let list = lexed.parameterList(of: function) else { return nil }
        let names = lexed.parameterNames(in: list).filter { !receivers.contains($0) }
        var payload = Set(names.filter(isPayloadName))
        guard !payload.isEmpty, !isHandler(function, name: name, parameters: list, lexed: lexed) else { return nil }
        // A conversation received (`messages`) and read before or in the call.
        let messages = payload.filter(isMessageName)
        let builds = !messages.isEmpty
            && lexed.identifiers(in: list.upperBound..<min(call.end, lexed.count)).contains(where: messages.contains)
        // A function whose only statement is the call, with a payload parameter in its
        // arguments, adds nothing of its own (`def inference(self, prompt): return
        // client.chat.completions.create(messages=[{"role": "user", "content": prompt}])`).
        let thin = !builds && lexed.identifiers(in: call.arguments).contains(where: payload.contains)
            && lexed.isOnlyStatement(call, afterHeader: list.upperBound)
        // Locals computed from a payload parameter before the call carry it on
        // (`openai_messages = await self._map_messages(messages)`).
        payload.formUnion(lexed.derivedLocals(from: payload, in: list.upperBound..<call.calleeStart))
        guard builds || thin || lexed.passedIdentifiers(in: call).contains(where: payload.contains) else { return nil }
        return Transport(function: name, receivesUser: names.contains(where: isIdentityName))
    }

    /// An HTTP route or an agent's tool (`@app.post(…)`, `@router.get`, `@tool`, Next.js
    /// `export async function POST(req)`): the framework calls it with the user's request.
    static func isHandler(_ function: LexedSource.Function, name: String, parameters: Range<Int>, lexed: LexedSource) -> Bool {
        if handlerNames.contains(name) { return true }
        guard lexed.language.syntax == .python, function.start < parameters.lowerBound else { return false }
        let head = lexed.code[function.start..<parameters.lowerBound]
        guard head.contains(UInt8(ascii: "@")) else { return false }
        let text = String(decoding: head, as: UTF8.self)
        return routeDecorators.contains { text.contains($0) }
    }
}

extension LexedSource {
    /// Whether nothing but blank lines, comments and a docstring stand between the line that
    /// ends a function's header (its parameter list closes at `header`) and the line of `call`
    /// — so the call, assigned, awaited or returned, is the function's first statement.
    func isOnlyStatement(_ call: LocatedCall, afterHeader header: Int) -> Bool {
        var start = header
        while start < count, code[start] != 0x0A { start += 1 }
        let callLine = offset(ofLine: line(of: call.calleeStart))
        guard start <= callLine else { return true }
        return code[start..<callLine].allSatisfy { byte in
            byte.isBlank || byte == 0x0A || byte == LexedSource.stringByte || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
        }
    }

    /// The bracket that closes at `offset`, if any.
    func bracket(closingAt offset: Int) -> Bracket? {
        var index = firstBracket(openingAtOrAfter: offset) - 1
        var steps = 0
        while index >= 0 && steps < 4_096 {
            if brackets[index].close == offset { return brackets[index] }
            index -= 1
            steps += 1
        }
        return nil
    }

    /// The range inside the parentheses of `function`'s parameter list: after `def name` in
    /// Python; before a brace body (over a return type) or before `=>` elsewhere.
    func parameterList(of function: Function) -> Range<Int>? {
        var offset: Int
        switch language.syntax {
        case .python:
            // From the `def` (the function starts at its first decorator, whose own arguments
            // are not the parameters).
            guard function.kind == .function else { return nil }
            offset = function.start
            var scanned = 0
            while offset + 4 < count, scanned < 4_096,
                  !(code[offset..<(offset + 4)].elementsEqual("def ".utf8) && (offset == 0 || !code[offset - 1].isIdentifierByte)) {
                offset += 1
                scanned += 1
            }
            while offset < count, code[offset] != UInt8(ascii: "("), scanned < 4_096 {
                offset += 1
                scanned += 1
            }
            guard offset < count, let bracket = bracket(openingAt: offset) else { return nil }
            return (bracket.open + 1)..<bracket.close
        case .script, .go, .swift:
            // Back from the body's `{` (or `=>`) to the nearest `)`; Go's result list `(T, error)`
            // stands after the parameters.
            offset = function.start - 1
            var scanned = 0
            while offset >= 0, code[offset] != UInt8(ascii: ")"), scanned < 256 {
                if code[offset] == UInt8(ascii: ";") || code[offset] == UInt8(ascii: "}") { return nil }
                offset -= 1
                scanned += 1
            }
            guard offset >= 0, code[offset] == UInt8(ascii: ")"), var bracket = bracket(closingAt: offset) else { return nil }
            if let before = CallLocator.previousSignificant(before: bracket.open, in: code), code[before] == UInt8(ascii: ")"),
               let parameters = self.bracket(closingAt: before) {
                bracket = parameters
            }
            return (bracket.open + 1)..<bracket.close
        }
    }

    /// The names a parameter list declares: the first identifier of each top-level entry
    /// (`messages: Message[]`, `*args`, `msgs []Message`), the internal name of a Swift label
    /// pair (`_ messages: [Message]`), and the names a destructuring pattern binds.
    func parameterNames(in list: Range<Int>) -> [String] {
        var names: [String] = []
        var depth = 0
        var entry: [String] = []
        var afterColon = false
        var offset = list.lowerBound
        func flush() {
            if language == .swift, entry.count >= 2 {
                names.append(entry[1])
            } else if let first = entry.first {
                names.append(first)
            }
            entry = []
            afterColon = false
        }
        while offset < list.upperBound {
            let byte = code[offset]
            if byte.isIdentifierByte && !byte.isDigit {
                let start = offset
                while offset < list.upperBound, code[offset].isIdentifierByte { offset += 1 }
                let word = String(decoding: code[start..<offset], as: UTF8.self)
                if depth == 1, !afterColon {
                    names.append(word)  // destructured: `{ messages, model }`
                } else if depth == 0, !afterColon, !["public", "private", "protected", "readonly", "inout", "var", "let"].contains(word) {
                    entry.append(word)
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: "<"):
                depth += 1
            case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: ">"):
                depth = max(0, depth - 1)
            case UInt8(ascii: ","):
                if depth == 0 { flush() } else if depth == 1 { afterColon = false }
            case UInt8(ascii: ":"), UInt8(ascii: "="):
                if depth <= 1 { afterColon = true }
            default:
                break
            }
            offset += 1
        }
        flush()
        return names
    }

    /// Names assigned, in `range`, from an expression that uses one of `sources` (`x =
    /// f(messages)`, `params = {"messages": messages, …}` across lines), two steps deep.
    func derivedLocals(from sources: Set<String>, in range: Range<Int>) -> Set<String> {
        var known = sources
        var derived: Set<String> = []
        let range = range.clamped(to: 0..<count)
        for _ in 0..<2 {
            var offset = range.lowerBound
            while offset < range.upperBound {
                guard code[offset] == UInt8(ascii: "="), offset > 0,
                      !"=!<>+-*/%&|^:".utf8.contains(code[offset - 1]),
                      offset + 1 < count, code[offset + 1] != UInt8(ascii: "="), code[offset + 1] != UInt8(ascii: ">") else {
                    offset += 1
                    continue
                }
                // The assigned name: the identifier just before `=` (over a type annotation's
                // absence only).
                guard let target = CallLocator.word(before: offset, in: code), !target.isEmpty else {
                    offset += 1
                    continue
                }
                // The value: a bracketed literal or call to its close (`params = {\n "messages": …}`),
                // otherwise the rest of the line.
                var end = offset + 1
                if let first = CallLocator.nextSignificant(after: offset + 1, in: code, newlines: false),
                   let bracket = bracket(openingAt: first) {
                    end = min(bracket.close + 1, range.upperBound)
                } else {
                    while end < range.upperBound, code[end] != 0x0A, code[end] != UInt8(ascii: ";") { end += 1 }
                }
                if identifiers(in: (offset + 1)..<end).contains(where: known.contains) { derived.insert(target) }
                offset = end
            }
            known.formUnion(derived)
        }
        return derived
    }

    /// The identifiers of the code view in `range`, not those after a `.`.
    func identifiers(in range: Range<Int>) -> Set<String> {
        var found: Set<String> = []
        var offset = range.lowerBound
        while offset < range.upperBound {
            if code[offset].isIdentifierByte && !code[offset].isDigit && (offset == 0 || !code[offset - 1].isIdentifierByte) {
                let start = offset
                while offset < range.upperBound, code[offset].isIdentifierByte { offset += 1 }
                if start == 0 || code[start - 1] != UInt8(ascii: ".") {
                    found.insert(String(decoding: code[start..<offset], as: UTF8.self))
                }
                continue
            }
            offset += 1
        }
        return found
    }

    /// Identifiers a call's arguments hand on as they are: a whole argument (`messages`,
    /// `**kwargs`, `...options`), the value of a keyword or an options-object key
    /// (`messages=msgs`, `{ messages: msgs }`, `{ messages }`), the object a value is read from
    /// (`request.messages`), or what a call transforms (`convert(messages)`) — not one used
    /// inside a list or a nested literal the call builds.
    func passedIdentifiers(in call: LocatedCall) -> Set<String> {
        guard call.open >= 0, let bracket = bracket(openingAt: call.open) else { return [] }
        var found: Set<String> = []
        var depth = 0
        var offset = bracket.open + 1
        while offset < bracket.close {
            let byte = code[offset]
            if byte.isIdentifierByte && !byte.isDigit {
                let start = offset
                while offset < bracket.close, code[offset].isIdentifierByte { offset += 1 }
                let previous = start > 0 ? code[start - 1] : 0
                guard depth <= 1, previous != UInt8(ascii: ".") else { continue }
                let next = CallLocator.nextSignificant(after: offset, in: code, newlines: true).map { code[$0] }
                let isKey = next == UInt8(ascii: ":") || (next == UInt8(ascii: "=") && offset + 1 < count && code[offset + 1] != UInt8(ascii: "="))
                if !isKey { found.insert(String(decoding: code[start..<offset], as: UTF8.self)) }
                continue
            }
            // A call applied to a value hands it on transformed (`self._format(messages)`); a
            // list or a nested object literal builds something new.
            switch byte {
            case UInt8(ascii: "{"):
                depth += 1
            case UInt8(ascii: "["):
                depth += 2
            case UInt8(ascii: "}"):
                depth -= 1
            case UInt8(ascii: "]"):
                depth -= 2
            default:
                break
            }
            offset += 1
        }
        return found
    }
}
