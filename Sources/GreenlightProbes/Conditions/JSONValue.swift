import Foundation

/// A JSON document from a response body, as a closed set of cases (no `Any`).
public indirect enum JSONValue: Sendable, Equatable, Decodable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    /// Parse a body; the error is one line.
    public static func parse(_ bytes: [UInt8]) -> Result<JSONValue, JSONBodyError> {
        guard !bytes.isEmpty else { return .failure(JSONBodyError(message: "the body is empty")) }
        do {
            return .success(try JSONDecoder().decode(JSONValue.self, from: Data(bytes)))
        } catch {
            return .failure(JSONBodyError(message: "the body is not valid JSON"))
        }
    }

    /// Short, for messages: strings quoted and cut at 80 characters, containers summarised.
    public var summary: String {
        switch self {
        case .null: return "null"
        case .bool(let value): return value ? "true" : "false"
        case .number(let value): return NumberText.format(value)
        case .string(let text): return Literal.string(Self.cut(text)).description
        case .array(let items): return "an array of \(items.count)"
        case .object(let fields): return "an object of \(fields.count) key\(fields.count == 1 ? "" : "s")"
        }
    }

    /// Minified JSON, keys sorted (so that the same value always has the same text): what
    /// `pat(…)` matches and `len()` counts for a value that is neither text nor a container.
    public var compactText: String {
        switch self {
        case .null: return "null"
        case .bool(let value): return value ? "true" : "false"
        case .number(let value): return NumberText.format(value)
        case .string(let text): return Self.quoted(text)
        case .array(let items): return "[" + items.map(\.compactText).joined(separator: ",") + "]"
        case .object(let fields):
            return "{" + fields.keys.sorted().map { Self.quoted($0) + ":" + fields[$0]!.compactText }.joined(separator: ",") + "}"
        }
    }

    /// The text a condition reads: a string as it is, anything else as `compactText`.
    var text: String {
        if case .string(let text) = self { return text }
        return compactText
    }

    /// A JSON string literal (also a condition's quoted string: the parser reads the same escapes).
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    static func cut(_ text: String, to limit: Int = 80) -> String {
        text.count > limit ? String(text.prefix(limit)) + "…" : text
    }
}

public struct JSONBodyError: Error, Sendable, Equatable {
    public let message: String
}
