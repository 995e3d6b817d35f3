import GreenlightCore

/// The test cases of a JUnit XML report that failed or errored, with their lines.
struct JUnitReport {
    struct FailedCase {
        let suite: String
        let name: String
        let line: Int
        /// `failure` or `error`.
        let kind: String
        let message: String
    }

    let testCount: Int
    let failed: [FailedCase]

    /// Parses the report; a file that is not JUnit XML gives a one-line problem.
    static func parse(_ raw: [UInt8]) -> Result<JUnitReport, EvidenceRecord.RecordProblem> {
        var suites: [String] = []
        var current: (suite: String, name: String, line: Int)?
        var recordedCurrent = false
        var testCount = 0
        var failed: [FailedCase] = []
        var sawRoot = false
        let read = XMLReader.read(raw) { event in
            switch event {
            case .start(let element, let attributes, let line):
                switch element {
                case "testsuites":
                    sawRoot = true
                case "testsuite":
                    sawRoot = true
                    suites.append(attributes["name"] ?? "")
                case "testcase":
                    testCount += 1
                    current = (attributes["classname"] ?? suites.last ?? "", attributes["name"] ?? "(unnamed)", line)
                    recordedCurrent = false
                case "failure", "error":
                    guard let test = current, !recordedCurrent else { return }
                    recordedCurrent = true
                    let message = (attributes["message"] ?? attributes["type"] ?? "").split(separator: "\n").first.map(String.init) ?? ""
                    failed.append(FailedCase(suite: test.suite, name: test.name, line: test.line, kind: element, message: message))
                default:
                    break
                }
            case .end(let element):
                if element == "testsuite", !suites.isEmpty { suites.removeLast() }
                if element == "testcase" { current = nil }
            }
        }
        if case .failure(let failure) = read { return .failure(XMLReader.problem(failure)) }
        guard sawRoot else {
            return .failure(.init(message: "is XML but not a JUnit report (no <testsuites> or <testsuite>)"))
        }
        return .success(JUnitReport(testCount: testCount, failed: failed))
    }
}
