/// Text for a terminal or a CI log, where a control character in a committed file's name or in
/// a quoted line would act rather than show: a newline would start a line of its own (and a
/// line that starts with `::` is a GitHub workflow command), an escape sequence would recolour
/// or rewrite the screen. Each control character is written as a visible escape instead.
enum VisibleText {
    static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            guard isControl(scalar) else {
                out.unicodeScalars.append(scalar)
                continue
            }
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += scalar.value <= 0xFF ? "\\x" + String(repeating: "0", count: 2 - hex.count) + hex : "\\u{\(hex)}"
            }
        }
        return out
    }

    /// The same for text that starts a line of a CI log: a leading `::` would be a GitHub
    /// workflow command, so its first colon is written as `\x3A`.
    static func lineStart(_ text: String) -> String {
        let visible = escaped(text)
        return visible.hasPrefix("::") ? "\\x3A" + visible.dropFirst() : visible
    }

    /// C0 and C1 controls, DEL, and the Unicode line and paragraph separators.
    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x20 || (0x7F...0x9F).contains(value) || value == 0x2028 || value == 0x2029
    }
}
