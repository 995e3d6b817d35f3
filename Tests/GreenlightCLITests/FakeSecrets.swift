/// Secret-shaped values for the CLI tests, generated when the tests run (never committed as
/// literals, so the repository does not trip secret scanners): a fixed prefix and a
/// deterministic random tail.
struct FakeSecret {
    let value: String
    /// The random part: no stretch of it may ever appear in any output.
    let random: String

    static let alnum = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
    static let base32 = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
    static let digits = Array("0123456789")

    init(_ prefix: String, _ alphabet: [Character] = FakeSecret.alnum, _ count: Int, seed: UInt64, suffix: String = "") {
        var state = seed &* 0x9E37_79B9_7F4A_7C15 | 1
        var tail = ""
        for _ in 0..<count {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            tail.append(alphabet[Int(state % UInt64(alphabet.count))])
        }
        random = tail
        value = prefix + tail + suffix
    }

    /// Every 8-character stretch of the random part.
    var stretches: [String] {
        let characters = Array(random)
        guard characters.count >= 8 else { return [random] }
        return (0...(characters.count - 8)).map { String(characters[$0..<($0 + 8)]) }
    }
}
