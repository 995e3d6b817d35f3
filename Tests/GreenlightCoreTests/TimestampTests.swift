import Foundation
@testable import GreenlightCore
import Testing

/// `Timestamp` converts the common shapes by arithmetic; it must agree with Foundation's
/// ISO 8601 formatter on every instant and every text.
@Suite struct TimestampTests {
    /// Instants from 1601 to 2400 (a fixed pseudo-random walk), leap days and century edges.
    @Test func formatAndParseAgreeWithTheFormatter() {
        let formatter = ISO8601DateFormatter()
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var instants: [Double] = [0, -1, 86_399, 86_400, 951_782_400, 951_868_799, 4_107_542_400, -11_644_473_600, 13_569_465_600]
        for _ in 0..<5_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            instants.append(Double(Int64(bitPattern: state >> 1) % 25_000_000_000) - 11_644_473_600 + 0.75)
        }
        for seconds in instants {
            let date = Date(timeIntervalSince1970: seconds)
            let text = Timestamp.format(date)
            #expect(text == formatter.string(from: date), "\(seconds)")
            #expect(Timestamp.parse(text) == formatter.date(from: text), "\(text)")
        }
    }

    @Test(arguments: [
        "2026-11-21T09:00:00Z", "2026-11-21", "2024-02-29", "2023-02-29", "2026-11-21T09:00:00+02:00",
        "2026-11-21T23:30:00-05:30", "2026-11-21T09:00:00.250Z", "2026-13-01", "2026-11-31T00:00:00Z",
        "2026-11-21T24:00:00Z", "2026-11-21T09:00Z", "2026-11-21 09:00:00Z", "20261121T090000Z", "yesterday", "",
        "2026-11-21T09:00:00z", "2026-11-21T09:00:60Z", "0000-01-01T00:00:00Z", "1599-12-31T23:59:59Z", "1600-03-01T00:00:00Z", "9999-12-31T23:59:59Z",
    ])
    func parseAgreesWithTheFormatter(_ text: String) {
        #expect(Timestamp.parse(text) == Timestamp.formatterParse(text))
    }
}
