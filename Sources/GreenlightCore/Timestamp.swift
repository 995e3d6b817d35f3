import Foundation

/// ISO 8601 instants, as `--now` takes them and reports print them (UTC, seconds).
public enum Timestamp {
    /// Parses `2026-11-21T09:00:00Z`, with an offset or fractional seconds, or a bare date
    /// (midnight UTC).
    public static func parse(_ text: String) -> Date? {
        let full = ISO8601DateFormatter()
        if let date = full.date(from: text) { return date }
        full.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = full.date(from: text) { return date }
        let day = ISO8601DateFormatter()
        day.formatOptions = [.withFullDate]
        return day.date(from: text)
    }

    public static func format(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
