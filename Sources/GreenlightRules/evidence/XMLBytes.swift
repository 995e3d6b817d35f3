/// What an XML evidence file must be before Foundation's `XMLParser` reads it. Fuzzing the JUnit
/// and Cobertura readers found two inputs that crash that parser itself:
/// - an element name whose bytes are not UTF-8 (`<` then 0xFF…): such a file is refused with a
///   one-line problem, unless it says it is in another encoding (an XML declaration or a UTF-16
///   byte-order mark), which libxml2 converts before any name reaches the parser;
/// - a processing instruction without data (`<?target?>`), whose null data it reads: processing
///   instructions say nothing to a test or coverage report, so each one but the XML declaration
///   is blanked before parsing (spaces, line breaks kept, so that line numbers still hold).
enum XMLBytes {
    static func prepared(_ bytes: [UInt8]) -> Result<[UInt8], EvidenceRecord.RecordProblem> {
        if let problem = problem(bytes) { return .failure(problem) }
        return .success(blankingInstructions(bytes))
    }

    static func problem(_ bytes: [UInt8]) -> EvidenceRecord.RecordProblem? {
        guard String(validating: bytes, as: UTF8.self) == nil else { return nil }
        if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) { return nil }
        let head = String(decoding: bytes.prefix(200), as: UTF8.self).lowercased()
        if head.hasPrefix("<?xml"), let declared = head.range(of: "encoding=") {
            let name = head[declared.upperBound...].drop { $0 == "\"" || $0 == "'" }.prefix { $0.isLetter || $0.isNumber || $0 == "-" }
            if !name.isEmpty && name != "utf-8" && name != "utf8" { return nil }
        }
        return .init(message: "is not well-formed XML (its bytes are not UTF-8, and no other encoding is declared)")
    }

    /// Every `<?…?>` blanked but a declaration (`<?xml ` at the very start).
    static func blankingInstructions(_ bytes: [UInt8]) -> [UInt8] {
        var out = bytes
        var index = 0
        let declaration = Array("<?xml".utf8)
        while index + 1 < out.count {
            guard out[index] == UInt8(ascii: "<"), out[index + 1] == UInt8(ascii: "?") else {
                index += 1
                continue
            }
            var end = index + 2
            while end + 1 < out.count, !(out[end] == UInt8(ascii: "?") && out[end + 1] == UInt8(ascii: ">")) { end += 1 }
            let close = min(end + 2, out.count)
            // A declaration is kept only whole: `<?xml ` at the very start, closed before any
            // other markup or line break (a broken one hides a processing instruction behind it).
            let isDeclaration = index == 0 && out.starts(with: declaration) && close > 6 && out[5] == 0x20
                && !out[2..<end].contains { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == 0x0A || $0 == 0x0D }
            if !isDeclaration {
                for position in index..<close where out[position] != 0x0A && out[position] != 0x0D { out[position] = 0x20 }
            }
            index = close
        }
        return out
    }
}
