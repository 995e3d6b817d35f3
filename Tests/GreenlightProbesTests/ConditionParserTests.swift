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
    ])
    func parses(_ text: String, _ subject: String, _ op: String, _ expected: String) throws {
        let condition = try ConditionParser.parse(text)
        #expect(condition.subject.description == subject)
        #expect(condition.op.rawValue == op)
        let shown: String
        switch condition.expected {
        case .value(let literal): shown = literal.description
        case .list(let items): shown = "(" + items.map(\.description).joined(separator: ", ") + ")"
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
        ("[BODY].status == ok", 17, "bare word 'ok': quote strings, e.g. \"ok\""),
        ("[BODY].status == \"ok", 17, "unterminated string"),
        ("[BODY].items[x] == 1", 12, "expected an index like [0]"),
        ("[BODY]. == 1", 7, "expected a field name after '.'"),
        ("200 == [STATUS]", 0, "the left side must be a placeholder"),
        ("[STATUS].code == 200", 8, "[STATUS] takes no path"),
        ("[HEADER] == \"x\"", 8, "[HEADER] needs a header name"),
        ("[RESPONSE_TIME] < 300", 18, "compare [RESPONSE_TIME] with a duration such as 300ms"),
        ("[RESPONSE_TIME] < 300 ms", 22, "unexpected 'ms' after the condition"),
        ("[RESPONSE_TIME] < 3 parsecs", 20, "unexpected 'parsecs' after the condition"),
        ("[RESPONSE_TIME] < 3pc", 18, "invalid number or duration '3pc'"),
        ("[P95] contains 1s", 6, "'contains' does not apply to [P95]"),
        ("[ERROR_RATE] <= 0.01", 16, "compare [ERROR_RATE] with a percentage such as 1%"),
        ("[STATUS] == \"200\"", 12, "compare [STATUS] with a number"),
        ("[STATUS] contains 2", 9, "'contains' does not apply to [STATUS]"),
        ("[STATUS] in 401, 403", 12, "expected a list after 'in'"),
        ("[STATUS] in (401 403)", 17, "expected ',' or ')' in the list"),
        ("[STATUS] != any(500)", 12, "any(…) goes with '==' only"),
        ("[CONNECTED] < true", 12, "'<' does not apply to [CONNECTED]"),
        ("[HEADER].x > \"a\"", 11, "'>' does not apply to [HEADER].x"),
        ("[BODY].count > \"3\"", 15, "'>' compares numbers"),
        ("[BODY].age == 3d", 14, "[BODY].age is a JSON value"),
        ("[BODY].age < 3d", 13, "'<' compares numbers; 3d is not a number"),
        ("len([STATUS]) > 1", 0, "len() takes [BODY]"),
        ("has([BODY]) == true", 0, "has() takes a [BODY] path or a [HEADER]"),
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

    @Test func unicodeColumnsCountScalars() {
        do {
            _ = try ConditionParser.parse("[BODY].naïve == é")
            Issue.record("expected an error")
        } catch {
            #expect(error.offset == 16)
        }
    }

    @Test func hugeInputIsBounded() {
        let long = "[BODY]" + String(repeating: ".a", count: 10_000) + " == 1"
        #expect(throws: ConditionSyntaxError.self) { try ConditionParser.parse(long) }
        let deep = String(repeating: "len(", count: 5_000) + "[BODY]" + String(repeating: ")", count: 5_000) + " > 1"
        #expect(throws: ConditionSyntaxError.self) { try ConditionParser.parse(deep) }
    }
}
