/// A reader for the XML that test and coverage tools write (JUnit, Cobertura), in place of
/// Foundation's `XMLParser`, which fuzzing crashed three ways (names that are not UTF-8,
/// processing instructions without data, a broken declaration in front of one) and which keeps
/// an error object per parse error for the life of the process. One pass over the bytes, no
/// recursion; elements with their attributes and the line they start on; comments, processing
/// instructions, CDATA and a DOCTYPE are skipped — no DTD is read, so no entity is fetched or
/// expanded beyond the five predefined ones and character references. Whatever is not
/// well-formed is a `Failure` with its line, never a crash.
struct XMLReader {
    enum Event {
        case start(name: String, attributes: [String: String], line: Int)
        case end(name: String)
    }

    struct Failure: Error, Equatable {
        let line: Int
        let reason: String
    }

    /// The document as UTF-8: as it is, or converted from UTF-16 (with a byte-order mark) or
    /// a declared single-byte encoding; anything else is a failure, not a guess.
    static func utf8(_ bytes: [UInt8]) -> Result<[UInt8], Failure> {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return utf8(Array(bytes.dropFirst(3))) }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let little = bytes[0] == 0xFF
            var units: [UInt16] = []
            var index = 2
            while index + 1 < bytes.count {
                let pair = (UInt16(bytes[index]), UInt16(bytes[index + 1]))
                units.append(little ? pair.0 | pair.1 << 8 : pair.0 << 8 | pair.1)
                index += 2
            }
            return .success(Array(String(decoding: units, as: UTF16.self).utf8))
        }
        let encoding = declaredEncoding(bytes)
        switch encoding {
        case nil, "utf-8", "utf8":
            guard String(validating: bytes, as: UTF8.self) != nil else {
                return .failure(Failure(line: 0, reason: "its bytes are not UTF-8, and no other encoding is declared"))
            }
            return .success(bytes)
        case "iso-8859-1", "latin1", "latin-1", "us-ascii", "ascii", "windows-1252", "cp1252":
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            // Each byte is the code point of its value: one UTF-8 byte below 0x80, two above.
            for byte in bytes {
                if byte < 0x80 { out.append(byte) } else { out.append(contentsOf: [0xC0 | byte >> 6, 0x80 | byte & 0x3F]) }
            }
            return .success(out)
        case let other?:
            return .failure(Failure(line: 1, reason: "encoding '\(other)' is not supported"))
        }
    }

    /// `encoding="…"` of an XML declaration at the very start, lowercased.
    static func declaredEncoding(_ bytes: [UInt8]) -> String? {
        guard bytes.starts(with: Array("<?xml".utf8)) else { return nil }
        let head = String(decoding: bytes.prefix(200).prefix { $0 != UInt8(ascii: ">") }, as: UTF8.self).lowercased()
        guard let key = head.range(of: "encoding") else { return nil }
        let rest = head[key.upperBound...].drop { $0 == " " || $0 == "=" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        return String(rest.dropFirst().prefix { $0 != quote })
    }

    /// Reads `bytes` (UTF-8 or a declared encoding), handing each element's start and end to
    /// `handle`, in document order.
    static func read(_ raw: [UInt8], _ handle: (Event) -> Void) -> Result<Void, Failure> {
        switch utf8(raw) {
        case .failure(let failure): return .failure(failure)
        case .success(let bytes):
            var reader = XMLReader(bytes: bytes)
            do {
                try reader.document(handle)
                return .success(())
            } catch let failure as Failure {
                return .failure(failure)
            } catch {
                return .failure(Failure(line: reader.line, reason: "unreadable"))
            }
        }
    }

    /// The one-line problem an evidence file's reader reports.
    static func problem(_ failure: Failure) -> EvidenceRecord.RecordProblem {
        let place = failure.line > 0 ? "line \(failure.line): " : ""
        return .init(message: "is not well-formed XML (\(place)\(failure.reason))")
    }

    private let bytes: [UInt8]
    private var index = 0
    private var line = 1

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    private mutating func document(_ handle: (Event) -> Void) throws {
        var open: [String] = []
        var rootSeen = false
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "<") else {
                if byte == UInt8(ascii: "&") {
                    _ = try entity()
                    continue
                }
                if open.isEmpty && !Self.isSpace(byte) { throw fail("text outside the root element") }
                advance()
                continue
            }
            if starts("<?") {
                try skip(past: "?>", what: "processing instruction")
            } else if starts("<!--") {
                try skip(past: "-->", what: "comment")
            } else if starts("<![CDATA[") {
                if open.isEmpty { throw fail("CDATA outside the root element") }
                try skip(past: "]]>", what: "CDATA section")
            } else if starts("<!DOCTYPE") {
                if rootSeen { throw fail("a DOCTYPE after the root element") }
                try doctype()
            } else if starts("</") {
                advance(2)
                let name = try self.name()
                skipSpace()
                guard peek == UInt8(ascii: ">") else { throw fail("end tag </\(name)> is not closed") }
                advance()
                guard let last = open.popLast() else { throw fail("end tag </\(name)> without a start tag") }
                guard last == name else { throw fail("end tag </\(name)> closes <\(last)>") }
                handle(.end(name: name))
            } else {
                if rootSeen && open.isEmpty { throw fail("a second root element") }
                let startLine = line
                advance()
                let name = try self.name()
                let (attributes, empty) = try self.attributes(of: name)
                rootSeen = true
                handle(.start(name: name, attributes: attributes, line: startLine))
                if empty { handle(.end(name: name)) } else { open.append(name) }
            }
        }
        if let last = open.last { throw Failure(line: line, reason: "ends inside <\(last)>") }
        if !rootSeen { throw Failure(line: line, reason: "no root element") }
    }

    /// Attributes up to `>` or `/>`; whether the element is empty (`/>`).
    private mutating func attributes(of element: String) throws -> ([String: String], Bool) {
        var attributes: [String: String] = [:]
        while true {
            let spaced = skipSpace()
            guard let byte = peek else { throw fail("<\(element)> is not closed") }
            if byte == UInt8(ascii: ">") {
                advance()
                return (attributes, false)
            }
            if starts("/>") {
                advance(2)
                return (attributes, true)
            }
            if !spaced { throw fail("attributes of <\(element)> are not separated by spaces") }
            let name = try self.name()
            skipSpace()
            guard peek == UInt8(ascii: "=") else { throw fail("attribute '\(name)' of <\(element)> has no value") }
            advance()
            skipSpace()
            guard let quote = peek, quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else {
                throw fail("the value of '\(name)' in <\(element)> is not quoted")
            }
            advance()
            var value: [UInt8] = []
            while true {
                guard let byte = peek else { throw fail("the value of '\(name)' in <\(element)> is not closed") }
                if byte == quote {
                    advance()
                    break
                }
                if byte == UInt8(ascii: "<") { throw fail("'<' in the value of '\(name)' in <\(element)>") }
                if byte == UInt8(ascii: "&") {
                    value.append(contentsOf: try entity())
                    continue
                }
                // Line breaks and tabs in a value read as spaces (attribute-value normalisation).
                value.append(byte == 0x0A || byte == 0x0D || byte == 0x09 ? 0x20 : byte)
                advance()
            }
            guard attributes.updateValue(String(decoding: value, as: UTF8.self), forKey: name) == nil else {
                throw fail("attribute '\(name)' repeated in <\(element)>")
            }
        }
    }

    /// `&lt;`, `&gt;`, `&amp;`, `&quot;`, `&apos;`, `&#…;`, `&#x…;`: its text's bytes.
    private mutating func entity() throws -> [UInt8] {
        let start = index
        advance()
        var body: [UInt8] = []
        while let byte = peek, byte != UInt8(ascii: ";") {
            guard body.count < 32, byte != UInt8(ascii: "<"), byte != UInt8(ascii: "&"), !Self.isSpace(byte) else {
                throw fail("'&' that starts no entity")
            }
            body.append(byte)
            advance()
        }
        guard peek == UInt8(ascii: ";") else { index = start; throw fail("'&' that starts no entity") }
        advance()
        let text = String(decoding: body, as: UTF8.self)
        switch text {
        case "lt": return [UInt8(ascii: "<")]
        case "gt": return [UInt8(ascii: ">")]
        case "amp": return [UInt8(ascii: "&")]
        case "quot": return [UInt8(ascii: "\"")]
        case "apos": return [UInt8(ascii: "'")]
        default:
            guard text.hasPrefix("#") else { throw fail("entity &\(text); is not defined (no DTD is read)") }
            let digits = text.dropFirst()
            let value = digits.hasPrefix("x") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
            guard let value, value != 0, let scalar = Unicode.Scalar(value) else { throw fail("&\(text); is not a character") }
            return Array(String(scalar).utf8)
        }
    }

    /// A DOCTYPE, its internal subset included, skipped without reading it.
    private mutating func doctype() throws {
        var depth = 0
        var quote: UInt8?
        while let byte = peek {
            advance()
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: "[") {
                depth += 1
            } else if byte == UInt8(ascii: "]") {
                depth -= 1
            } else if byte == UInt8(ascii: ">") && depth <= 0 {
                return
            }
        }
        throw fail("DOCTYPE is not closed")
    }

    /// An element or attribute name.
    private mutating func name() throws -> String {
        let start = index
        while let byte = peek, Self.isNameByte(byte, first: index == start) { advance() }
        guard index > start else { throw fail("a name was expected") }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private static func isNameByte(_ byte: UInt8, first: Bool) -> Bool {
        if byte >= 0x80 { return true }
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"), UInt8(ascii: ":"):
            return true
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."):
            return !first
        default:
            return false
        }
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    private func starts(_ text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        return text.withUTF8Buffer { prefix in (0..<count).allSatisfy { bytes[index + $0] == prefix[$0] } }
    }

    private mutating func advance(_ count: Int = 1) {
        for _ in 0..<count where index < bytes.count {
            if bytes[index] == 0x0A { line += 1 }
            index += 1
        }
    }

    @discardableResult
    private mutating func skipSpace() -> Bool {
        let start = index
        while let byte = peek, Self.isSpace(byte) { advance() }
        return index > start
    }

    /// Past the next `terminator`, or a failure naming what was left open.
    private mutating func skip(past terminator: StaticString, what: String) throws {
        let startLine = line
        while index < bytes.count {
            if starts(terminator) {
                advance(terminator.utf8CodeUnitCount)
                return
            }
            advance()
        }
        throw Failure(line: startLine, reason: "\(what) is not closed")
    }

    private func fail(_ reason: String) -> Failure { Failure(line: line, reason: reason) }
}
