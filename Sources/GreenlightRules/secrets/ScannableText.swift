import Foundation
import GreenlightCore

/// What the secrets scan reads of a file git calls binary (a NUL in its first 8,000 bytes):
/// UTF-16 with a byte-order mark is decoded, and a text with a few stray NULs is read with
/// them as spaces — a token in either is as committed as in any other file. Anything else is
/// binary, and the scan says it did not read it.
enum ScannableText {
    /// The bytes to scan (UTF-8, offsets within them), or nil for a binary file.
    static func recover(_ bytes: [UInt8]) -> [UInt8]? {
        if let decoded = utf16(bytes) { return decoded }
        return strayNULs(bytes)
    }

    /// UTF-16 (little- or big-endian, by its byte-order mark), as UTF-8 without the mark.
    static func utf16(_ bytes: [UInt8]) -> [UInt8]? {
        guard bytes.count >= 2, bytes.count % 2 == 0 else { return nil }
        let little: Bool
        switch (bytes[0], bytes[1]) {
        case (0xFF, 0xFE): little = true
        case (0xFE, 0xFF): little = false
        default: return nil
        }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2 - 1)
        var index = 2
        while index + 1 < bytes.count {
            let (low, high) = little ? (bytes[index], bytes[index + 1]) : (bytes[index + 1], bytes[index])
            units.append(UInt16(high) << 8 | UInt16(low))
            index += 2
        }
        // Text, not bytes that happen to start like a mark: no NUL or other C0 control but
        // white space once decoded.
        let text = String(decoding: units, as: UTF16.self)
        guard !text.unicodeScalars.contains(where: { $0.value < 0x20 && !"\t\n\r\u{0C}".unicodeScalars.contains($0) }) else {
            return nil
        }
        return Array(text.utf8)
    }

    /// A UTF-8 text with a few NULs (two, or 1 % of its bytes) and no other control but white
    /// space: its bytes with each NUL as a space (offsets kept).
    static func strayNULs(_ bytes: [UInt8]) -> [UInt8]? {
        var nuls = 0
        for byte in bytes {
            if byte == 0 {
                nuls += 1
            } else if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C && byte != 0x1B {
                return nil
            }
        }
        guard nuls > 0, nuls <= max(2, bytes.count / 100) else { return nil }
        let spaced = bytes.map { $0 == 0 ? UInt8(ascii: " ") : $0 }
        // Valid UTF-8 once the NULs are spaces: decoding changes nothing.
        guard String(validating: spaced, as: UTF8.self) != nil else { return nil }
        return spaced
    }
}

/// What a matched value decodes to, for the checks a random-looking encoding would otherwise
/// pass: a JWT's header and payload (JSON), or base64 that decodes to printable text (a
/// Kubernetes Secret's `data:` holds `change-me` as `Y2hhbmdlLW1l`).
enum DecodedValue {
    /// The decoded text, and whether it is a JWT's JSON (whose entropy says nothing).
    static func of(_ value: String) -> (text: String, jwt: Bool)? {
        let parts = value.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count == 3, parts[0].hasPrefix("eyJ") {
            guard let header = base64(parts[0], url: true), let payload = base64(parts[1], url: true) else { return nil }
            return (header + payload, true)
        }
        guard value.count >= 8, let text = base64(Substring(value), url: false) ?? base64(Substring(value), url: true) else { return nil }
        return (text, false)
    }

    /// The `exp` claim of a JWT's decoded header and payload (`"exp":1609459200`), as a date.
    static func expiry(ofPayload text: String) -> Date? {
        guard let claim = text.range(of: "\"exp\":") else { return nil }
        let digits = text[claim.upperBound...].drop { $0 == " " }.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 12, let seconds = Double(digits) else { return nil }
        return Date(timeIntervalSince1970: seconds)
    }

    /// Printable ASCII text that `text` decodes to as base64 (or base64url), or nil.
    static func base64(_ text: Substring, url: Bool) -> String? {
        var standard = String(text)
        if url {
            guard !text.contains(where: { $0 == "+" || $0 == "/" }) else { return nil }
            standard = standard.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        }
        while standard.count % 4 != 0 { standard += "=" }
        guard let data = Data(base64Encoded: standard), data.count >= 4,
              data.allSatisfy({ (0x20...0x7E).contains($0) || $0 == 0x0A || $0 == 0x09 }) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
