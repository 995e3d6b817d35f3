import Foundation
import GreenlightCore
import GreenlightRules
import Testing

@Suite struct ActiveHoursTests {
    func date(_ text: String) -> Date { Timestamp.parse(text)! }

    @Test func parsesDaysWindowsAndZones() throws {
        let weekdays = try ActiveHours("Mon-Fri 08:00-20:00 UTC")
        #expect(weekdays.days == [2, 3, 4, 5, 6])
        #expect(weekdays.start == 480 && weekdays.end == 1200)
        #expect(try ActiveHours("Fri-Mon 22:00-06:00").days == [6, 7, 1, 2])
        #expect(try ActiveHours("mon,wed,Friday 09:00-24:00 +05:30").zone.secondsFromGMT() == 19800)
        #expect(try ActiveHours("daily 00:00-12:00 UTC-03").zone.secondsFromGMT() == -10800)
        #expect(try ActiveHours("Mon-Fri 08:00-20:00 Europe/Berlin").zone.identifier == "Europe/Berlin")
    }

    @Test(arguments: [
        ("Mon-Fry 08:00-20:00 UTC", "unknown day 'Fry' at character 5"),
        ("Mon-Fri 8:00-20:00 UTC", "invalid time '8:00' (expected HH:MM) at character 9"),
        ("Mon-Fri 08:00-20:60 UTC", "invalid time '20:60' (expected HH:MM) at character 15"),
        ("Mon-Fri 08:00 UTC", "hours '08:00' need a start and an end, like 08:00-20:00 at character 9"),
        ("Mon-Fri 08:00-08:00", "hours '08:00-08:00' start and end at the same time at character 9"),
        ("Mon-Fri 08:00-20:00 Mars/Olympus", "unknown time zone 'Mars/Olympus' at character 21"),
        ("Mon-Fri 08:00-20:00 UTC extra", "unexpected 'extra' at character 25"),
        ("Mon-Fri", "missing days or hours"),
        ("Mon,,Fri 08:00-20:00", "missing day at character 5"),
    ])
    func malformedSpecsSayWhereAndWhat(spec: String, expected: String) {
        do {
            _ = try ActiveHours(spec)
            Issue.record("\(spec) parsed")
        } catch {
            #expect("\(error)".hasPrefix(expected), "\(error)")
        }
    }

    @Test func activeSecondsCountOnlyActiveHours() throws {
        let hours = try ActiveHours("Mon-Fri 08:00-20:00 UTC")
        // Friday 19:58 to Monday 08:05: 2 minutes on Friday, 5 on Monday.
        #expect(hours.activeSeconds(from: date("2026-10-30T19:58:00Z"), to: date("2026-11-02T08:05:00Z")) == 420)
        #expect(hours.activeSeconds(from: date("2026-11-01T10:00:00Z"), to: date("2026-11-01T18:00:00Z")) == 0)  // Sunday
        #expect(hours.activeSeconds(from: date("2026-11-02T09:00:00Z"), to: date("2026-11-02T08:00:00Z")) == 0)  // reversed
        #expect(hours.contains(date("2026-11-02T08:00:30Z")))
        #expect(!hours.contains(date("2026-11-02T20:00:30Z")))
        let overnight = try ActiveHours("Mon 22:00-06:00 UTC")
        #expect(overnight.activeSeconds(from: date("2026-11-02T00:00:00Z"), to: date("2026-11-04T00:00:00Z")) == 8 * 3600)
        // Years of silence: a bounded loop, saturating at 400 days.
        let always = try ActiveHours("daily 00:00-24:00")
        #expect(always.activeSeconds(from: date("2016-01-01T00:00:00Z"), to: date("2026-01-01T00:00:00Z")) == 400 * 86400)
    }
}

@Suite struct ProofOfWorkSectionTests {
    let engine = RuleCatalog.engine

    func decode(_ yaml: String) throws -> ProofOfWorkSection {
        let config = try ConfigLoader.load(yaml: yaml, file: "g.yml", knownRuleIDs: engine.ruleIDs, sections: engine.sectionKeys)
        return try #require(try engine.decodeSections(config)[ProofOfWorkSection.key] as? ProofOfWorkSection)
    }

    func error(_ yaml: String) -> String {
        do {
            _ = try decode(yaml)
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    @Test func defaultsAndValues() throws {
        let defaults = try decode("")
        #expect(defaults.logs.map(\.pattern) == ["feedback/*.md"])
        #expect(defaults.staleAfter.seconds == 600 && defaults.grace.seconds == 0 && defaults.activeHours == nil)
        #expect(defaults.blockersLog == "blockers-log.md")
        #expect(defaults.expectedLog(of: "rag") == "feedback/rag.md")
        let set = try decode("""
            proof_of_work:
              logs: ["agents/*/log.md", "notes/**"]
              stale_after: 5m
              grace: 2m
              active_hours: Mon-Fri 08:00-20:00 UTC
              blockers_log: ops/blockers.md
              ignore: [qa]
              agents: [rag]
              commit_author: "Ops Bot <ops@example.com>"
            """)
        #expect(set.staleAfter.seconds == 300 && set.grace.seconds == 120)
        #expect(set.isLog("agents/rag/log.md") && set.isLog("notes/a/b.md") && !set.isLog("ops/blockers.md"))
        #expect(set.expectedLog(of: "rag") == "agents/rag/log.md")
        #expect(set.commitAuthor == CommitAuthor(name: "Ops Bot", email: "ops@example.com"))
    }

    @Test func errorsArePositioned() {
        #expect(error("proof_of_work:\n  stale_afterr: 5m\n").hasPrefix("g.yml:2:3: unknown key 'stale_afterr' (expected active_hours, agents,"))
        #expect(error("proof_of_work:\n  stale_after: soon\n").hasPrefix("g.yml:2:16: invalid duration 'soon'"))
        #expect(error("proof_of_work:\n  stale_after: 0m\n").hasPrefix("g.yml:2:16: stale_after must be longer than 0"))
        #expect(error("proof_of_work:\n  active_hours: Mon-Fri 25:00-26:00\n")
            .hasPrefix("g.yml:2:17: invalid active_hours 'Mon-Fri 25:00-26:00': invalid time '25:00' (expected HH:MM) at character 9"))
        #expect(error("proof_of_work:\n  logs: []\n").hasPrefix("g.yml:2:9: logs must list at least one glob"))
        #expect(error("proof_of_work:\n  logs: [\"a/[\"]\n").hasPrefix("g.yml:2:10: invalid glob"))
        #expect(error("proof_of_work:\n  blockers_log: /etc/x\n").hasPrefix("g.yml:2:17: blockers_log must be a path inside the repository"))
        #expect(error("proof_of_work:\n  commit_author: ops\n").hasPrefix("g.yml:2:18: commit_author must read 'Name <email>'"))
    }
}
