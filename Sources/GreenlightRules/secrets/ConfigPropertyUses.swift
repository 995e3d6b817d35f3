import GreenlightCore

/// How JavaScript and TypeScript code uses a configuration object's key that holds an
/// environment read (`gtmId: process.env.GTM_ID` in a config builder). When every file that
/// uses the key first tests it for presence (`config?.gtmId && <Tag/>`, `if (config.gtmId)`,
/// `config.gtmId ? a : b`, `!!config.gtmId`), the code goes on without the variable. One plain
/// use anywhere (`parseInt(config.ttl)`, `new Client(config.key)`) keeps it needed.
enum ConfigPropertyUses {
    /// Those of `keys` used somewhere, and tested for presence first wherever they are used.
    static func presenceTested(_ keys: Set<String>, in snapshot: RepositorySnapshot) throws -> Set<String> {
        guard !keys.isEmpty else { return [] }
        var tested: Set<String> = []
        var used: Set<String> = []
        let needles = keys.sorted().map { "." + $0 }
        for entry in snapshot.entries where EnvFiles.codeExtensions[EnvFiles.extensionOf(entry.path)] == "javascript"
            && !VendoredCode.contains(entry.path) {
            guard let language = SourceLanguage.of(path: entry.path),
                  let text = try snapshot.text(of: entry, containingAny: needles) else { continue }
            let lexed = CodeLexer.lex(text, language: language)
            for key in keys where !used.contains(key) {
                guard let first = firstUse(of: Array(key.utf8), in: lexed.code) else { continue }
                if isPresenceTest(at: first, length: key.utf8.count, in: lexed.code) {
                    tested.insert(key)
                } else {
                    used.insert(key)
                }
            }
        }
        return tested.subtracting(used)
    }

    /// Offset of the `.` of the first `receiver.key` (or `receiver?.key`) in `code`.
    private static func firstUse(of key: [UInt8], in code: [UInt8]) -> Int? {
        var at = 1
        while at + key.count < code.count {
            if code[at] == UInt8(ascii: "."), code[at + 1] == key[0], code[(at + 1)..<(at + 1 + key.count)].elementsEqual(key),
               !(at + 1 + key.count < code.count && code[at + 1 + key.count].isIdentifierByte) {
                let receiver = code[at - 1]
                if receiver.isIdentifierByte || receiver == UInt8(ascii: "?") || receiver == UInt8(ascii: ")")
                    || receiver == UInt8(ascii: "]") {
                    return at
                }
            }
            at += 1
        }
        return nil
    }

    /// The use at `dot` is a test of presence: followed by `&&` or a ternary's `?`, preceded by
    /// `!!`, or the whole condition of an `if (…)`.
    private static func isPresenceTest(at dot: Int, length: Int, in code: [UInt8]) -> Bool {
        var after = dot + 1 + length
        while after < code.count && (code[after] == 0x20 || code[after] == 0x0A || code[after] == 0x09) { after += 1 }
        let next = after < code.count ? code[after] : 0
        let second = after + 1 < code.count ? code[after + 1] : 0
        if next == UInt8(ascii: "&") && second == UInt8(ascii: "&") { return true }
        if next == UInt8(ascii: "?") && second != UInt8(ascii: "?") && second != UInt8(ascii: ".") { return true }
        // The receiver's start: a dotted, possibly optional-chained name.
        var start = dot
        while start > 0 {
            let byte = code[start - 1]
            guard byte.isIdentifierByte || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "?") else { break }
            start -= 1
        }
        var before = start
        while before > 0 && code[before - 1] == 0x20 { before -= 1 }
        if before >= 2 && code[before - 1] == UInt8(ascii: "!") && code[before - 2] == UInt8(ascii: "!") { return true }
        guard next == UInt8(ascii: ")"), before >= 1, code[before - 1] == UInt8(ascii: "(") else { return false }
        var keyword = before - 1
        while keyword > 0 && code[keyword - 1] == 0x20 { keyword -= 1 }
        return keyword >= 2 && code[keyword - 2] == UInt8(ascii: "i") && code[keyword - 1] == UInt8(ascii: "f")
            && !(keyword >= 3 && code[keyword - 3].isIdentifierByte)
    }
}
