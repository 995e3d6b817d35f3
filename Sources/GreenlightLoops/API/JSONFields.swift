import Foundation
import GreenlightProbes

extension JSONValue {
    /// The value at a dotted field name (`examples`, `data.examples`), or nil.
    public func field(_ dotted: String) -> JSONValue? {
        var current = self
        for part in dotted.split(separator: ".") {
            guard case .object(let fields) = current, let next = fields[String(part)] else { return nil }
            current = next
        }
        return current
    }

    public var number: Double? {
        if case .number(let value) = self { return value }
        return nil
    }

    public var string: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    public var array: [JSONValue]? {
        if case .array(let items) = self { return items }
        return nil
    }

    /// A whole number that fits an `Int`.
    public var integer: Int? {
        guard let number, number.rounded() == number, abs(number) < 9e15 else { return nil }
        return Int(number)
    }
}

/// A flat JSON object for request bodies, encoded with sorted keys so the same call gives the
/// same bytes.
public struct RequestBody: Sendable, Equatable {
    public enum Value: Sendable, Equatable, Encodable {
        case string(String)
        case int(Int)

        public func encode(to encoder: Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .string(let text): try container.encode(text)
            case .int(let number): try container.encode(number)
            }
        }
    }

    public var fields: [String: Value]

    public init(_ fields: [String: Value]) {
        self.fields = fields
    }

    public var bytes: [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array((try? encoder.encode(fields)) ?? Data("{}".utf8))
    }

    public var text: String { String(decoding: bytes, as: UTF8.self) }
}
