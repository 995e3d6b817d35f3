/// The condition language for people: what `greenlight help probe` prints (the argument
/// parser wraps each paragraph; example lines are kept short so that they are not wrapped).
public enum ConditionLanguage {
    public static let summary = [
        "Conditions, one per string under expect:",
        """
          [STATUS] == 200          [STATUS] in (200, 204)
          [STATUS] not in (500)    [BODY].status == "ok"
          [BODY].checks[*].healthy == true
          len([BODY].items) > 0    has([BODY].errors) == false
          [HEADER].content-type contains "json"
          [RESPONSE_TIME] < 300ms  [CERT_EXPIRY] > 14d
          [CONNECTED] == true      [IP] == 127.0.0.1
          [DOMAIN_EXPIRATION] > 30d (from RDAP; rdap: to ask another service)
          [P95] < 2s               [ERROR_RATE] <= 1%
        """,
        "[CONNECTED] means an HTTP response arrived. A request that got no answer fails every condition and is an error for [ERROR_RATE], as is a 5xx answer to a probe with no [STATUS] condition.",
        "Gatus's conditions are read as written: unquoted words ([BODY].name == john), any(…) and pat(…) with == or !=, a placeholder on either side or both, plain numbers as milliseconds for durations, numbers spelled in strings (\"123.40\", \"0x1F\") compared as numbers, [CERTIFICATE_EXPIRATION], placeholder names in any case.",
        "Kept different on purpose: a condition with no placeholder, or with a value that cannot compare with its subject, is refused at load; len() of an object counts its keys; no certificate fails [CERT_EXPIRY] instead of reading 0; floats compare exactly; response times are not rounded to milliseconds; spaces around operators are optional; [DOMAIN_EXPIRATION] is read from RDAP, not WHOIS; [DNS_RCODE] is refused (probes make no DNS queries).",
    ].joined(separator: "\n\n")
}
