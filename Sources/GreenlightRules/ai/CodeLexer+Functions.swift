/// Which braces, lines and expressions are functions, per language.
extension LexRun {
    typealias FunctionKind = LexedSource.Function.Kind

    /// Whether the `{` at `index` opens a function body, with its name and kind.
    mutating func braceFunction() -> (name: String?, kind: FunctionKind)? {
        switch syntax {
        case .script: return scriptBrace()
        case .go: return goBrace()
        case .swift: return swiftBrace()
        case .python: return nil
        }
    }

    // MARK: - TypeScript and JavaScript

    /// `=> {`, `function f(…) {`, a method `name(…) {`, `(…): Type {` — but not `if (…) {`,
    /// a class body, an object literal or a plain block.
    func scriptBrace() -> (name: String?, kind: FunctionKind)? {
        if arrowToken { return (pendingArrowName, .arrow) }
        let paren: Int
        if lastSignificant == UInt8(ascii: ")") {
            paren = lastParenOpen
        } else if let close = returnTypeParen(), close == lastParenClose {
            paren = lastParenOpen
        } else {
            return nil
        }
        guard paren >= 0, let name = word(before: paren) else { return (nil, .function) }
        if matchesAny(name, ["if", "for", "while", "switch", "catch", "with"]) { return nil }
        // `class P extends InheritMultiple([A, B]) {`: a class body, not a function's.
        if let previous = word(before: name.lowerBound), matches(previous, "extends") { return nil }
        if matches(name, "function") { return (assignedName(before: name.lowerBound), .function) }
        return (text(name), .function)
    }

