import Foundation

/// Replaces the values of `${NAME}` variables with `${NAME}` wherever they would be shown:
/// server text quoted in findings (bodies, headers, locations), libcurl's error messages (which
/// name hosts), reports, evidence. Reports show templates, never expansions, so this is the net
/// under everything that comes back from the network.
///
/// Values shorter than `minimumLength` are not searched for in free text (a variable holding
/// `1` would otherwise mangle every number); they still never appear, because only templates
/// are shown.
public struct Redactor: Sendable {
    public static let minimumLength = 4

    private let replacements: [(value: String, name: String)]

    public init(variables: [String], environment: [String: String]) {
        var pairs: [(String, String)] = []
        for name in Set(variables) {
            guard let value = environment[name], value.count >= Self.minimumLength else { continue }
            pairs.append((value, "${\(name)}"))
            // As it appears inside URLs, too.
            for encoded in [value.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed),
                            value.addingPercentEncoding(withAllowedCharacters: .alphanumerics)] {
                if let encoded, encoded != value { pairs.append((encoded, "${\(name)}")) }
            }
        }
        // Longest first, so a value containing another is replaced whole.
        replacements = pairs.sorted { $0.0.count != $1.0.count ? $0.0.count > $1.0.count : $0.1 < $1.1 }
    }

    public static let none = Redactor(variables: [], environment: [:])

    public func callAsFunction(_ text: String) -> String {
        var out = text
        for (value, name) in replacements where out.contains(value) {
            out = out.replacingOccurrences(of: value, with: name)
        }
        return out
    }
}
