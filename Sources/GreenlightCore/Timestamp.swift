import Foundation

/// ISO 8601 instants, as `--now` takes them and reports print them (UTC, seconds).
public enum Timestamp {
    /// Parses `2026-11-21T09:00:00Z`, with an offset or fractional seconds, or a bare date
    /// (midnight UTC).
    public static func parse(_ text: String) -> Date? {
        // The common shapes by arithmetic: a formatter's first use loads ICU's calendar data,
        // which costs a short run more than its rules.
        if let instant = CivilTime(text) { return Date(timeIntervalSince1970: TimeInterval(instant.seconds)) }
        return formatterParse(text)
    }

    /// The same, by Foundation's formatter: the shapes arithmetic leaves (fractions, years
    /// before 1600), and the reference a test holds the arithmetic to.
    static func formatterParse(_ text: String) -> Date? {
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

    /// `2026-11-21T09:00:00Z` (seconds truncated).
    public static func format(_ date: Date) -> String {
        let seconds = date.timeIntervalSince1970.rounded(.down)
        if seconds.magnitude < 2.5e11, let text = CivilTime(seconds: Int(seconds)).text { return text }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}

/// A UTC instant as calendar fields, converted by arithmetic: the Gregorian calendar, from
/// 1600 (before its adoption in 1582 a formatter counts Julian days, so earlier years are left
/// to it).
struct CivilTime: Equatable {
    var year, month, day, hour, minute, second: Int

    /// Seconds since 1970-01-01T00:00:00Z.
    var seconds: Int {
        Self.days(year: year, month: month, day: day) * 86_400 + hour * 3_600 + minute * 60 + second
    }

    init(seconds: Int) {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let rest = seconds - days * 86_400
        (hour, minute, second) = (rest / 3_600, rest % 3_600 / 60, rest % 60)
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        day = doy - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM:SS` followed by `Z` or `±HH:MM` (whole seconds):
    /// nil for anything else, which the caller leaves to a formatter.
    init?(_ text: String) {
        let b = Array(text.utf8)
        func number(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= b.count else { return nil }
            var value = 0
            for byte in b[from..<(from + count)] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        func at(_ index: Int, _ char: Character) -> Bool { index < b.count && b[index] == char.asciiValue }
        guard let year = number(0, 4), at(4, "-"), let month = number(5, 2), at(7, "-"), let day = number(8, 2),
              year >= 1_600, (1...12).contains(month), (1...Self.length(ofMonth: month, year: year)).contains(day) else { return nil }
        (self.year, self.month, self.day) = (year, month, day)
        (hour, minute, second) = (0, 0, 0)
        if b.count == 10 { return }
        guard at(10, "T"), let hour = number(11, 2), at(13, ":"), let minute = number(14, 2), at(16, ":"),
              let second = number(17, 2), hour < 24, minute < 60, second < 60 else { return nil }
        var offset = 0
        if b.count == 20 && at(19, "Z") {
            offset = 0
        } else if b.count == 25, at(19, "+") || at(19, "-"), let hours = number(20, 2), at(22, ":"),
                  let minutes = number(23, 2), hours < 24, minutes < 60 {
            offset = (at(19, "+") ? 1 : -1) * (hours * 3_600 + minutes * 60)
        } else {
            return nil
        }
        (self.hour, self.minute, self.second) = (hour, minute, second)
        if offset != 0 { self = CivilTime(seconds: seconds - offset) }
    }

    /// `YYYY-MM-DDTHH:MM:SSZ`, for years 1600…9999.
    var text: String? {
        guard (1_600...9_999).contains(year) else { return nil }
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2))Z"
    }

    static func days(year: Int, month: Int, day: Int) -> Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func length(ofMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
