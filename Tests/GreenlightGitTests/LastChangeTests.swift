import Foundation
import GreenlightCore
import GreenlightGit
import GreenlightTestSupport
import Testing

/// A small deterministic random source for generated histories.
struct SplitMix {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}

/// `lastChanges` must agree with `git log -1 --format=%H -- PATH` for every path.
@Suite struct LastChangeTests {
    static let paths = ["feedback/a.md", "feedback/b.md", "feedback/deep/c.md", "d.md", "feedback/never.md"]

    func cli(_ fixture: GitFixture, _ path: String, from rev: String = "HEAD") throws -> String? {
        let out = try fixture.git("log", "-1", "--format=%H", rev, "--", path).trimmingCharacters(in: .whitespacesAndNewlines)
        return out.isEmpty ? nil : out
    }

    func walk(_ fixture: GitFixture, from rev: String = "HEAD") throws -> [String: LastChange] {
        let repository = try GitRepository(discovering: fixture.root)
        let head = try fixture.git("rev-parse", rev).trimmingCharacters(in: .whitespacesAndNewlines)
        return try repository.lastChanges(of: Self.paths, from: head)
    }

    func expectAgreement(_ fixture: GitFixture, from rev: String = "HEAD", _ note: String,
                         sourceLocation: SourceLocation = #_sourceLocation) throws {
        let found = try walk(fixture, from: rev)
        for path in Self.paths {
            let expected = try cli(fixture, path, from: rev)
            #expect(found[path]?.stamp?.id == expected, "\(note): \(path)", sourceLocation: sourceLocation)
        }
    }

    @Test func linearHistoryEqualDatesAndDeletion() throws {
        let fixture = try GitFixture()
        try fixture.write("feedback/a.md", "1\n")
        try fixture.write("d.md", "x\n")
        let first = try fixture.commitAll("one")
        try fixture.write("feedback/b.md", "1\n")
        let second = try fixture.commitAll("two")
        try fixture.write("other.txt", "1\n")
        try fixture.commitAll("three")
        try fixture.remove("d.md")
        let fourth = try fixture.commitAll("four")
        let found = try walk(fixture)
        #expect(found["feedback/a.md"] == .changed(CommitStamp(id: first, time: Timestamp.parse("2026-11-01T12:00:00Z")!), parent: nil))
        #expect(found["feedback/b.md"]?.stamp?.id == second)
        #expect(found["d.md"]?.stamp?.id == fourth)
        #expect(found["feedback/never.md"] == .never(cutOff: false))
        try expectAgreement(fixture, "linear")
    }

    @Test func modeChangeIsAChange() throws {
        let fixture = try GitFixture()
        try fixture.write("d.md", "x\n")
        try fixture.commitAll("one")
        try fixture.git("update-index", "--chmod=+x", "d.md")
        try fixture.git("commit", "-q", "-m", "chmod")
        try expectAgreement(fixture, "chmod")
    }

    @Test(arguments: 0..<16)
    func randomHistoriesWithMergesAgreeWithGit(seed: Int) throws {
        var random = SplitMix(state: UInt64(seed) &* 7919 &+ 1)
        let fixture = try GitFixture()
        var branches = ["main"]
        var current = "main"
        var step = 0
        func date() -> String {
            step += 1
            // Mostly increasing, sometimes equal, sometimes out of order.
            let base = 1_793_534_400 + step * 60
            let offset = [0, 0, 0, -600, 600, -60 * step][random.below(6)]
            let seconds = random.below(5) == 0 ? 1_793_534_400 : base + offset
            return Timestamp.format(Date(timeIntervalSince1970: TimeInterval(seconds)))
        }
        func edit() throws {
            for path in Self.paths.dropLast() where random.below(3) == 0 {
                if random.below(6) == 0, FileManager.default.fileExists(atPath: fixture.root + "/" + path) {
                    try fixture.remove(path)
                } else {
                    try fixture.write(path, "\(path) \(random.below(4))\n")
                }
            }
            try fixture.write("noise.txt", "\(random.next())\n")
        }
        try edit()
        try fixture.commitAll("root", date: date())
        for number in 0..<36 {
            switch random.below(10) {
            case 0:
                let name = "b\(number)"
                try fixture.git("checkout", "-q", "-b", name)
                branches.append(name)
                current = name
            case 1, 2:
                let target = branches[random.below(branches.count)]
                if target != current {
                    try fixture.git("checkout", "-q", target)
                    current = target
                }
            case 3, 4:
                let other = branches[random.below(branches.count)]
                guard other != current else { fallthrough }
                try fixture.git("merge", "-q", "--no-ff", "--no-commit", "-s", "ours", other)
                // Each path: ours, theirs, or new content — TREESAME to either parent, or to none.
                for path in Self.paths.dropLast() {
                    switch random.below(3) {
                    case 0: break
                    case 1:
                        if (try? fixture.git("cat-file", "-e", "\(other):\(path)")) != nil {
                            try fixture.git("checkout", other, "--", path)
                        } else if FileManager.default.fileExists(atPath: fixture.root + "/" + path) {
                            try fixture.git("rm", "-q", path)
                        }
                    default:
                        if random.below(2) == 0 { try fixture.write(path, "merged \(random.below(3))\n") }
                    }
                }
                try fixture.commitAll("merge \(other) into \(current)", date: date())
            default:
                try edit()
                try fixture.commitAll("work \(number)", date: date())
            }
        }
        try fixture.git("checkout", "-q", "main")
        try expectAgreement(fixture, "seed \(seed) main")
        for branch in branches.dropFirst() {
            try expectAgreement(fixture, from: branch, "seed \(seed) \(branch)")
        }
    }

