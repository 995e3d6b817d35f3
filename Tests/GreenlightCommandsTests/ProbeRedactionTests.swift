import Foundation
import GreenlightCommands
import GreenlightCore
import GreenlightReport
import GreenlightTestSupport
import Testing

/// `${NAME}` values never appear in any output, even when the server repeats them back in its
/// body, headers and redirects, or libcurl names them in an error.
@Suite struct ProbeRedactionTests {
    static let token = "tok-7d1c9e-SECRET"
    static let environment = ["API_TOKEN": token, "LOOPBACK": "127.0.0.1"]

    @Test func secretsAreRedactedEverywhere() throws {
        let elsewhere = try HTTPTestServer { _ in .json(200, "{}") }
        let server = try HTTPTestServer { request in
            let token = request.header("authorization")?.replacingOccurrences(of: "Bearer ", with: "") ?? "none"
            if request.path == "/leave" { return .redirect(302, to: elsewhere.url("/x?t=\(token)")) }
            return .json(500, #"{"token":"\#(token)","detail":"bad token \#(token)","echo":\#(request.bodyText.isEmpty ? "null" : request.bodyText)}"#,
                         headers: [("X-Token", token)])
        }
        let yaml = """
            probes:
              - name: echo
                url: BASE/echo?token=${API_TOKEN}
                method: POST
                headers: {Authorization: "Bearer ${API_TOKEN}"}
                body: '{"token":"${API_TOKEN}"}'
                expect:
                  - "[STATUS] == 200"
                  - '[BODY].token == "x"'
                  - '[BODY].echo.token == "y"'
                  - '[HEADER].x-token == "y"'
                  - '[BODY].detail contains "zzz"'
                  - '[BODY] == "whole"'
              - name: leave
                url: BASE/leave
                headers: {Authorization: "Bearer ${API_TOKEN}"}
                expect: ["[STATUS] == 200"]
              - name: host
                url: http://${LOOPBACK}:1/
                expect: ["[STATUS] == 200"]
              - name: load
                url: BASE/echo
                headers: {Authorization: "Bearer ${API_TOKEN}"}
                requests: 4
                concurrency: 2
                expect: ['[BODY].token == "x"', "[ERROR_RATE] < 1%"]
            """.replacingOccurrences(of: "BASE", with: server.baseURL)
        let repo = try GitFixture(files: [".greenlight.yml": yaml])

        var outputs: [(String, String)] = []
        for format in ProbeReportFormat.allCases {
            var command = ProbeCommand()
            command.format = format
            command.recordEvidence = "smoke-\(format.rawValue)"
            let captured = Captured()
            #expect(command.run(captured.console(in: repo.root, environment: Self.environment)) == 1)
            outputs += [("probe \(format)", captured.out), ("probe \(format) stderr", captured.err)]
        }
        for format in ReportFormat.allCases {
            var command = CheckCommand()
            command.format = format
            let captured = Captured()
            #expect(command.run(captured.console(in: repo.root, environment: Self.environment)) == 1)
            outputs += [("check \(format)", captured.out), ("check \(format) stderr", captured.err)]
        }
        let evidence = repo.root + "/.greenlight/evidence"
        for folder in try FileManager.default.contentsOfDirectory(atPath: evidence) {
            for file in try FileManager.default.contentsOfDirectory(atPath: evidence + "/" + folder) {
                outputs.append(("evidence \(file)", try String(contentsOfFile: evidence + "/" + folder + "/" + file, encoding: .utf8)))
            }
        }
        // The history database the checks wrote, read as bytes.
        let history = try Data(contentsOf: URL(fileURLWithPath: repo.root + "/.greenlight/history.sqlite"))
        outputs.append(("history database", String(decoding: history, as: UTF8.self)))
        #expect(outputs.count == 4 + 2 * ReportFormat.allCases.count + 4 + 1,
                "probe outputs, check outputs in every format, 2 records with their attached reports, the history")
        for (name, text) in outputs {
            #expect(!text.contains(Self.token), "\(name) shows the token:\n\(text)")
            #expect(!text.contains("127.0.0.1:1"), "\(name) shows the expanded host:\n\(text)")
        }
        let text = try #require(outputs.first { $0.0 == "probe text" }?.1)
        #expect(text.contains("[BODY].token == \"x\" failed: got \"${API_TOKEN}\""), "\(text)")
        #expect(text.contains("[BODY].echo.token == \"y\" failed: got \"${API_TOKEN}\""), "\(text)")
        #expect(text.contains("[HEADER].x-token == \"y\" failed: got \"${API_TOKEN}\""), "\(text)")
        #expect(text.contains("[BODY].detail contains \"zzz\" failed: got \"bad token ${API_TOKEN}\""), "\(text)")
        // Every value is redacted in text from the network, the loopback address included.
        #expect(text.contains("(redirect to another host not followed: http://${LOOPBACK}:\(elsewhere.port)/x?t=${API_TOKEN})"), "\(text)")
        #expect(text.contains("Failed to connect to ${LOOPBACK} port 1"), "\(text)")
        #expect(text.contains("GET http://${LOOPBACK}:1/"), "\(text)")
        #expect(text.contains("POST \(server.baseURL)/echo?token=${API_TOKEN}"), "\(text)")
    }
}
