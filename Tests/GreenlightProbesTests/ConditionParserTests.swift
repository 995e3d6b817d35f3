import GreenlightProbes
import Testing

/// The condition language: every form parses to the expected shape; every mistake is an error
/// at the right column with a message that says what to write instead.
@Suite struct ConditionParserTests {
    @Test(arguments: [
        ("[STATUS] == 200", "[STATUS]", "==", "200"),
        ("[STATUS] in (401, 403)", "[STATUS]", "in", "(401, 403)"),
        ("[STATUS] == any(200, 201)", "[STATUS]", "==", "(200, 201)"),
        ("[BODY].status == \"ok\"", "[BODY].status", "==", "\"ok\""),
        ("[BODY].status == 'ok'", "[BODY].status", "==", "\"ok\""),
        ("[BODY].checks[0].healthy == true", "[BODY].checks[0].healthy", "==", "true"),
        ("[BODY].data[0].id != \"\"", "[BODY].data[0].id", "!=", "\"\""),
        ("[BODY].checks[*].healthy == true", "[BODY].checks[*].healthy", "==", "true"),
        ("[BODY][\"odd key\"].x == null", "[BODY][\"odd key\"].x", "==", "null"),
        ("len([BODY].items) > 0", "len([BODY].items)", ">", "0"),
        ("has([BODY].errors) == false", "has([BODY].errors)", "==", "false"),
        ("[BODY].mode != \"shadow\"", "[BODY].mode", "!=", "\"shadow\""),
        ("[BODY].ratio >= -0.5", "[BODY].ratio", ">=", "-0.5"),
        ("[BODY] contains \"ok\"", "[BODY]", "contains", "\"ok\""),
        ("[HEADER].content-type contains \"json\"", "[HEADER].content-type", "contains", "\"json\""),
        ("[HEADER].Content-Type == \"application/json\"", "[HEADER].content-type", "==", "\"application/json\""),
        ("[RESPONSE_TIME] < 300ms", "[RESPONSE_TIME]", "<", "300ms"),
        ("[P95] < 30s", "[P95]", "<", "30s"),
        ("[P50] <= 1.5s", "[P50]", "<=", "1.5s"),
        ("[P99] < 1m", "[P99]", "<", "1m"),
        ("[ERROR_RATE] <= 1%", "[ERROR_RATE]", "<=", "1%"),
        ("[ERROR_RATE] < 0.5%", "[ERROR_RATE]", "<", "0.5%"),
        ("[CERT_EXPIRY] > 14d", "[CERT_EXPIRY]", ">", "14d"),
        ("[CERTIFICATE_EXPIRATION] > 48h", "[CERT_EXPIRY]", ">", "2d"),
        ("[CONNECTED] == false", "[CONNECTED]", "==", "false"),
        ("  [STATUS]==200  ", "[STATUS]", "==", "200"),
        // Gatus's spellings: unquoted words, unitless milliseconds, value-first, both sides
        ("[BODY].status == UP", "[BODY].status", "==", "\"UP\""),
        ("[IP] == 127.0.0.1", "[IP]", "==", "\"127.0.0.1\""),
        ("[BODY].name == john doe", "[BODY].name", "==", "\"john doe\""),
        ("[BODY].name == any(john.doe, jane.doe)", "[BODY].name", "==", "(\"john.doe\", \"jane.doe\")"),
        ("[BODY].ip == any(127.0.0.1, \"::1\")", "[BODY].ip", "==", "(\"127.0.0.1\", \"::1\")"),
        ("[RESPONSE_TIME] < 500", "[RESPONSE_TIME]", "<", "500ms"),
        ("[CERTIFICATE_EXPIRATION] > 2419200000", "[CERT_EXPIRY]", ">", "28d"),
        ("[BODY].data == 0x1F", "[BODY].data", "==", "31"),
        ("[BODY].data == 0o17", "[BODY].data", "==", "15"),
        ("[BODY].data == 0b101", "[BODY].data", "==", "5"),
        ("[BODY] == 1", "[BODY]", "==", "1"),
        ("[BODY] < 124", "[BODY]", "<", "124"),
        ("200 == [STATUS]", "[STATUS]", "==", "200"),
        ("300 > [STATUS]", "[STATUS]", "<", "300"),
        ("any(200, 429) == [STATUS]", "[STATUS]", "==", "(200, 429)"),
        ("[STATUS] != any(500, 502)", "[STATUS]", "!=", "(500, 502)"),
        ("[STATUS] not in (500, 502)", "[STATUS]", "not in", "(500, 502)"),
        ("[STATUS] == pat(2*)", "[STATUS]", "==", "pat(2*)"),
        ("[BODY] == pat(*<div id=\"user\">john.doe</div>*)", "[BODY]", "==", "pat(*<div id=\"user\">john.doe</div>*)"),
        ("pat(*<b>(x)</b>*) == [BODY]", "[BODY]", "==", "pat(*<b>(x)</b>*)"),
        ("[BODY].name != pat(\"bob*\")", "[BODY].name", "!=", "pat(bob*)"),
        ("[BODY].age == [BODY].id", "[BODY].age", "==", "[BODY].id"),
        ("[STATUS] == [BODY].status", "[STATUS]", "==", "[BODY].status"),
        ("[status] == 200", "[STATUS]", "==", "200"),
        ("[Certificate_Expiration] > 48h", "[CERT_EXPIRY]", ">", "2d"),
        ("len([STATUS]) == 3", "len([STATUS])", "==", "3"),
        ("has([BODY]) == true", "has([BODY])", "==", "true"),
        ("has([IP]) == true", "has([IP])", "==", "true"),
        ("len([BODY]) == 3", "len([BODY])", "==", "3"),
        ("[DOMAIN_EXPIRATION] > 720h", "[DOMAIN_EXPIRATION]", ">", "30d"),
    ])
    func parses(_ text: String, _ subject: String, _ op: String, _ expected: String) throws {
        let condition = try ConditionParser.parse(text)
        #expect(condition.subject.description == subject)
        #expect(condition.op.rawValue == op)
        let shown: String
        switch condition.expected {
        case .value(let literal): shown = literal.description
        case .list(let items): shown = "(" + items.map(\.description).joined(separator: ", ") + ")"
        case .pattern(let pattern): shown = pattern.description
        case .subject(let other): shown = other.description
        }
        #expect(shown == expected)
        #expect(condition.text == text)
    }

