/// How one string literal is written: its quote, whether it is triple-quoted or raw, whether
/// backslashes escape, how it interpolates code, and whether it may span lines.
struct StringKind {
    enum Interpolation {
        case none
        /// JavaScript template literals: `${…}`.
        case dollarBrace
        /// Python f-strings: `{…}`, with `{{` and `}}` for braces.
        case brace
        /// Swift: `\(…)`, or `\#(…)` in a raw string with one `#`.
        case backslashParen
    }

    var quote: UInt8
    var triple = false
    /// Swift raw strings: the number of `#` around the quotes.
    var hashes = 0
    var escapes = true
    var interpolation = Interpolation.none
    var multiline = false

    /// The literal a quote opens in code, or nil when the byte is no quote in this language.
    static func plain(_ quote: UInt8, syntax: SourceLanguage.Syntax, source: UnsafeBufferPointer<UInt8>, at offset: Int) -> StringKind? {
        let tripled = offset + 2 < source.count && source[offset + 1] == quote && source[offset + 2] == quote
        switch (syntax, quote) {
        case (.script, UInt8(ascii: "`")):
            return StringKind(quote: quote, interpolation: .dollarBrace, multiline: true)
        case (.script, _):
            return StringKind(quote: quote)
        case (.python, UInt8(ascii: "`")), (.swift, UInt8(ascii: "`")), (.swift, UInt8(ascii: "'")):
            return nil
        case (.python, _):
            return StringKind(quote: quote, triple: tripled, multiline: tripled)
        case (.go, UInt8(ascii: "`")):
            return StringKind(quote: quote, escapes: false, multiline: true)
        case (.go, _):
            return StringKind(quote: quote)
        case (.swift, _):
            return StringKind(quote: quote, triple: tripled, interpolation: .backslashParen, multiline: tripled)
        }
    }

    /// A Python string with a prefix (`f`, `r`, `b`, `rb`, `fr` …); nil for any other word.
    static func prefixed(_ source: UnsafeBufferPointer<UInt8>, _ prefix: Range<Int>, quoteAt offset: Int) -> StringKind? {
        var formatted = false
        for position in prefix {
            switch source[position] | 0x20 {
            case UInt8(ascii: "f"), UInt8(ascii: "t"): formatted = true
            case UInt8(ascii: "r"), UInt8(ascii: "b"), UInt8(ascii: "u"): break
            default: return nil
            }
        }
        let quote = source[offset]
        let tripled = offset + 2 < source.count && source[offset + 1] == quote && source[offset + 2] == quote
        return StringKind(quote: quote, triple: tripled, interpolation: formatted ? .brace : .none, multiline: tripled)
    }

    var openerLength: Int { hashes + (triple ? 3 : 1) }
}

extension LexRun {
    enum StringEnd {
        case closed(contentEnd: Int)
        case interpolating
        case unterminated
    }

    /// A literal starting at `index` (at its first `#` for a Swift raw string).
    mutating func string(_ kind: StringKind, prefixed: Bool) {
        let previous = lastSignificant
        let contentStart = index + kind.openerLength
        index = min(contentStart, count)
        let end = body(kind)
        if case .closed(let contentEnd) = end {
            if !prefixed && !kind.triple && kind.hashes == 0 && isKeyPosition(after: previous) && colonFollows() {
                for offset in contentStart..<contentEnd {
                    let byte = source[offset]
                    output[offset] = byte >= 0x80 ? UInt8(ascii: "_") : byte
                }
            }
        }
        if case .interpolating = end { return }
        significant(kind.quote, at: max(index - 1, 0))
    }

    /// Back in a string after an interpolation's closer.
    mutating func resume(_ kind: StringKind) {
        if case .interpolating = body(kind) { return }
        significant(kind.quote, at: max(index - 1, 0))
    }

    /// A string's contents, from `index`: masked up to the closing quote (which is passed), an
    /// interpolation (a frame is pushed and code goes on), a newline in a one-line literal, or
    /// the end of the file.
    mutating func body(_ kind: StringKind) -> StringEnd {
        while index < count {
            let byte = source[index]
            if byte == 0x0A {
                guard kind.multiline else { return .unterminated }
                index += 1
                lineStarts.append(index)
                continue
            }
            if byte == UInt8(ascii: "\\") && kind.escapes {
                if let end = escape(kind) { return end }
                continue
            }
            if byte == kind.quote && closes(kind) {
                let contentEnd = index
                index += kind.openerLength
                return .closed(contentEnd: contentEnd)
            }
            switch kind.interpolation {
            case .dollarBrace where byte == UInt8(ascii: "$") && next(is: UInt8(ascii: "{")):
                if frames.count < Self.maxFrames { return interpolate(kind, width: 2, closer: UInt8(ascii: "}")) }
            case .brace where byte == UInt8(ascii: "{"):
                if next(is: UInt8(ascii: "{")) {
                    mask(2)
                    continue
                }
                if frames.count < Self.maxFrames { return interpolate(kind, width: 1, closer: UInt8(ascii: "}")) }
            case .brace where byte == UInt8(ascii: "}") && next(is: UInt8(ascii: "}")):
                mask(2)
                continue
            default:
                break
            }
            mask(1)
        }
        return .unterminated
    }