    /// The `)` of `(…): ReturnType {`, scanning back over the type.
    func returnTypeParen() -> Int? {
        var offset = index - 1
        var angles = 0
        var scanned = 0
        while offset >= 0 && scanned < Self.maxScan {
            let byte = output[offset]
            switch byte {
            case UInt8(ascii: ">"):
                angles += 1
            case UInt8(ascii: "<"):
                angles -= 1
                if angles < 0 { return nil }
            case UInt8(ascii: ":") where angles == 0:
                guard let (before, at) = self.byte(before: offset), before == UInt8(ascii: ")") else { return nil }
                return at
            case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: "|"), UInt8(ascii: "&"), UInt8(ascii: "["),
                 UInt8(ascii: "]"), UInt8(ascii: "?"), UInt8(ascii: ":"), 0x0A, LexedSource.stringByte,
                 UInt8(ascii: "\""), UInt8(ascii: "'"):
                break
            default:
                guard byte.isIdentifierByte || byte.isBlank else { return nil }
            }
            offset -= 1
            scanned += 1
        }
        return nil
    }

    /// The name an arrow function is bound to: `const name = async (…) =>`, `name: (…) =>`.
    func arrowName(before arrow: Int) -> String? {
        var start: Int
        if lastSignificant == UInt8(ascii: ")") && lastParenClose == lastSignificantAt {
            start = lastParenOpen
        } else if lastSignificant.isIdentifierByte && lastWord.upperBound == lastSignificantAt + 1 {
            start = lastWord.lowerBound
        } else {
            return nil
        }
        if let word = word(before: start), matches(word, "async") { start = word.lowerBound }
        return assignedName(before: start)
    }

    /// `name =` or `name:` just before `offset`.
    func assignedName(before offset: Int) -> String? {
        guard let (byte, at) = self.byte(before: offset) else { return nil }
        if byte == UInt8(ascii: "=") {
            if at > 0, [UInt8(ascii: "="), UInt8(ascii: "!"), UInt8(ascii: "<"), UInt8(ascii: ">")].contains(output[at - 1]) {
                return nil
            }
        } else if byte != UInt8(ascii: ":") {
            return nil
        }
        return word(before: at).map(text)
    }

    // MARK: - Go

    mutating func goWord(_ range: Range<Int>) {
        if matches(range, "func") {
            pending = PendingFunction(depth: stack.count, name: nil, expectsName: true)
        }
    }

    /// The first `{` after `func` at its depth, unless it opens `interface{…}` or `struct{…}`.
    mutating func goBrace() -> (name: String?, kind: FunctionKind)? {
        guard let function = pending, function.depth == stack.count else { return nil }
        if lastSignificant.isIdentifierByte, lastWord.upperBound == lastSignificantAt + 1,
           matchesAny(lastWord, ["interface", "struct"]) {
            return nil
        }
        pending = nil
        return (function.name, function.name == nil ? .closure : .function)
    }

    // MARK: - Swift

    mutating func swiftWord(_ range: Range<Int>) {
        let afterDot = range.lowerBound > 0 && output[range.lowerBound - 1] == UInt8(ascii: ".")
        if var function = pending, function.expectsName, function.depth == stack.count {
            function.name = text(range)
            function.expectsName = false
            pending = function
            return
        }
        if expectsBindingName {
            bindingName = text(range)
            expectsBindingName = false
        }
        if !afterDot {
            if matches(range, "func") {
                pending = PendingFunction(depth: stack.count, name: nil, expectsName: true)
            } else if matchesAny(range, ["init", "deinit", "subscript"]) {
                pending = PendingFunction(depth: stack.count, name: text(range), expectsName: false)
            } else if matchesAny(range, ["get", "set", "willSet", "didSet"]) && nextIsBrace() {
                pending = PendingFunction(depth: stack.count, name: text(range), expectsName: false)
            } else if matchesAny(range, ["var", "let", "case", "class", "struct", "enum", "protocol", "extension",
                                          "typealias", "import", "actor"]),
                      let function = pending, function.depth == stack.count {
                pending = nil
            }
        }
        guard statementStart else { return }
        if range.lowerBound > 0 && output[range.lowerBound - 1] == UInt8(ascii: "@") { return }
        if matchesAny(range, ["public", "private", "fileprivate", "internal", "open", "final", "static", "override",
                              "mutating", "nonmutating", "lazy", "weak", "unowned", "convenience", "required",
                              "dynamic", "indirect", "nonisolated"]) {
            return
        }
        statementStart = false
        if matchesAny(range, ["if", "guard", "else", "for", "while", "switch", "repeat", "do", "catch", "defer"]) {
            statement = .control
        } else if matchesAny(range, ["class", "struct", "enum", "extension", "protocol", "actor"]) {
            statement = .typeDeclaration
        } else if matchesAny(range, ["var", "let"]) {
            statement = .binding
            bindingName = nil
            expectsBindingName = true
        } else {
            statement = .other
        }
    }

    func nextIsBrace() -> Bool {
        var offset = index
        while offset < count, source[offset].isBlank || source[offset] == 0x0A, offset - index < Self.maxScan { offset += 1 }
        return offset < count && source[offset] == UInt8(ascii: "{")
    }

    /// After `func`, `init`, `get` …: a function. After `(`, `,`, `:`, `=`, `return`, `in`: a
    /// closure. After `if`, `for`, `guard … else`, a type declaration: a block. A property's
    /// braces are its getter; any other brace is a trailing closure.
    mutating func swiftBrace() -> (name: String?, kind: FunctionKind)? {
        if let function = pending, function.depth == stack.count {
            pending = nil
            return (function.name, .function)
        }
        let previous = lastSignificant
        if previous == 0 || [UInt8(ascii: "("), UInt8(ascii: ","), UInt8(ascii: ":"), UInt8(ascii: "="),
                             UInt8(ascii: "["), UInt8(ascii: "{")].contains(previous) {
            return (nil, .closure)
        }
        if previous.isIdentifierByte, lastWord.upperBound == lastSignificantAt + 1,
           matchesAny(lastWord, ["return", "in", "try", "await"]) {
            return (nil, .closure)
        }
        switch statement {
        case .control, .typeDeclaration: return nil
        case .binding: return (bindingName, .function)
        case .other: return (nil, .closure)
        }
    }

    // MARK: - Python

    mutating func pythonWord(_ range: Range<Int>) {
        defer { wordsOnLine += 1 }
        if awaitingDefName {
            logical[logical.count - 1].name = text(range)
            awaitingDefName = false
            return
        }
        if matches(range, "async"), wordsOnLine == 0 {
            lineFirstWordIsAsync = true
        } else if matches(range, "def"), !logical.isEmpty, wordsOnLine == 0 || (wordsOnLine == 1 && lineFirstWordIsAsync) {
            logical[logical.count - 1].isDef = true
            awaitingDefName = true
        } else if matches(range, "lambda") {
            functions.append(LexedSource.Function(start: range.lowerBound, end: count, name: nil, kind: .lambda))
            open.append(OpenFunction(index: functions.count - 1, bracket: -1, depth: stack.count, bodyStarted: false))
        }
    }

    mutating func beginLogicalLine() {
        logicalPending = false
        let lineStart = lineStarts[lineStarts.count - 1]
        var indent = 0
        for offset in lineStart..<index {
            switch source[offset] {
            case 0x09: indent = (indent / 8 + 1) * 8
            case 0x0C: indent = 0
            default: indent += 1
            }
        }
        logical.append(LogicalLine(start: lineStart, indent: indent, first: index, isDecorator: source[index] == UInt8(ascii: "@")))
        wordsOnLine = 0
        lineFirstWordIsAsync = false
        awaitingDefName = false
    }

    /// Each `def` (with its decorators) runs to the next logical line indented no deeper.
    mutating func pythonFunctions() {
        var openDefs: [(indent: Int, index: Int)] = []
        var decorator: (start: Int, indent: Int)?
        for line in logical {
            while let top = openDefs.last, top.indent >= line.indent {
                functions[top.index].end = line.start
                openDefs.removeLast()
            }
            if line.isDecorator {
                if decorator?.indent != line.indent { decorator = (line.start, line.indent) }
                continue
            }
            if line.isDef {
                let start = decorator?.indent == line.indent ? decorator?.start ?? line.start : line.start
                functions.append(LexedSource.Function(start: start, end: count, name: line.name, kind: .function))
                openDefs.append((line.indent, functions.count - 1))
            }
            decorator = nil
        }
    }
}
