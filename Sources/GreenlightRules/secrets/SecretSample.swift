/// Samples in rule packs and examples must be shaped like real secrets without being committed
/// as literals (the repository itself must not trip secret scanners). A sample writes the
/// random part as `{{CLASS:N}}` — e.g. `ghp_{{alnum:36}}` — and it is filled in at run time,
/// deterministically from the sample's own text. Anything else between braces stays as is.
public enum SecretSample {
    static let classes: [String: [UInt8]] = {
        let upper = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ".utf8)
        let lower = Array("abcdefghijklmnopqrstuvwxyz".utf8)
        let digits = Array("0123456789".utf8)
        return [
            "alnum": upper + lower + digits,
            "upper": upper,
            "lower": lower,
            "digit": digits,
            "upperdigit": upper + digits,
            "lowerdigit": lower + digits,
            "hex": digits + Array("abcdef".utf8),
            "HEX": digits + Array("ABCDEF".utf8),
            "base32": upper + Array("234567".utf8),
            "base64": upper + lower + digits + Array("+/".utf8),
            "base64url": upper + lower + digits + Array("-_".utf8),
        ]
    }()

    /// `text` with each `{{CLASS:N}}` replaced by N characters of that class.
    public static func expand(_ text: String) -> String {
        guard text.contains("{{") else { return text }
        var random = SplitMix64(seed: fnv1a(text))
        var out = ""
        var rest = Substring(text)
        while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
            out += rest[..<open.lowerBound]
            let body = rest[open.upperBound..<close.lowerBound]
            let parts = body.split(separator: ":")
            if parts.count == 2, let alphabet = classes[String(parts[0])], let count = Int(parts[1]), count > 0, count <= 10_000 {
                out += String(decoding: (0..<count).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }, as: UTF8.self)
            } else {
                out += rest[open.lowerBound..<close.upperBound]
            }
            rest = rest[close.upperBound...]
        }
        return out + rest
    }

    /// A fake secret of `count` characters of `characterClass` after `prefix`, the same on every
    /// run for the same arguments — for rule examples and tests.
    public static func make(_ prefix: String, _ characterClass: String, _ count: Int, salt: String = "") -> String {
        var random = SplitMix64(seed: fnv1a(prefix + "\u{0}" + characterClass + "\u{0}" + salt))
        let alphabet = classes[characterClass] ?? classes["alnum"]!
        return prefix + String(decoding: (0..<count).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }, as: UTF8.self)
    }

    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }
}

/// A small, fast, deterministic generator (Steele, Lea and Flood's SplitMix64).
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
