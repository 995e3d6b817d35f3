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

    /// `20261121T090000Z`: an instant as `format` writes it, without `-` and `:` — sorts by
    /// time, safe in file names.
    public static func fileStamp(_ formatted: String) -> String {
        formatted.filter { $0 != "-" && $0 != ":" }
    }

    public static func format(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
