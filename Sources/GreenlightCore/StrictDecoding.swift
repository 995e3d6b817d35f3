/// A coding key for any string, to list the keys a mapping actually has.
public struct AnyCodingKey: CodingKey, Sendable {
    public let stringValue: String
    public let intValue: Int?

    public init(stringValue: String) {
        self.stringValue = stringValue
        self.intValue = nil
    }

    public init(intValue: Int) {
        self.stringValue = String(intValue)
        self.intValue = intValue
    }
}

/// Thrown for a key a configuration type does not know; its coding path ends at the key, so
/// the loader can point at the exact line and column.
public struct UnknownKeyError: Error, Sendable {
    public let codingPath: [String]
    public let key: String
    public let known: [String]
}

extension CodingKey {
    /// The key as a step of a dotted path: array positions as plain numbers (decoders name them
    /// `Index 3`), so that errors can be located in the YAML tree.
    public var pathStep: String { intValue.map(String.init) ?? stringValue }
}

extension Decoder {
    /// Fail on any key of this mapping that `Keys` does not declare: a typo in configuration
    /// must be an error, not silently ignored.
    public func rejectUnknownKeys<Keys: CodingKey & CaseIterable>(_ keys: Keys.Type, also extra: Set<String> = []) throws {
        let container = try container(keyedBy: AnyCodingKey.self)
        let known = Keys.allCases.map(\.stringValue) + extra
        for key in container.allKeys where !known.contains(key.stringValue) {
            throw UnknownKeyError(
                codingPath: codingPath.map(\.pathStep),
                key: key.stringValue,
                known: known.sorted()
            )
        }
    }
}

/// A size in bytes, written as a number or with a unit: `1048576`, `512KB`, `1MiB`, `2M`.
public struct ByteSize: Decodable, Sendable, Equatable {
    public let bytes: Int

    public init(bytes: Int) { self.bytes = bytes }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Int.self) {
            guard number > 0 else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "size must be positive")
            }
            self.bytes = number
            return
        }
        let text = try container.decode(String.self)
        guard let bytes = ByteSize.parse(text) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "invalid size '\(text)' (expected bytes, or a number with KB, KiB, MB, MiB)"
            )
        }
        self.bytes = bytes
    }

    static func parse(_ text: String) -> Int? {
        let trimmed = text.trimmingWhitespace
        let digits = trimmed.prefix { $0.isASCII && $0.isNumber }
        guard let value = Int(digits), value > 0 else { return nil }
        let unit = trimmed.dropFirst(digits.count).trimmingWhitespace.lowercased()
        let multipliers: [String: Int] = [
            "": 1, "b": 1, "k": 1024, "kb": 1000, "kib": 1024, "m": 1 << 20, "mb": 1_000_000, "mib": 1 << 20,
            "g": 1 << 30, "gb": 1_000_000_000, "gib": 1 << 30,
        ]
        guard let multiplier = multipliers[unit] else { return nil }
        let (product, overflow) = value.multipliedReportingOverflow(by: multiplier)
        return overflow ? nil : product
    }
}
