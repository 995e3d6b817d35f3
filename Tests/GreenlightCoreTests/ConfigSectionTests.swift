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
