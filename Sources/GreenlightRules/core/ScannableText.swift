import Foundation
import GreenlightCore

/// What the secrets scan and the claims family read of a file git calls binary (a NUL in its
/// first 8,000 bytes): UTF-16 with a byte-order mark is decoded, and a text with a few stray
/// NULs is read with them as spaces — a token or a claim in either is as committed as in any
/// other file. Anything else is binary, and the family says it did not read it.
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
