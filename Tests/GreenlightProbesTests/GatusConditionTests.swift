import Foundation
import GreenlightCore
import GreenlightProbes
import GreenlightTestSupport
import Testing

/// Conditions as Gatus writes them, each passing and failing against a real server on
/// 127.0.0.1 — and the differences kept on purpose.
@Suite struct GatusConditionTests {
    let server: HTTPTestServer

    init() throws {
        server = try HTTPTestServer { request in
            switch request.path {
            case "/user": return .json(200, #"{"name":"john.doe","age":18,"adult":true,"id":18,"status":200,"user":{"firstName":"john","lastName":"doe"}}"#)
            case "/hex": return .json(200, #"{"data":"0xC0ff33","octal":"0o17","binary":"0b0010","balance":"123.40000000000005","ratio":0.5}"#)
            case "/array": return .json(200, #"[{"age":18,"adult":true},{"id":2},{"id":3}]"#)
            case "/number": return .text(200, "123\n")
            case "/html": return .text(200, #"<html><body><div id="user">john.doe</div></body></html>"#)
            case "/missing": return .text(404, "")
            case "/empty": return .text(200, "")
            default: return .text(500, "")
            }
        }
    }

    @Test(arguments: [
        // unquoted words are strings where the subject is text
        ("/user", "[BODY].name == john.doe", true),
        ("/user", "[BODY].name == jane.doe", false),
        ("/user", "[BODY].user.firstName != doe", true),
        // the right-hand side and both sides may be placeholders; value-first is mirrored
        ("/user", "[BODY].age == [BODY].id", true),
        ("/user", "[BODY].user.firstName == [BODY].user.lastName", false),
        ("/user", "[STATUS] == [BODY].status", true),
        ("/user", "[BODY].age < [BODY].status", true),
        ("/user", "any(200, 429) == [STATUS]", true),
        ("/missing", "any(200, 429) == [STATUS]", false),
        ("/missing", "500 > [STATUS]", true),
        // pat(): shell-style patterns on the value's text
        ("/user", "[BODY].name == pat(john*)", true),
        ("/user", "[BODY].name == pat(bob*)", false),
        ("/user", "[BODY].name != pat(bob*)", true),
        ("/user", "[BODY].name == pat(j?hn.[d-f]oe)", true),
        ("/missing", "[STATUS] == pat(4*)", true),
        ("/user", "[STATUS] == pat(4*)", false),
        ("/html", #"[BODY] == pat(*<div id="user">john.doe</div>*)"#, true),
        ("/html", #"pat(*<div id="user">jane.doe</div>*) == [BODY]"#, false),
        // any() and in, and their negations
        ("/user", "[BODY].name == any(john.doe, jane.doe)", true),
        ("/user", "[BODY].name != any(john.doe, jane.doe)", false),
        ("/missing", "[STATUS] != any(200, 201)", true),
        ("/missing", "[STATUS] not in (404, 410)", false),
        ("/user", "[STATUS] not in (404, 410)", true),
        // numbers spelled in strings compare as numbers (Go's 0x, 0o, 0b too); floats exactly
        ("/hex", "[BODY].data == 12648243", true),
        ("/hex", "[BODY].data == 0xC0FF33", true),
        ("/hex", "[BODY].octal == 15", true),
        ("/hex", "[BODY].binary == 2", true),
        ("/hex", "[BODY].balance > 100", true),
        ("/hex", "[BODY].balance == 123.40000000000005", true),
        ("/hex", "[BODY].balance == \"123.40000000000005\"", true),
        ("/hex", "[BODY].ratio > 0", true),
        ("/hex", "len([BODY].data) == 8", true),
        // the raw body: trimmed, a number when it spells one
        ("/number", "[BODY] == 123", true),
        ("/number", "[BODY] < 124", true),
        ("/number", "[BODY] > 123", false),
        ("/html", "[BODY] == 1", false),
        // len() and has() on every placeholder
        ("/array", "len([BODY]) == 3", true),
        ("/number", "len([BODY]) == 3", true),
        ("/user", "len([BODY].age) == 2", true),
        ("/user", "len([BODY].adult) == 4", true),
        ("/array", "len([BODY][0]) == 2", true),
        ("/user", "len([STATUS]) == 3", true),
        ("/user", "has([BODY]) == true", true),
        ("/empty", "has([BODY]) == false", true),
        ("/user", "has([IP]) == true", true),
        ("/user", "has([HEADER].x-missing) == false", true),
        // [IP], names in any case, plain numbers as milliseconds
        ("/user", "[IP] == 127.0.0.1", true),
        ("/user", "[IP] == pat(127.*)", true),
        ("/user", "[IP] == pat(10.*)", false),
        ("/user", "[status] == 200", true),
        ("/user", "[Response_Time] < 5000", true),
        ("/user", "[RESPONSE_TIME] > 5000", false),
    ])
    func conditionAsGatusWritesIt(_ path: String, _ condition: String, _ passes: Bool) throws {
        let escaped = condition.replacingOccurrences(of: "'", with: "''")
        let results = try runProbes("""
            probes:
              - name: gatus
                url: BASE\(path)
                expect: ['\(escaped)']
            """, on: server)
        let result = try #require(results.first)
        #expect(result.passed == passes, "\(condition): \(result.problems.map(\.message))")
    }

    @Test func connectedMeansAResponseArrived() throws {
        let closed = try HTTPTestServer.closedPort()
        let results = try runProbes("""
            probes:
              - name: refused
                url: http://127.0.0.1:\(closed)/
                connect_timeout: 2s
                expect: ["[CONNECTED] == true"]
              - name: expected-down
                url: http://127.0.0.1:\(closed)/
                connect_timeout: 2s
                expect: ["[CONNECTED] == false"]
            """, on: server)
        #expect(!results[0].passed)
        #expect(results[0].conditions[0].actual == "false")
        #expect(results[1].passed, "a probe that expects the port closed decides on [CONNECTED] alone")
    }

    @Test func domainExpirationFromRDAP() throws {
        let now = try #require(Timestamp.parse("2026-12-07T12:00:00Z"))
        let rdap = try HTTPTestServer { request in
            switch request.path {
            case "/rdap/domain/example.localhost":
                return .json(200, #"{"objectClassName":"domain","ldhName":"example.localhost","events":[{"eventAction":"registration","eventDate":"2001-01-01T00:00:00Z"},{"eventAction":"expiration","eventDate":"2027-02-05T12:00:00Z"}]}"#)
            case "/rdap/domain/other.localhost": return .json(200, #"{"objectClassName":"domain","events":[]}"#)
            default: return .json(404, #"{"errorCode":404}"#)
            }
        }
        let port = try #require(URLComponents(string: server.baseURL)?.port)
        let results = try runProbes("""
            probes:
              - name: registered
                url: http://api.example.localhost:\(port)/user
                rdap: \(rdap.baseURL)/rdap
                expect: ["[STATUS] == 200", "[DOMAIN_EXPIRATION] > 720h", "[DOMAIN_EXPIRATION] <= 1440h"]
              - name: expiring
                url: http://api.example.localhost:\(port)/user
                rdap: \(rdap.baseURL)/rdap/
                expect: ["[DOMAIN_EXPIRATION] > 90d"]
              - name: unknown
                url: http://www.other.localhost:\(port)/user
                rdap: \(rdap.baseURL)/rdap/
                expect: ["[DOMAIN_EXPIRATION] > 720h"]
              - name: address
                url: BASE/user
                rdap: \(rdap.baseURL)/rdap/
                expect: ["[DOMAIN_EXPIRATION] > 720h"]
            """, on: server, now: now)
        #expect(results[0].passed, "\(results[0].problems.map(\.message))")
        #expect(results[0].conditions[1].actual == "60d")
        #expect(onlyProblem(results[1]).hasSuffix("[DOMAIN_EXPIRATION] > 90d failed: got 60d"))
        #expect(onlyProblem(results[2]).contains("got no domain expiry in RDAP (other.localhost: no expiration event; www.other.localhost: not registered)"))
        #expect(onlyProblem(results[3]).contains("got no domain: the URL's host 127.0.0.1 is an address or a single name"))
        let asked = rdap.requests.map(\.path)
        #expect(asked.filter { $0 == "/rdap/domain/example.localhost" }.count == 2, "one lookup per probe: \(asked)")
        withExtendedLifetime(rdap) {}
    }

    @Test func differencesKeptOnPurpose() throws {
        let results = try runProbes("""
            probes:
              - name: keys
                url: BASE/array
                expect: ["len([BODY][0]) == 23"]
              - name: no-certificate
                url: BASE/user
                expect: ["[CERTIFICATE_EXPIRATION] == 0"]
            """, on: server)
        // len() of an object counts its keys (Gatus: the characters of its JSON)
        #expect(results[0].conditions[0].actual == "2")
        // a plain-http answer has no certificate to read as 0
        #expect(onlyProblem(results[1]).contains("got no certificate"))
    }
}
