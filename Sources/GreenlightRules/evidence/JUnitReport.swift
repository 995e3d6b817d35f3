import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
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
        let bytes: [UInt8]
        switch XMLBytes.prepared(raw) {
        case .success(let ready): bytes = ready
        case .failure(let problem): return .failure(problem)
        }
        let reader = Reader()
        let parser = XMLParser(data: Data(bytes))
        parser.shouldResolveExternalEntities = false
        parser.delegate = reader
        reader.parser = parser
        guard parser.parse() else {
            return .failure(.init(message: "is not well-formed XML (line \(parser.lineNumber))"))
        }
        if let open = reader.open.last {
            return .failure(.init(message: "is not well-formed XML (ends inside <\(open)>)"))
        }
        guard reader.sawRoot else {
            return .failure(.init(message: "is XML but not a JUnit report (no <testsuites> or <testsuite>)"))
        }
        return .success(JUnitReport(testCount: reader.testCount, failed: reader.failed))
    }

    private final class Reader: NSObject, XMLParserDelegate {
        weak var parser: XMLParser?
        var suites: [String] = []
        var current: (suite: String, name: String, line: Int)?
        var testCount = 0
        var failed: [FailedCase] = []
        var sawRoot = false
        var recordedCurrent = false
        /// Elements not yet closed: libxml2 through XMLParser accepts a truncated document.
        var open: [String] = []

        func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            open.append(element)
            switch element {
            case "testsuites":
                sawRoot = true
            case "testsuite":
                sawRoot = true
                suites.append(attributes["name"] ?? "")
            case "testcase":
                testCount += 1
                let suite = attributes["classname"] ?? suites.last ?? ""
                current = (suite, attributes["name"] ?? "(unnamed)", parser.lineNumber)
                recordedCurrent = false
            case "failure", "error":
                guard let test = current, !recordedCurrent else { return }
                recordedCurrent = true
                let message = (attributes["message"] ?? attributes["type"] ?? "").split(separator: "\n").first.map(String.init) ?? ""
                failed.append(FailedCase(suite: test.suite, name: test.name, line: test.line, kind: element, message: message))
            default:
                break
            }
        }

        func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
            if !open.isEmpty { open.removeLast() }
            if element == "testsuite", !suites.isEmpty { suites.removeLast() }
            if element == "testcase" { current = nil }
        }
    }
}
