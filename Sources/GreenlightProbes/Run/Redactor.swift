import Foundation

/// Replaces the values of `${NAME}` variables with `${NAME}` wherever they would be shown:
/// server text quoted in findings (bodies, headers, locations), libcurl's error messages (which
/// name hosts), reports, evidence. Reports show templates, never expansions, so this is the net
/// under everything that comes back from the network.
///
/// Values shorter than `minimumLength` are not searched for in free text (a variable holding
/// `1` would otherwise mangle every number); they still never appear, because only templates
/// are shown. A secret's value is also hidden where only part of it comes back: any run of
/// `partialRun` or more of its characters, in any case (a server that echoes a token's first
/// 13 characters, or upper-cases it). Variables that are not secrets — a base URL — are
/// replaced only whole, so that text sharing a few characters with them stays readable.
public struct Redactor: Sendable {
    public static let minimumLength = 4
    public static let partialRun = 8

    private let replacements: [(value: String, name: String)]
    /// Every `partialRun`-character window of every secret, ASCII letters lowered, to its name.
    private let windows: [String: String]

    public init(variables: [String], environment: [String: String], secrets: Set<String>? = nil) {
        var pairs: [(String, String)] = []
        var windows: [String: String] = [:]
        for name in Set(variables).sorted() {
            guard let value = environment[name], value.count >= Self.minimumLength else { continue }
            pairs.append((value, "${\(name)}"))
            // As it appears inside URLs, too.
            for encoded in [value.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed),
                            value.addingPercentEncoding(withAllowedCharacters: .alphanumerics)] {
                if let encoded, encoded != value { pairs.append((encoded, "${\(name)}")) }
            }
            guard secrets?.contains(name) ?? true else { continue }
            let lowered = Self.lowered(value)
            if lowered.count >= Self.partialRun {
                for start in 0...(lowered.count - Self.partialRun) where windows[Self.key(lowered, start)] == nil {
                    windows[Self.key(lowered, start)] = "${\(name)}"
                }
            }
        }
        // Longest first, so a value containing another is replaced whole.
        replacements = pairs.sorted { $0.0.count != $1.0.count ? $0.0.count > $1.0.count : $0.1 < $1.1 }
        self.windows = windows
    }

    public static let none = Redactor(variables: [], environment: [:])

    public func callAsFunction(_ text: String) -> String {
        var out = text
        for (value, name) in replacements where out.contains(value) {
            out = out.replacingOccurrences(of: value, with: name)
        }
        return windows.isEmpty ? out : hidingRuns(out)
    }

    /// The text with every stretch covered by windows of a secret replaced by its name.
    private func hidingRuns(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count >= Self.partialRun else { return text }
        let lowered = Self.lowered(text)
        var cover = [String?](repeating: nil, count: scalars.count)
        var found = false
        for start in 0...(scalars.count - Self.partialRun) {
            guard let name = windows[Self.key(lowered, start)] else { continue }
            found = true
            for index in start..<(start + Self.partialRun) where cover[index] == nil { cover[index] = name }
        }
        guard found else { return text }
        var out = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            guard let name = cover[index] else {
                out.append(scalars[index])
                index += 1
                continue
            }
            out.append(contentsOf: name.unicodeScalars)
            while index < scalars.count, cover[index] != nil { index += 1 }
        }
        return String(out)
    }

    /// Unicode scalars with ASCII letters lowered (lengths kept, so positions agree).
    private static func lowered(_ text: String) -> [Unicode.Scalar] {
        text.unicodeScalars.map { ("A"..."Z").contains($0) ? Unicode.Scalar($0.value + 32)! : $0 }
    }

    private static func key(_ scalars: [Unicode.Scalar], _ start: Int) -> String {
        var key = String.UnicodeScalarView()
        key.append(contentsOf: scalars[start..<(start + partialRun)])
        return String(key)
    }
}
