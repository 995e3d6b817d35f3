import Foundation

/// When agents are expected to work, e.g. `Mon-Fri 08:00-20:00 UTC`: days (a range like
/// `Mon-Fri` or `Fri-Mon`, a list like `Mon,Wed,Fri`, or `daily`), a time window (`22:00-06:00`
/// runs past midnight into the next day; `24:00` ends a day) and a zone (`UTC`, `UTC+02:00`,
/// `+05:30` or an IANA name such as `Europe/Berlin`; UTC when omitted). Outside these hours the
/// clock of staleness stops.
public struct ActiveHours: Sendable, Equatable, CustomStringConvertible {
    public let text: String
    /// Weekdays as `Calendar` numbers them: 1 = Sunday … 7 = Saturday.
    public let days: Set<Int>
    /// Minutes after midnight.
    public let start: Int
    public let end: Int
    public let zone: TimeZone

    /// A malformed spec: what is wrong and at which character (1-based) of the text.
    public struct SyntaxError: Error, Sendable, CustomStringConvertible {
        public let column: Int
        public let reason: String
        public var description: String {
            "\(reason) at character \(column) (expected e.g. 'Mon-Fri 08:00-20:00 UTC')"
        }
    }

    static let dayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]

    public var description: String { text }

    public init(_ text: String) throws {
        self.text = text
        var words: [(text: Substring, column: Int)] = []
        var column = 1
        var current: (Substring.Index, Int)?
        for index in text.indices {
            if text[index] == " " || text[index] == "\t" {
                if let (start, startColumn) = current { words.append((text[start..<index], startColumn)) }
                current = nil
            } else if current == nil {
                current = (index, column)
            }
            column += 1
        }
        if let (start, startColumn) = current { words.append((text[start...], startColumn)) }
        guard words.count == 2 || words.count == 3 else {
            throw SyntaxError(column: words.count > 3 ? words[3].column : max(column, 1),
                              reason: words.count > 3 ? "unexpected '\(words[3].text)'" : "missing days or hours")
        }
        days = try ActiveHours.parseDays(words[0].text, column: words[0].column)
        (start, end) = try ActiveHours.parseWindow(words[1].text, column: words[1].column)
        zone = words.count == 3 ? try ActiveHours.parseZone(words[2].text, column: words[2].column) : TimeZone(secondsFromGMT: 0)!
    }

    private static func parseDays(_ text: Substring, column: Int) throws -> Set<Int> {
        let lowered = text.lowercased()
        if ["daily", "everyday", "mon-sun", "sun-sat"].contains(lowered) { return Set(1...7) }
        var days: Set<Int> = []
        var offset = 0
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let ends = part.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
            let first = try day(ends[0], column: column + offset)
            if ends.count == 2 {
                let last = try day(ends[1], column: column + offset + ends[0].count + 1)
                var day = first
                while true {
                    days.insert(day)
                    if day == last { break }
                    day = day % 7 + 1
                }
            } else {
                days.insert(first)
            }
            offset += part.count + 1
        }
        return days
    }

    private static func day(_ text: Substring, column: Int) throws -> Int {
        let name = text.lowercased()
        guard name.count >= 3, let index = dayNames.firstIndex(where: { name.hasPrefix($0) }),
              ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"][index].hasPrefix(name) else {
            throw SyntaxError(column: column, reason: text.isEmpty ? "missing day" : "unknown day '\(text)'")
        }
        return index + 1
    }

    private static func parseWindow(_ text: Substring, column: Int) throws -> (Int, Int) {
        let ends = text.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        guard ends.count == 2 else { throw SyntaxError(column: column, reason: "hours '\(text)' need a start and an end, like 08:00-20:00") }
        let start = try minutes(ends[0], column: column, allowMidnightEnd: false)
        let end = try minutes(ends[1], column: column + ends[0].count + 1, allowMidnightEnd: true)
        guard start != end else { throw SyntaxError(column: column, reason: "hours '\(text)' start and end at the same time") }
        return (start, end)
    }

    private static func minutes(_ text: Substring, column: Int, allowMidnightEnd: Bool) throws -> Int {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let hours = Int(parts[0]), let minutes = Int(parts[1]), minutes < 60,
              hours < 24 || (allowMidnightEnd && hours == 24 && minutes == 0) else {
            throw SyntaxError(column: column, reason: "invalid time '\(text)' (expected HH:MM)")
        }
        return hours * 60 + minutes
    }

    private static func parseZone(_ text: Substring, column: Int) throws -> TimeZone {
        var rest = text.uppercased()[...]
        if rest == "UTC" || rest == "GMT" || rest == "Z" { return TimeZone(secondsFromGMT: 0)! }
        if rest.hasPrefix("UTC") || rest.hasPrefix("GMT") { rest = rest.dropFirst(3) }
        if let sign = rest.first, sign == "+" || sign == "-" {
            let digits = rest.dropFirst().split(separator: ":", omittingEmptySubsequences: false)
            if (1...2).contains(digits.count), digits.allSatisfy({ (1...2).contains($0.count) && $0.allSatisfy(\.isNumber) }),
               let hours = Int(digits[0]), hours <= 14, let minutes = Int(digits.count == 2 ? digits[1] : "0"), minutes < 60,
               let zone = TimeZone(secondsFromGMT: (sign == "-" ? -1 : 1) * (hours * 3600 + minutes * 60)) {
                return zone
            }
        } else if text.contains("/"), let zone = TimeZone(identifier: String(text)) {
            return zone
        }
        throw SyntaxError(column: column, reason: "unknown time zone '\(text)'")
    }

    private var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar
    }

    /// The active windows of the day that starts at `midnight` (none on an inactive weekday).
    private func window(startingAt midnight: Date, calendar: Calendar) -> ClosedRange<Date>? {
        guard days.contains(calendar.component(.weekday, from: midnight)) else { return nil }
        let endDay = end > start ? 0 : 1
        guard let from = calendar.date(byAdding: .minute, value: start, to: midnight),
              let nextDay = calendar.date(byAdding: .day, value: endDay, to: midnight),
              let to = calendar.date(byAdding: .minute, value: end, to: nextDay), from < to else { return nil }
        return from...to
    }

    /// Whether `date` falls in active hours.
    public func contains(_ date: Date) -> Bool {
        activeSeconds(from: date.addingTimeInterval(-1), to: date) > 0
    }

    /// The active seconds between two instants (0 when `to` is not after `from`). Only the last
    /// 400 days before `to` are counted, so a log silent for years costs a bounded loop.
    public func activeSeconds(from: Date, to: Date) -> TimeInterval {
        guard to > from else { return 0 }
        let from = max(from, to.addingTimeInterval(-400 * 86400))
        let calendar = self.calendar
        guard var day = calendar.date(byAdding: .day, value: -1, to: calendar.startOfDay(for: from)) else { return 0 }
        var total: TimeInterval = 0
        for _ in 0..<403 where day <= to {
            if let window = window(startingAt: day, calendar: calendar) {
                let overlap = min(window.upperBound, to).timeIntervalSince(max(window.lowerBound, from))
                if overlap > 0 { total += overlap }
            }
            guard let next = calendar.date(byAdding: .day, value: 1, to: day) else { break }
            day = next
        }
        return total
    }
}
