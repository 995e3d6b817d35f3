import Foundation

/// Validation schemas that declare the environment a program accepts (t3-env, zod): which
/// names they make optional or give a default.
extension EnvReads {
    /// Names a validation schema in the file declares optional or with a default
    /// (`OPENAI_MODEL: z.string().default("gpt-4o")`, `FLAG: stringToBoolean().default(false)`,
    /// `.optional()`, `.nullish()`, chained over the lines after it, or a schema constant the
    /// file defines so: `const zAuthMethod = z.enum([…]).optional()` … `X_METHOD: zAuthMethod,`):
    /// the t3-env / zod pattern, whose `runtimeEnv` then maps each name to its `process.env` read.
    /// And the names it requires: a zod validator (`OPENAI_API_KEY: z.string()`) or a schema
    /// constant with none of those markers, which fails the program's start when unset.
    static func schemaNames(_ lines: [Substring]) -> (optional: Set<String>, required: Set<String>) {
        let markers = [".optional(", ".default(", ".nullish("]
        // The chain of an entry or a constant: its line and the ones after it, up to the next
        // entry, declaration or blank line.
        let chain = { (offset: Int) -> String in
            var text = String(lines[offset])
            for next in lines.dropFirst(offset + 1).prefix(30) {
                let string = String(next)
                let trimmed = string.trimmingCharacters(in: .whitespaces)
                if trimmed.isEmpty || trimmed.hasPrefix("const ") || trimmed.hasPrefix("export ")
                    || schemaEntry.firstMatch(in: string, range: NSRange(string.startIndex..., in: string)) != nil { break }
                text += trimmed
            }
            return text
        }
        var schemas: [String: Bool] = [:]
        for (offset, line) in lines.enumerated() where line.contains("const ") && line.contains("=") {
            let string = String(line)
            guard let match = schemaConstant.firstMatch(in: string, range: NSRange(string.startIndex..., in: string)),
                  let range = Range(match.range(at: 1), in: string) else { continue }
            schemas[String(string[range])] = markers.contains(where: chain(offset).contains)
        }
        var optional: Set<String> = []
        var required: Set<String> = []
        for (offset, line) in lines.enumerated() where line.contains(":") && !line.contains("process.env") {
            let string = String(line)
            guard let match = schemaEntry.firstMatch(in: string, range: NSRange(string.startIndex..., in: string)),
                  let range = Range(match.range(at: 1), in: string), let value = Range(match.range(at: 2), in: string)
            else { continue }
            let validator = String(string[value])
            if schemas[validator] == true || markers.contains(where: chain(offset).contains) {
                optional.insert(String(string[range]))
            } else if validator.hasPrefix("z.") || schemas[validator] == false {
                required.insert(String(string[range]))
            }
        }
        return (optional, required.subtracting(optional))
    }

    /// `NAME: validator…` — a schema's entry, its value an expression (not a plain value).
    static let schemaEntry = try! NSRegularExpression(
        pattern: #"^\s*["']?([A-Z][A-Z0-9_]*)["']?\s*:\s*([A-Za-z_][\w.]*)(?:\(|,|\s*$)"#)
    /// `const zName = z…` — a schema kept in a constant.
    static let schemaConstant = try! NSRegularExpression(pattern: #"^\s*(?:export\s+)?const\s+(\w+)\s*=\s*z\b"#)
}