    /// A backslash in a string: an escape, a Swift interpolation, or (raw) a plain character.
    mutating func escape(_ kind: StringKind) -> StringEnd? {
        var hashes = 0
        while hashes < kind.hashes, index + 1 + hashes < count, source[index + 1 + hashes] == UInt8(ascii: "#") {
            hashes += 1
        }
        guard hashes == kind.hashes else {
            mask(1)
            return nil
        }
        let after = index + 1 + hashes
        if kind.interpolation == .backslashParen, after < count, source[after] == UInt8(ascii: "("), frames.count < Self.maxFrames {
            return interpolate(kind, width: after + 1 - index, closer: UInt8(ascii: ")"))
        }
        mask(after - index)
        guard index < count else { return nil }
        if source[index] == 0x0D, next(is: 0x0A) {
            index += 1
        }
        if source[index] == 0x0A {
            index += 1
            lineStarts.append(index)
        } else {
            mask(1)
        }
        return nil
    }

    mutating func interpolate(_ kind: StringKind, width: Int, closer: UInt8) -> StringEnd {
        let opener = source[index + width - 1]
        mask(width)
        frames.append(Frame(string: kind, height: stack.count, closer: closer))
        significant(opener, at: index - 1)
        return .interpolating
    }

    func closes(_ kind: StringKind) -> Bool {
        var offset = index + 1
        if kind.triple {
            guard offset + 1 < count, source[offset] == kind.quote, source[offset + 1] == kind.quote else { return false }
            offset += 2
        }
        for _ in 0..<kind.hashes {
            guard offset < count, source[offset] == UInt8(ascii: "#") else { return false }
            offset += 1
        }
        return true
    }

    func next(is byte: UInt8) -> Bool {
        index + 1 < count && source[index + 1] == byte
    }

    /// Mask `width` bytes of string contents.
    mutating func mask(_ width: Int) {
        let end = min(index + width, count)
        while index < end {
            if source[index] != 0x0A { output[index] = LexedSource.stringByte }
            index += 1
        }
    }

    /// A string right after `{`, `,` or `[` and followed by `:` is a mapping key
    /// (`{"user_id": uid}`, `["user": id]`), whose text counts.
    func isKeyPosition(after previous: UInt8) -> Bool {
        previous == UInt8(ascii: "{") || previous == UInt8(ascii: ",") || previous == UInt8(ascii: "[")
    }

    func colonFollows() -> Bool {
        var offset = index
        while offset < count, source[offset].isBlank, offset - index < Self.maxScan { offset += 1 }
        guard offset < count, source[offset] == UInt8(ascii: ":") else { return false }
        return offset + 1 >= count || source[offset + 1] != UInt8(ascii: ":")
    }

    // MARK: - Comments and slashes

    mutating func slash() {
        if syntax != .python, index + 1 < count {
            if source[index + 1] == UInt8(ascii: "/") {
                lineComment()
                return
            }
            if source[index + 1] == UInt8(ascii: "*") {
                blockComment(nests: syntax == .swift)
                return
            }
        }
        if syntax == .script && regexAllowed() {
            regexLiteral()
        } else {
            other(UInt8(ascii: "/"))
        }
    }

    mutating func hash() {
        switch syntax {
        case .python:
            lineComment()
        case .swift:
            var hashes = 0
            while index + hashes < count, source[index + hashes] == UInt8(ascii: "#") { hashes += 1 }
            if index + hashes < count, source[index + hashes] == UInt8(ascii: "\""),
               var kind = StringKind.plain(UInt8(ascii: "\""), syntax: .swift, source: source, at: index + hashes) {
                kind.hashes = hashes
                string(kind, prefixed: true)
            } else {
                other(UInt8(ascii: "#"))
            }
        case .script, .go:
            other(UInt8(ascii: "#"))
        }
    }

    mutating func lineComment() {
        while index < count, source[index] != 0x0A {
            output[index] = 0x20
            index += 1
        }
    }

    mutating func blockComment(nests: Bool) {
        var depth = 0
        while index < count {
            let byte = source[index]
            if byte == UInt8(ascii: "/"), next(is: UInt8(ascii: "*")), depth == 0 || nests {
                depth += 1
                blank(2)
            } else if byte == UInt8(ascii: "*"), next(is: UInt8(ascii: "/")) {
                depth -= 1
                blank(2)
                if depth == 0 { return }
            } else if byte == 0x0A {
                index += 1
                lineStarts.append(index)
            } else {
                blank(1)
            }
        }
    }

    mutating func blank(_ width: Int) {
        let end = min(index + width, count)
        while index < end {
            output[index] = 0x20
            index += 1
        }
    }

    /// JavaScript: after an operator, an opening bracket or certain keywords, `/` starts a
    /// regular expression literal, not a division.
    func regexAllowed() -> Bool {
        let previous = lastSignificant
        if previous == 0 { return true }
        if previous.isIdentifierByte {
            guard lastWord.upperBound == lastSignificantAt + 1 else { return false }
            return matchesAny(lastWord, ["return", "typeof", "instanceof", "in", "of", "new", "delete", "void",
                                         "throw", "case", "do", "else", "yield", "await"])
        }
        switch previous {
        case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "`"):
            return false
        default:
            return true
        }
    }

    mutating func regexLiteral() {
        let start = index
        index += 1
        var inClass = false
        while index < count {
            let byte = source[index]
            if byte == 0x0A { break }
            if byte == UInt8(ascii: "\\") {
                mask(1)
                if index < count, source[index] != 0x0A { mask(1) }
                continue
            }
            if byte == UInt8(ascii: "[") { inClass = true }
            if byte == UInt8(ascii: "]") { inClass = false }
            if byte == UInt8(ascii: "/") && !inClass {
                index += 1
                while index < count, source[index].isIdentifierByte, source[index] < 0x80 { index += 1 }
                break
            }
            mask(1)
        }
        significant(UInt8(ascii: "/"), at: start)
    }
}
