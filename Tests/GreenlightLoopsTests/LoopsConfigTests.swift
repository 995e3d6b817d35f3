import GreenlightCore
import GreenlightLoops
import Testing

/// `loops:` through the real loader and engine: defaults, overrides, and positioned errors.
@Suite("loops: configuration")
struct LoopsConfigTests {
    func section(_ yaml: String) throws -> LoopsSection {
        let engine = Engine(rules: [], sections: [LoopsSection.self])
        let config = try ConfigLoader.load(yaml: yaml, file: ".greenlight.yml", knownRuleIDs: [], sections: engine.sectionKeys)
        return try engine.decodeSections(config)[LoopsSection.key] as? LoopsSection ?? LoopsSection()
    }

    func error(_ yaml: String) -> String {
        do {
            _ = try section(yaml)
            return "no error"
        } catch let error as ToolError {
            #expect(error.kind == .usage)
            return error.message
        } catch {
            return "\(error)"
        }
    }

    @Test func defaultsMatchTheContract() throws {
        let loops = try section("version: 1\n")
        #expect(loops.api.paths.prompt == "/api/prompts/{name}")
        #expect(loops.api.urlVariable == "API_URL" && loops.api.adminKeyVariable == "ADMIN_API_KEY")
        #expect(loops.promotion.ladder == [0, 10, 50, 100])
        #expect(loops.promotion.promptsVariable == "PROMOTION_PROMPT_NAMES")
        #expect(loops.flywheel.evidence == "flywheel" && loops.promotion.evidence == "prompt-promotion")
    }

    @Test func everythingIsOverridable() throws {
        let loops = try section("""
            loops:
              api:
                url_variable: STAGING_URL
                key_variable: STAGING_KEY
                admin_key_variable: STAGING_ADMIN
                timeout: 10s
                retries: 4
                backoff: 250ms
                max_backoff: 5s
                paths: {few_shot_build: /v2/few-shot, rollout: "/v2/prompts/{name}/traffic"}
                fields: {few_shot_examples: data.examples, score: quality}
              flywheel: {min_few_shot_examples: 0, max_users_per_run: 50, per_user_fallback: false, evidence: weekly-flywheel}
              promotion:
                ladder: [0, 5, 25, 100]
                min_samples: 1000
                tolerance: 0.01
                max_error_rate: 2%
                min_dwell: 12h
                rollback_margin: 0.03
                rollback_error_rate: 0.04
                prompts_variable: PROMPTS
            """)
        #expect(loops.api.urlVariable == "STAGING_URL" && loops.api.timeout == 10 && loops.api.retries == 4)
        #expect(loops.api.backoff == 0.25 && loops.api.maxBackoff == 5)
        #expect(loops.api.paths.fewShotBuild == "/v2/few-shot" && loops.api.paths.rollout == "/v2/prompts/{name}/traffic")
        #expect(loops.api.paths.health == "/health")
        #expect(loops.api.fields.fewShotExamples == "data.examples" && loops.api.fields.score == "quality")
        #expect(loops.flywheel == {
            var settings = FlywheelSettings()
            settings.minFewShotExamples = 0
            settings.maxUsersPerRun = 50
            settings.perUserFallback = false
            settings.evidence = "weekly-flywheel"
            return settings
        }())
        #expect(loops.promotion.ladder == [0, 5, 25, 100] && loops.promotion.minSamples == 1000)
        #expect(loops.promotion.maxErrorRate == 0.02 && loops.promotion.minDwell == 43_200)
        #expect(loops.promotion.promptsVariable == "PROMPTS")
    }

    @Test(arguments: [
        ("loops:\n  apii: {}\n", ".greenlight.yml:2:3: unknown key 'apii' (expected api, flywheel, promotion) (in loops)"),
        ("loops:\n  api:\n    paths: {prompts: /x}\n", ".greenlight.yml:3:13: unknown key 'prompts' in api.paths (expected few_shot_build, health, infer_all, infer_user, moat_health, prompt, rollout, users) (in loops)"),
        ("loops:\n  api:\n    paths: {moat_health: 'https://evil.example/x'}\n",
         ".greenlight.yml:3:26: path 'https://evil.example/x' must start with a single '/' (a path under the API's base URL, not a URL)"),
        ("loops:\n  api:\n    paths: {moat_health: //evil.example/x}\n", "must start with a single '/'"),
        ("loops:\n  api:\n    paths: {prompt: /api/prompts}\n", "path '/api/prompts' must contain {name} exactly once"),
        ("loops:\n  api:\n    paths: {health: '/api/../admin'}\n", "must not contain '.' or '..' segments"),
        ("loops:\n  api:\n    fields: {rollout_percent_body: a.b}\n", "is written in a request body"),
        ("loops:\n  api:\n    retries: 11\n", "retries must be between 0 and 10"),
        ("loops:\n  api:\n    key_variable: 'API KEY'\n", "'API KEY' is not an environment variable name"),
        ("loops:\n  api:\n    key_variable: ADMIN_API_KEY\n", "must be three different names"),
        ("loops:\n  promotion:\n    ladder: [0, 50, 10, 100]\n", ".greenlight.yml:3:13: ladder must be strictly increasing"),
        ("loops:\n  promotion:\n    ladder: [10, 50, 100]\n", "ladder must start at 0 and end at 100"),
        ("loops:\n  promotion:\n    tolerance: 0.1\n", "rollback_margin (0.05) must be at least tolerance (0.1)"),
        ("loops:\n  promotion:\n    max_error_rate: 150%\n", "expected a rate from 0 to 1"),
        ("loops:\n  promotion:\n    min_dwell: soon\n", "invalid duration 'soon'"),
        ("loops:\n  flywheel:\n    max_users_per_run: 0\n", "max_users_per_run must be between 1 and 1000000"),
        ("loops:\n  flywheel:\n    evidence: ../x\n", "invalid evidence name '../x'"),
    ])
    func mistakesAreConfigurationErrors(yaml: String, expected: String) {
        let message = error(yaml)
        #expect(message.contains(expected), "\(message)")
    }
}
