import GreenlightCore
import GreenlightHTTP
import GreenlightProbes
import Testing

/// Loads `probes:` the way `check` and `probe` do.
func loadProbes(_ yaml: String) throws -> [ProbeSpec] {
    let engine = Engine(rules: [], sections: [ProbesSection.self])
    let config = try ConfigLoader.load(yaml: yaml, file: "probes.yml", knownRuleIDs: [], sections: engine.sectionKeys)
    return (try engine.decodeSections(config)[ProbesSection.key] as? ProbesSection)?.probes ?? []
}

/// The message of the configuration error `yaml` must raise.
func configError(_ yaml: String) -> String? {
    do {
        _ = try loadProbes(yaml)
        return nil
    } catch let error as ToolError {
        #expect(error.exitCode == ExitStatus.usage)
        return error.message
    } catch {
        return "unexpected \(error)"
    }
}

@Suite struct ProbeConfigTests {
    @Test func defaultsAndEveryKey() throws {
        let probes = try loadProbes("""
            probes:
              - name: health
                url: https://api.example.test/health
                expect: ["[STATUS] == 200"]
              - name: admin-jobs
                url: ${API_URL}/admin/jobs/run?job=plan
                method: POST
                headers:
                  x-admin-token: "${ADMIN_TOKEN}"
                  Content-Type: application/json
                body: '{"dry_run": true}'
                expect: ["[STATUS] == 202", "[P95] < 30s"]
                requests: 10
                concurrency: 10
                retries: 2
                backoff: 500ms
                failure_threshold: 3
                connect_timeout: 2s
                timeout: 40s
                insecure: true
                follow_redirects: none
                max_body: 64KiB
                auth_required: true
            """)
        #expect(probes.count == 2)
        let health = probes[0]
        #expect(health.method == "GET" && health.requests == 1 && health.concurrency == 1 && health.retries == 0)
        #expect(health.connectTimeout == 5 && health.timeout == 30 && health.maxBody == 1 << 20)
        #expect(health.followRedirects == .sameHost && !health.insecure && !health.authRequired && health.failureThreshold == 1)
        #expect(health.position == SourcePosition(line: 2, column: 11))
        #expect(health.expect[0].position == SourcePosition(line: 4, column: 15))
        let admin = probes[1]
        #expect(admin.url.variables == ["API_URL"])
        #expect(admin.headers.map(\.name) == ["x-admin-token", "Content-Type"])
        #expect(admin.isCredential(admin.headers[0]) && !admin.isCredential(admin.headers[1]))
        #expect(admin.body?.text == #"{"dry_run": true}"#)
        #expect(admin.requests == 10 && admin.concurrency == 10 && admin.retries == 2 && admin.backoff == 0.5)
        #expect(admin.failureThreshold == 3 && admin.connectTimeout == 2 && admin.timeout == 40)
        #expect(admin.insecure && admin.followRedirects == RedirectPolicy.none && admin.maxBody == 64 * 1024 && admin.authRequired)
    }