    @Test func aggregatesAreTold() throws {
        #expect(try ConditionParser.parse("[P95] < 30s").isAggregate)
        #expect(try ConditionParser.parse("[ERROR_RATE] <= 1%").isAggregate)
        #expect(try !ConditionParser.parse("[RESPONSE_TIME] < 30s").isAggregate)
    }

    @Test(arguments: [
        ("", 0, "empty condition"),
        ("[STATUS] = 200", 9, "'=' is not an operator; use '=='"),
        ("[STATUS] 200", 9, "expected an operator"),
        ("[STATUS] ==", 11, "expected a value after '=='"),
        ("[STAUTS] == 200", 0, "unknown placeholder [STAUTS]"),
        ("[BODY.status == 1", 0, "unclosed '[' in placeholder"),
        ("[BODY].status == \"ok", 17, "unterminated string"),
        ("[BODY].items[x] == 1", 12, "expected an index like [0]"),
        ("[BODY]. == 1", 7, "expected a field name after '.'"),
        ("[STATUS].code == 200", 8, "[STATUS] takes no path"),
        ("[HEADER] == \"x\"", 8, "[HEADER] needs a header name"),
        ("[RESPONSE_TIME] < fast", 18, "compare [RESPONSE_TIME] with a duration such as 300ms, 30s or 14d (a plain number is milliseconds), not 'fast'"),
        ("[RESPONSE_TIME] < 300 ms", 18, "invalid number or duration '300 ms'"),
        ("[RESPONSE_TIME] < 3 parsecs", 18, "invalid number or duration '3 parsecs'"),
        ("[STATUS] == 200 300", 12, "bare word '200 300': [STATUS] is not text"),
        ("[BODY].status == \"ok\" extra", 22, "unexpected 'extra' after the condition"),
        ("200 == 200", 0, "compares two constants"),
        ("raw == raw", 0, "compares two constants"),
        ("\"x\" contains [BODY]", 0, "put the placeholder on the left of 'contains'"),
        ("[STATUS] contains pat(2*)", 18, "pat(…) goes with '==' or '!='"),
        ("[STATUS] < any(1, 2)", 11, "any(…) goes with '==' or '!='"),
        ("pat(4*) < [STATUS]", 8, "pat(…) goes with '==' or '!='"),
        ("any(1, 2) >= [STATUS]", 10, "a list goes with '==' or '!='"),
        ("[BODY].x == pat([a-)", 16, "unclosed '[' in pat(…)"),
        ("[BODY].x == pat(ab\\)", 16, "trailing backslash in pat(…)"),
        ("[CONNECTED] == pat(t*)", 15, "pat(…) matches text; [CONNECTED] is true or false"),
        ("[P95] < [RESPONSE_TIME]", 0, "[P95] is decided over a batch"),
        ("[BODY].a == [BODY].items[*]", 12, "[*] goes on the left side only"),
        ("[BODY].a contains [BODY].b", 9, "'contains' takes a value on the right"),
        ("[CONNECTED] < [STATUS]", 12, "[CONNECTED] is true or false and [STATUS] is a number"),
        ("len([P95]) > 1", 0, "len() and has() take a per-response placeholder, not [P95]"),
        ("[DNS_RCODE] == NOERROR", 0, "[DNS_RCODE] is the answer code of a DNS query"),
        ("[ERROR_RATE] < 1", 15, "compare [ERROR_RATE] with a percentage such as 1%, not 1 (is it 1% or 100%?)"),
        ("[RESPONSE_TIME] < 3pc", 18, "invalid number or duration '3pc'"),
        ("[P95] contains 1s", 6, "'contains' does not apply to [P95]"),
        ("[ERROR_RATE] <= 0.01", 16, "compare [ERROR_RATE] with a percentage such as 1%"),
        ("[STATUS] == \"200\"", 12, "compare [STATUS] with a number"),
        ("[STATUS] contains 2", 9, "'contains' does not apply to [STATUS]"),
        ("[STATUS] in 401, 403", 12, "expected a list after 'in'"),
        ("[STATUS] in (401 403)", 17, "expected ',' or ')' in the list"),
        ("[STATUS] not in 500", 16, "expected a list after 'not in'"),
        ("[CONNECTED] < true", 12, "'<' does not apply to [CONNECTED]"),
        ("[HEADER].x > \"a\"", 13, "'>' compares numbers; \"a\" is not a number"),
        ("[BODY].count > \"3\"", 15, "'>' compares numbers"),
        ("[BODY].age == 3d", 14, "[BODY].age is a JSON value"),
        ("[BODY].age < 3d", 13, "'<' compares numbers; 3d is not a number"),
        ("len([BODY].items > 0", 17, "expected ')' to close len("),
        ("[BODY].x == \"\\q\"", 13, "unknown escape '\\q'"),
    ])
    func rejects(_ text: String, _ offset: Int, _ message: String) {
        do {
            let condition = try ConditionParser.parse(text)
            Issue.record("expected an error for \(text), got \(condition)")
        } catch {
            #expect(error.message.contains(message), "\(text): \(error.message)")
            #expect(error.offset == offset, "\(text): \(error.message)")
        }
    }

    @Test func quotedStringsReadBackAsWritten() throws {
        for text in ["a\u{01}b", "tab\there", "quote \" and \\ slash", "naïve é", ""] {
            let written = "[BODY].x == " + Literal.string(text).description
            let condition = try ConditionParser.parse(written)
            #expect(condition.expected == .value(.string(text)), "\(written)")
        }
    }

    @Test func unicodeColumnsCountScalars() {
        do {
            _ = try ConditionParser.parse("[BODY].naïve < \"é\"")
            Issue.record("expected an error")
        } catch {
            #expect(error.offset == 15)
        }
    }

    @Test func hugeInputIsBounded() {
        let long = "[BODY]" + String(repeating: ".a", count: 10_000) + " == 1"
        #expect(throws: ConditionSyntaxError.self) { try ConditionParser.parse(long) }
        let deep = String(repeating: "len(", count: 5_000) + "[BODY]" + String(repeating: ")", count: 5_000) + " > 1"
        #expect(throws: ConditionSyntaxError.self) { try ConditionParser.parse(deep) }
    }
}
