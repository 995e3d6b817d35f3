import GreenlightCore
import Testing

struct ProofSettings: ConfigSection {
    static let key = "proof_of_work"
    var staleAfter = "10m"

    init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case staleAfter = "stale_after"
    }

    init(from decoder: Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        staleAfter = try container.decodeIfPresent(String.self, forKey: .staleAfter) ?? "10m"
    }
}

@Suite struct ConfigSectionTests {
    let engine = Engine(rules: [], sections: [ProofSettings.self])

    func load(_ yaml: String) throws -> Config {
        try ConfigLoader.load(yaml: yaml, file: "g.yml", knownRuleIDs: [], sections: engine.sectionKeys)
    }

    @Test func registeredSectionIsDecodedWithDefaults() throws {
        let config = try load("proof_of_work:\n  stale_after: 5m\n")
        let sections = try engine.decodeSections(config)
        #expect((sections["proof_of_work"] as? ProofSettings)?.staleAfter == "5m")
        let defaults = try engine.decodeSections(try load(""))
        #expect((defaults["proof_of_work"] as? ProofSettings)?.staleAfter == "10m")
    }

    @Test func unregisteredSectionIsAnUnknownKey() {
        #expect(throws: ToolError.self) {
            try ConfigLoader.load(yaml: "proof_of_work: {}\n", file: "g.yml", knownRuleIDs: [])
        }
    }

    @Test func badKeyInASectionIsPositioned() throws {
        let config = try load("version: 1\nproof_of_work:\n  stale_afterr: 5m\n")
        do {
            try engine.validate(config)
            Issue.record("expected an error")
        } catch let error as ToolError {
            #expect(error.message.hasPrefix("g.yml:3:3: unknown key 'stale_afterr'"), "\(error.message)")
        }
    }
}

@Suite struct TimeSpanTests {
    @Test func parsesAndPrints() {
        #expect(TimeSpan("10m")?.seconds == 600)
        #expect(TimeSpan("1h30m")?.seconds == 5400)
        #expect(TimeSpan("300ms")?.seconds == 0.3)
        #expect(TimeSpan("7d")?.seconds == 604_800)
        #expect(TimeSpan("2w")?.seconds == 1_209_600)
        #expect(TimeSpan("ten minutes") == nil)
        #expect(TimeSpan("") == nil)
        #expect(TimeSpan("5") == nil)
        #expect(TimeSpan(seconds: 93784).description == "1d 2h")
        #expect(TimeSpan(seconds: 0.85).description == "850ms")
        #expect(TimeSpan(seconds: 840).description == "14m")
    }
}