    @Test func detachedHeadWalksFromTheDetachedCommit() throws {
        let fixture = try GitFixture()
        try fixture.write("feedback/a.md", "1\n")
        let first = try fixture.commitAll("one")
        try fixture.write("feedback/a.md", "2\n")
        try fixture.commitAll("two")
        try fixture.git("checkout", "-q", "--detach", first)
        #expect(try walk(fixture)["feedback/a.md"]?.stamp?.id == first)
    }

    @Test func shallowCloneSaysTheHistoryIsCutOff() throws {
        let fixture = try GitFixture()
        try fixture.write("feedback/a.md", "1\n")
        try fixture.write("feedback/b.md", "1\n")
        try fixture.commitAll("one", date: "2026-11-01T09:00:00Z")
        try fixture.write("noise.txt", "2\n")
        try fixture.commitAll("two", date: "2026-11-01T10:00:00Z")
        try fixture.write("feedback/b.md", "3\n")
        try fixture.commitAll("three", date: "2026-11-01T11:00:00Z")
        try fixture.write("noise.txt", "4\n")
        try fixture.commitAll("four", date: "2026-11-01T12:00:00Z")
        let clone = fixture.container + "/shallow"
        try fixture.run(["clone", "-q", "--depth", "3", "file://" + fixture.root, clone], in: fixture.container)
        let repository = try GitRepository(discovering: clone)
        #expect(repository.isShallow)
        let head = try #require(repository.headCommit)
        let found = try repository.lastChanges(of: Self.paths, from: head)
        // b.md changed inside the fetched history; a.md did not, so all we know is "before the cut".
        #expect(found["feedback/b.md"]?.stamp?.time == Timestamp.parse("2026-11-01T11:00:00Z"))
        guard case .changed = found["feedback/b.md"] else { Issue.record("b.md: \(String(describing: found["feedback/b.md"]))"); return }
        guard case .unchangedSinceCutOff(let boundary) = found["feedback/a.md"] else {
            Issue.record("a.md: \(String(describing: found["feedback/a.md"]))"); return
        }
        #expect(boundary.time == Timestamp.parse("2026-11-01T10:00:00Z"))
        #expect(found["feedback/never.md"] == .never(cutOff: true))
    }

    @Test func addedLinesAreWhatTheCommitAdded() throws {
        let fixture = try GitFixture()
        try fixture.write("feedback/a.md", "# a\n- one\n")
        let first = try fixture.commitAll("one")
        try fixture.write("feedback/a.md", "# a\n- one\n- two `x.ts`\n\n- three\n")
        let second = try fixture.commitAll("two")
        let repository = try GitRepository(discovering: fixture.root)
        #expect(try repository.addedLines(to: "feedback/a.md", in: second, comparedTo: first) == [
            AddedLine(line: 3, text: "- two `x.ts`"), AddedLine(line: 4, text: ""), AddedLine(line: 5, text: "- three"),
        ])
        #expect(try repository.addedLines(to: "feedback/a.md", in: first, comparedTo: nil).map(\.line) == [1, 2])
        let current = Array("# a\n- one\n- two `x.ts`\n\n- three\n- four\n".utf8)
        #expect(try repository.addedLines(to: "feedback/a.md", since: second, current: current) == [AddedLine(line: 6, text: "- four")])
        #expect(try repository.addedLines(to: "feedback/new.md", since: second, current: []) == [])
        #expect(try repository.addedLines(to: "feedback/new.md", since: nil, current: Array("x\n".utf8)) == [AddedLine(line: 1, text: "x")])
    }
}
