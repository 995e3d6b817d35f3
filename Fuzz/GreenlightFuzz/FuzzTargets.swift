import Foundation
import GreenlightCore
@testable import GreenlightHTTP
@testable import GreenlightProbes
@testable import GreenlightRules

/// libFuzzer's entry point: one binary, the parser chosen by `GREENLIGHT_FUZZ_TARGET`
/// (benchmarks/fuzz/run.sh sets it). Every target takes untrusted bytes as a user's repository,
/// configuration or a server would hand them over.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    FuzzTarget.selected.run(bytes)
    return 0
}

enum FuzzTarget: String, CaseIterable {
    case dockerfile, workflow, claims, condition, config, secretsPack = "secrets-pack", aiPack = "ai-pack"
    case suppression, lexer, glob, junit, lcov, cobertura, evidence

    static let selected: FuzzTarget = {
        let name = ProcessInfo.processInfo.environment["GREENLIGHT_FUZZ_TARGET"] ?? ""
        guard let target = FuzzTarget(rawValue: name) else {
            fatalError("GREENLIGHT_FUZZ_TARGET must be one of \(allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return target
    }()

    nonisolated(unsafe) static let engine = RuleCatalog.engine  // libFuzzer calls in from one thread

    func run(_ bytes: [UInt8]) {
        switch self {
        case .dockerfile:
            _ = DockerfileParser.parse(SourceText(path: "Dockerfile", bytes: bytes))
        case .workflow:
            _ = WorkflowParser.parse(SourceText(path: ".github/workflows/ci.yml", bytes: bytes))
        case .claims:
            // A document as the claims family reads it: recovered when git calls it binary,
            // parsed into claims, and scanned for test counts, tables, runs and open marks.
            let text = SourceText(path: "docs/STATUS.md", bytes: ContentSniffer.isBinary(bytes) ? ScannableText.recover(bytes) ?? [] : bytes)
            let document = ClaimDocumentParser.parse(text)
            for claim in document.claims { _ = CheckedButOpenRule.openMark(in: claim.title) }
            _ = TestResultClaims.scan(text)
            _ = SchemaClaims.scan(text)
            _ = RunCitations.scan(text)
        case .condition:
            // The first line is a condition, the rest a response body it is judged against.
            let text = String(decoding: bytes, as: UTF8.self)
            let (line, body) = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
                .reduce(into: ("", "")) { parts, piece in parts.0.isEmpty ? (parts.0 = String(piece)) : (parts.1 = String(piece)) }
            guard let condition = try? ConditionParser.parse(line) else { return }
            let response = HTTPResponse(status: 200, headers: [HTTPHeader("Content-Type", "application/json")],
                                        body: Array(body.utf8), remoteAddress: "127.0.0.1")
            _ = ConditionEvaluator.evaluate(condition, on: ResponseView(.success(response), now: Date(timeIntervalSince1970: 0), bodyCap: 1 << 20))
        case .config:
            let yaml = String(decoding: bytes, as: UTF8.self)
            if let config = try? ConfigLoader.load(yaml: yaml, file: ".greenlight.yml", knownRuleIDs: Self.engine.ruleIDs,
                                                   sections: Self.engine.sectionKeys) {
                _ = try? Self.engine.validate(config)
            }
        case .secretsPack:
            _ = try? SecretPack.load(yaml: String(decoding: bytes, as: UTF8.self), file: "pack.yml")
        case .aiPack:
            _ = try? AIPackLoader.load(yaml: String(decoding: bytes, as: UTF8.self), file: "pack.yml")
        case .suppression:
            _ = SuppressionParser.parse(SourceText(path: "a.md", bytes: bytes))
        case .lexer:
            // The first byte picks the language.
            guard let first = bytes.first else { return }
            let language = SourceLanguage.allCases[Int(first) % SourceLanguage.allCases.count]
            _ = CodeLexer.lex(Array(bytes.dropFirst()), language: language)
        case .glob:
            // The first line is a pattern, the second a path.
            let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", maxSplits: 2, omittingEmptySubsequences: false)
            guard lines.count >= 2 else { return }
            if let glob = try? Glob(String(lines[0])) { _ = glob.matches(String(lines[1])) }
            if case .success(let pattern) = TextPattern.compile(String(lines[0])) { _ = pattern.matches(String(lines[1])) }
        case .junit:
            _ = JUnitReport.parse(bytes)
        case .lcov:
            _ = CoverageReport.lcov(SourceText(path: "lcov.info", bytes: bytes))
        case .cobertura:
            _ = CoverageReport.cobertura(bytes)
        case .evidence:
            _ = EvidenceRecord.decode(bytes)
        }
    }
}
