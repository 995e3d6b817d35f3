/// Brackets, expression-bodied functions and byte helpers of the lexer.
extension LexRun {
    // MARK: - Brackets

    mutating func openBracket(_ byte: UInt8) {
        let bracketIndex = brackets.count
        var function: (name: String?, kind: LexedSource.Function.Kind)?
        if byte == UInt8(ascii: "{") {
            function = braceFunction()
        } else if byte == UInt8(ascii: "("), syntax == .go, var pending, pending.depth == stack.count, pending.expectsName {
            if lastSignificantAt == lastWord.upperBound - 1, !lastWord.isEmpty, !matches(lastWord, "func") {
                pending.name = text(lastWord)
                pending.expectsName = false
                self.pending = pending
            }
        }
        brackets.append(LexedSource.Bracket(open: index, close: count, kind: byte))
        if syntax == .swift {
            savedStatements.append(statement)
        }
        stack.append(bracketIndex)
        if let function {
            functions.append(LexedSource.Function(start: index, end: count, name: function.name, kind: function.kind))
            open.append(OpenFunction(index: functions.count - 1, bracket: bracketIndex, depth: stack.count, bodyStarted: true))
        }
        let at = index
        index += 1
        significant(byte, at: at)
        if syntax == .swift && byte == UInt8(ascii: "{") {
            statementStart = true
            statement = .other
        }
    }

    mutating func closeBracket(_ byte: UInt8) {
        let partner: UInt8 = byte == UInt8(ascii: ")") ? UInt8(ascii: "(") : byte == UInt8(ascii: "]") ? UInt8(ascii: "[") : UInt8(ascii: "{")
        let floor = frames.last?.height ?? 0
        var position = stack.count - 1
        var found = -1
        var steps = 0
        while position >= floor && steps < 16 {
            if brackets[stack[position]].kind == partner {
                found = position
                break
            }
            position -= 1
            steps += 1
        }
        guard found >= 0 else {
            other(byte)
            return
        }
        var restored: StatementKind?
        var partnerIndex = -1
        while stack.count > found {
            let popped = stack.removeLast()
            partnerIndex = popped
            brackets[popped].close = index
            if syntax == .swift { restored = savedStatements.popLast() }
            closeExpressions(deeperThan: stack.count, at: index)
            if let top = open.last, top.bracket == popped {
                functions[top.index].end = index + 1
                open.removeLast()
            }
        }
        if byte == UInt8(ascii: ")") {
            lastParenOpen = brackets[partnerIndex].open
            lastParenClose = index
        }
        if let pending, pending.depth > stack.count { self.pending = nil }
        other(byte)
        if syntax == .swift {
            let top = stack.last.map { brackets[$0].kind }
            if byte == UInt8(ascii: "}") && (top == nil || top == UInt8(ascii: "{")) {
                statementStart = true
            } else if let restored {
                statement = restored
            }
        }
    }

    /// Ends expression-bodied functions opened deeper than `depth` (or at `depth + 1` for a
    /// separator once their body has begun).
    mutating func closeExpressions(deeperThan depth: Int, at offset: Int, separator: Bool = false) {
        while let top = open.last, top.bracket < 0 {
            let ends = top.depth > depth + 1 || (top.depth == depth + 1 && (!separator || top.bodyStarted))
            guard ends else { break }
            functions[top.index].end = offset
            open.removeLast()
        }
    }

    mutating func resolveArrow(brace: Bool) {
        if !brace {
            functions.append(LexedSource.Function(start: pendingArrow, end: count, name: pendingArrowName, kind: .arrow))
            open.append(OpenFunction(index: functions.count - 1, bracket: -1, depth: stack.count, bodyStarted: true))
        }
        pendingArrow = -1
    }

    // MARK: - Byte helpers

    func text(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: output[range]), as: UTF8.self)
    }

    func matches(_ range: Range<Int>, _ keyword: StaticString) -> Bool {
        guard range.count == keyword.utf8CodeUnitCount else { return false }
        let pointer = keyword.utf8Start
        for offset in 0..<range.count where source[range.lowerBound + offset] != pointer[offset] { return false }
        return true
    }

    func matchesAny(_ range: Range<Int>, _ keywords: [StaticString]) -> Bool {
        keywords.contains { matches(range, $0) }
    }

    /// The identifier that ends just before `offset` (blanks and newlines skipped), if any.
    func word(before offset: Int) -> Range<Int>? {
        var end = offset
        var scanned = 0
        while end > 0, output[end - 1].isBlank || output[end - 1] == 0x0A, scanned < Self.maxScan {
            end -= 1
            scanned += 1
        }
        var start = end
        while start > 0, output[start - 1].isIdentifierByte, end - start < Self.maxScan { start -= 1 }
        return start < end ? start..<end : nil
    }

    /// The first non-blank byte before `offset` and its offset.
    func byte(before offset: Int) -> (UInt8, Int)? {
        var end = offset
        var scanned = 0
        while end > 0, output[end - 1].isBlank || output[end - 1] == 0x0A, scanned < Self.maxScan {
            end -= 1
            scanned += 1
        }
        return end > 0 ? (output[end - 1], end - 1) : nil
    }
}
