/// What an XML evidence file must be before Foundation's `XMLParser` reads it: the parser
/// crashes on an element name whose bytes are not UTF-8 (`<` then 0xFF…, found by fuzzing the
/// JUnit and Cobertura readers). Such a file is refused with a one-line problem, unless it
/// says it is in another encoding (an XML declaration or a UTF-16 byte-order mark), which
/// libxml2 converts before any name reaches the parser.
enum XMLBytes {
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
}
