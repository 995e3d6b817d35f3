import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A JUnit XML document read back with Foundation's XML parser: suites, their cases, and each
/// case's failure text and standard output.
public struct JUnitDocument {
    public struct Case {
        public var name = ""
        public var classname = ""
        public var failure: String?
        public var failureAttributes: [String: String] = [:]
        public var systemOut: String?
    }

    public struct Suite {
        public var name = ""
        public var attributes: [String: String] = [:]
        public var cases: [Case] = []
    }

    public var attributes: [String: String] = [:]
    public var suites: [Suite] = []

    public init() {}

    public static func parse(_ xml: String) throws -> JUnitDocument {
        let reader = JUnitReader()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = reader
        guard parser.parse(), reader.error == nil else {
            let reason = reader.error ?? parser.parserError.map { String(describing: $0) } ?? "unknown error"
            throw FixtureError(message: "invalid JUnit XML: \(reason)\n\(xml)")
        }
        return reader.document
    }
}

private final class JUnitReader: NSObject, XMLParserDelegate {
    var document = JUnitDocument()
    var error: String?
    private var text = ""

    func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        text = ""
        switch element {
        case "testsuites":
            document.attributes = attributes
        case "testsuite":
            document.suites.append(.init(name: attributes["name"] ?? "", attributes: attributes))
        case "testcase":
            guard !document.suites.isEmpty else { return fail("testcase outside a testsuite") }
            document.suites[document.suites.count - 1].cases.append(
                .init(name: attributes["name"] ?? "", classname: attributes["classname"] ?? ""))
        case "failure":
            update { $0.failureAttributes = attributes }
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
        switch element {
        case "failure": update { $0.failure = text }
        case "system-out": update { $0.systemOut = text }
        default: break
        }
    }

    private func update(_ change: (inout JUnitDocument.Case) -> Void) {
        guard let suite = document.suites.indices.last, let index = document.suites[suite].cases.indices.last else {
            return fail("element outside a testcase")
        }
        change(&document.suites[suite].cases[index])
    }

    private func fail(_ message: String) {
        if error == nil { error = message }
    }
}
