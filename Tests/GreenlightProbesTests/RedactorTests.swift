import GreenlightProbes
import GreenlightTestSupport
import Testing

/// Secrets stay hidden where only part of them comes back: a prefix, an upper-cased copy.
@Suite struct RedactorTests {
    static let token = "sk-live-4f9a2c7e1b8d3a6f"
    let redact = Redactor(variables: ["API_URL", "ADMIN_TOKEN", "PIN"],
                          environment: ["API_URL": "https://api.example.com", "ADMIN_TOKEN": token, "PIN": "1234"],
                          secrets: ["ADMIN_TOKEN", "PIN"])

    @Test(arguments: [
        ("token sk-live-4f9a2c7e1b8d3a6f rejected", "token ${ADMIN_TOKEN} rejected"),
        ("echo: sk-live-4f9a2", "echo: ${ADMIN_TOKEN}"),                       // a 13-character prefix
        ("SK-LIVE-4F9A2C7E1B8D3A6F", "${ADMIN_TOKEN}"),                         // upper-cased
        ("…7e1b8d3a6f…", "…${ADMIN_TOKEN}…"),                                   // a tail of 10
        ("x 4f9a2c7 and 1b8d3a6", "x 4f9a2c7 and 1b8d3a6"),                     // runs of 7 stay
        ("pin 1234 ok", "pin ${PIN} ok"),                                       // short secrets: whole only
        ("GET https://api.example.com/health", "GET ${API_URL}/health"),
        ("see https://api.other.org/x", "see https://api.other.org/x"),       // shares 'https://api.' with a base URL
    ])
    func hides(_ text: String, _ shown: String) {
        #expect(redact(text) == shown)
    }

    @Test func serverEchoingPartsOfTheTokenShowsNone() throws {
        let server = try HTTPTestServer { request in
            let token = request.header("authorization")?.replacingOccurrences(of: "Bearer ", with: "") ?? ""
            return .json(401, "{\"error\":\"bad token \(token.prefix(13))… (\(token.uppercased()))\"}")
        }
        let results = try runProbes("""
            probes:
              - name: admin
                url: BASE/admin
                headers: {Authorization: "Bearer ${ADMIN_TOKEN}"}
                expect: ['[BODY].error == "ok"']
            """, on: server, environment: ["ADMIN_TOKEN": Self.token])
        let message = onlyProblem(results[0])
        #expect(message == "probe 'admin': [BODY].error == \"ok\" failed: got \"bad token ${ADMIN_TOKEN}… (${ADMIN_TOKEN})\"")
        #expect(!message.lowercased().contains("4f9a2c7e"))
    }
}
