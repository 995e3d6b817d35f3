import Foundation
import GreenlightCore

/// An install template (`templates/workflows/…`, `templates/hooks/…`) as shipped in the binary,
/// with its `{{name}}` placeholders filled. GitHub's own `${{ … }}` expressions have spaces
/// and are left alone.
struct TemplateText {
    let path: String

    /// The template's text, from `InstallTemplates`.
    var source: String {
        get throws {
            guard let text = InstallTemplates.files[path] else {
                throw ToolError.runtime("template \(path) is not in this build (run scripts/embed-templates.sh)")
            }
            return text
        }
    }

    /// Every placeholder replaced; a placeholder without a value is a bug in the caller. A
    /// comment line that starts with a placeholder (`      # {{install_greenlight}}: …`) is
    /// replaced whole, so the template stays valid YAML before it is filled.
    func render(_ values: [String: String]) throws -> String {
        var text = try source
        for (name, value) in values where text.contains("# {{\(name)}}") {
            let block = value.hasSuffix("\n") ? String(value.dropLast()) : value
            text = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                line.trimmingCharacters(in: .whitespaces).hasPrefix("# {{\(name)}}") ? block : String(line)
            }.joined(separator: "\n")
        }
        for (name, value) in values {
            text = text.replacingOccurrences(of: "{{\(name)}}", with: value)
        }
        if let left = Self.placeholders(in: text).first {
            throw ToolError.runtime("template \(path) has no value for {{\(left)}}")
        }
        return text
    }

    /// Names of the `{{name}}` placeholders (lowercase letters and underscores) in a text.
    static func placeholders(in text: String) -> [String] {
        var names: [String] = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            let after = rest[open.upperBound...]
            guard let close = after.range(of: "}}") else { break }
            let name = after[..<close.lowerBound]
            if !name.isEmpty && name.allSatisfy({ $0 == "_" || ("a"..."z").contains($0) }) { names.append(String(name)) }
            rest = after
        }
        return names
    }
}
