import GreenlightCore

/// A JavaScript or TypeScript read that is the whole value of an object literal's key
/// (`gtmId: process.env.GTM_ID,`). Handed to a call as an option (`Sentry.init({ environment:
/// process.env.X })`), an unset value is `undefined`, which an options object takes as "not
/// given": the callee's own default applies. Kept in a configuration object, what it means
/// depends on how the code uses the key elsewhere (`config.gtmId && <Tag/>`).
enum EnvObjectProperty {
    struct Property: Equatable {
        let key: String
        /// The object is an argument of a call or constructor: `f({ … })`, `new C(a, { … })`.
        let isOption: Bool
    }

    /// Options whose absence means the client's public default endpoint.
    static let defaultEndpointKeys: Set<String> = ["baseURL", "baseUrl"]

    /// The key whose whole value the read at `site` (byte `offset` of `lexed`) is.
    static func of(_ site: EnvReadUse.Site, at offset: Int, in lexed: LexedSource) -> Property? {
        guard lexed.language.syntax == .script else { return nil }
        let rest = site.text[site.end...].drop { $0 == " " || $0 == "\t" }
        guard rest.isEmpty || rest.hasPrefix(",") || rest.hasPrefix("}") else { return nil }
        var before = trimmingEnd(site.text[..<site.start], " \t")
        guard before.hasSuffix(":") else { return nil }
        before = trimmingEnd(before.dropLast(), " \t")
        if before.hasSuffix("\"") || before.hasSuffix("'") { before = before.dropLast() }
        let key = String(before.reversed().prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "$" }.reversed())
        guard !key.isEmpty else { return nil }
        let opening = trimmingEnd(trimmingEnd(before.dropLast(key.count), "\"'"), " \t")
        // The key opens its line or follows `{` or `,`: not a ternary's `a ? b : process.env.X`.
        guard opening.isEmpty || opening.hasSuffix("{") || opening.hasSuffix(",") else { return nil }
        return Property(key: key, isOption: objectIsArgument(around: offset, in: lexed))
    }

    /// The read is an option whose absence the callee fills: its name is not one a value must be
    /// given for (`EnvReads.needsValue`), or the key is a client's endpoint override.
    static func isDefaultedOption(_ property: Property, name: String) -> Bool {
        property.isOption && (!EnvReads.needsValue(name) || defaultEndpointKeys.contains(property.key))
    }

    private static func trimmingEnd(_ text: Substring, _ characters: String) -> Substring {
        var end = text.endIndex
        while end > text.startIndex, characters.contains(text[text.index(before: end)]) { end = text.index(before: end) }
        return text[..<end]
    }

    private static let notCallees: Set<String> = ["return", "typeof", "await", "if", "while", "for", "switch", "in", "of",
                                                  "case", "yield", "void", "delete", "throw"]

    /// The innermost `{ … }` around `offset` stands directly in a call's parentheses.
    private static func objectIsArgument(around offset: Int, in lexed: LexedSource) -> Bool {
        guard let object = lexed.enclosing(offset, scanning: 4096).first, object.kind == UInt8(ascii: "{") else {
            return false
        }
        let open = object.open
        var before = open - 1
        while before >= 0 && (lexed.code[before] == 0x20 || lexed.code[before] == 0x0A || lexed.code[before] == 0x09) {
            before -= 1
        }
        guard before >= 0, lexed.code[before] == UInt8(ascii: "(") || lexed.code[before] == UInt8(ascii: ",") else {
            return false
        }
        guard let call = lexed.enclosing(open, scanning: 4096).first, call.kind == UInt8(ascii: "(") else {
            return false
        }
        var end = call.open
        while end > 0 && lexed.code[end - 1] == 0x20 { end -= 1 }
        guard end > 0, lexed.code[end - 1].isIdentifierByte || lexed.code[end - 1] == UInt8(ascii: ">") else { return false }
        var start = end
        while start > 0 && lexed.code[start - 1].isIdentifierByte { start -= 1 }
        return !notCallees.contains(String(decoding: lexed.code[start..<end], as: UTF8.self))
    }
}