    @Test(arguments: [
        // an invalid condition points at the column inside the quoted string
        ("  - name: a\n    url: http://h/\n    expect: [\"[STATUS] = 200\"]\n", "probes.yml:4:24: invalid condition: '=' is not an operator; use '=='"),
        ("  - name: a\n    url: http://h/\n    expect:\n      - '[STATUS] == ok'\n", "probes.yml:5:22: invalid condition: bare word 'ok': [STATUS] is not text"),
        ("  - name: a\n    url: http://h/\n    expect:\n      - [STATUS] == 200\n", "probes.yml:5:18: invalid YAML"),
        ("  - name: a\n    url: ftp://h/file\n    expect: [\"[STATUS] == 200\"]\n", "probes.yml:3:10: unsupported URL scheme 'ftp'"),
        ("  - name: a\n    url: h/health\n    expect: [\"[STATUS] == 200\"]\n", "probes.yml:3:10: invalid URL 'h/health'"),
        ("  - name: a\n    url: http://h/${TOKEN\n    expect: [\"[STATUS] == 200\"]\n", "probes.yml:3:19: unclosed '${'"),
        ("  - name: a\n    url: http://h/${1X}\n    expect: [\"[STATUS] == 200\"]\n", "probes.yml:3:19: invalid variable name '1X'"),
        ("  - name: a\n    url: http://h/\n    expect: [\"[STATUS] == 200\"]\n    timeout: soon\n", "probes.yml:5:14: invalid duration 'soon'"),
        ("  - name: a\n    url: http://h/\n    expect: [\"[STATUS] == 200\"]\n    retries: 99\n", "probes.yml:5:14: retries must be between 0 and 10"),
        ("  - name: a\n    url: http://h/\n    expect: [\"[STATUS] == 200\"]\n    requests: 5\n    concurrency: 9\n", "concurrency (9) is more than requests (5)"),
        ("  - name: a\n    url: http://h/\n    expect: [\"[STATUS] == 200\"]\n    follow_redirects: always\n", "invalid follow_redirects 'always'"),
        ("  - name: a\n    url: http://h/\n    expect: [\"[STATUS] == 200\"]\n    auth_required: true\n", "auth_required needs a credential header"),
        ("  - name: a\n    url: http://h/\n    expect: [\"[STATUS] == 200\"]\n    tiemout: 3s\n", "probes.yml:5:5: unknown key 'tiemout'"),
        ("  - name: a\n    url: http://h/\n", "needs at least one condition"),
        ("  - name: a b\n    url: http://h/\n    expect: [\"[STATUS] == 200\"]\n", "probes.yml:2:11: invalid probe name 'a b'"),
        ("  - name: a\n    url: http://h/\n    method: get\n    expect: [\"[STATUS] == 200\"]\n", "probes.yml:4:13: invalid method 'get'"),
        ("  - name: a\n    url: http://h/\n    expect: [\"[STATUS] == 200\"]\n  - name: a\n    url: http://h/\n    expect: [\"[STATUS] == 200\"]\n",
         "probes.yml:5:11: duplicate probe name 'a'"),
        ("  - name: a\n    url: http://h/\n    headers: {\"bad header\": x}\n    expect: [\"[STATUS] == 200\"]\n", "invalid header name 'bad header'"),
        ("  - name: a\n    url: http://h/\n    headers: {X-A: \"a\\r\\nInjected: 1\"}\n    expect: [\"[STATUS] == 200\"]\n", "a header value cannot contain a line break"),
        ("  - name: a\n    url: http://h/\n    rdap: whois.example\n    expect: [\"[STATUS] == 200\"]\n", "probes.yml:4:11: invalid rdap URL 'whois.example'"),
        ("  - name: a\n    url: http://h/\n    max_body: 64MiB\n    requests: 100\n    concurrency: 100\n    expect: [\"[STATUS] == 200\"]\n",
         "concurrency × max_body is 6400 MiB, more than the 256 MiB a probe may hold in flight; lower concurrency or max_body"),
        ("  - name: a\n    url: http://h/\n    requests: 2000\n    expect: [\"len([BODY]) > 0\"]\n",
         "requests × max_body is 2000 MiB, more than the 1024 MiB of bodies a probe whose conditions read [BODY] may keep"),
        ("  - name: a\n    url: http://h/\n    max_body: 1GiB\n    expect: [\"[STATUS] == 200\"]\n", "max_body is at most 64MiB"),
    ])
    func positionedErrors(_ entry: String, _ expected: String) {
        let message = configError("probes:\n" + entry)
        #expect(message?.contains(expected) == true, "\(message ?? "no error")")
        #expect(message?.contains("\n") == false)
    }

    @Test func aLargeLoadThatReadsNoBodyKeepsNone() throws {
        // 10,000 answers of up to 1 MiB would be 10 GB kept; nothing reads them, so only the first is.
        let probes = try loadProbes("""
            probes:
              - name: load
                url: http://h/
                requests: 10000
                concurrency: 100
                expect: ["[STATUS] == 200", "[P95] < 1s"]
            """)
        #expect(probes[0].requests == 10000)
    }

    @Test func emptyOrNullSectionHasNoProbes() throws {
        #expect(try loadProbes("probes:\n").isEmpty)
        #expect(try loadProbes("probes: []\n").isEmpty)
        #expect(configError("probes: {name: a}\n")?.contains("probes.yml:1:9") == true)
    }

    @Test func selectByName() throws {
        let section = ProbesSection(probes: try loadProbes("""
            probes:
              - {name: a, url: "http://h/a", expect: ["[STATUS] == 200"]}
              - {name: b, url: "http://h/b", expect: ["[STATUS] == 200"]}
            """))
        #expect(try section.select(["b", "a"]).map(\.name) == ["b", "a"])
        #expect(try section.select([]).map(\.name) == ["a", "b"])
        #expect(throws: ToolError.self) { try section.select(["c"]) }
    }

    @Test func templatesExpandAndReportMissingVariables() throws {
        let probe = try loadProbes("""
            probes:
              - name: a
                url: "http://h/${TENANT}/x?k=${KEY}&lit=$${NOT_A_VAR}"
                expect: ["[STATUS] == 200"]
            """)[0]
        #expect(probe.url.expand(["TENANT": "t1", "KEY": "k"]) == .success("http://h/t1/x?k=k&lit=${NOT_A_VAR}"))
        guard case .failure(let missing) = probe.url.expand(["TENANT": "t1", "KEY": ""]) else {
            Issue.record("expected missing variables")
            return
        }
        #expect(missing.references.map(\.name) == ["KEY"])
        #expect(missing.references[0].position == SourcePosition(line: 3, column: 34))
    }
}
