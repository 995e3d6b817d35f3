@testable import GreenlightRules
import Testing

/// JUnit and Cobertura files whose bytes are not UTF-8: Foundation's XML parser crashed on
/// them (found by fuzzing); they are now a one-line problem, and a declared encoding still reads.
@Suite struct XMLEvidenceTests {
    static let crashes: [[UInt8]] = [
        [0x3C] + [UInt8](repeating: 0xFF, count: 29),                  // junit target's input
        [0x0A, 0x3C] + [UInt8](repeating: 0xFF, count: 23) + [0x3E],   // cobertura target's input
    ]

    @Test(arguments: crashes)
    func notUTF8IsAProblemNotACrash(_ bytes: [UInt8]) {
        let expected = "is not well-formed XML (its bytes are not UTF-8, and no other encoding is declared)"
        guard case .failure(let junit) = JUnitReport.parse(bytes) else { Issue.record("JUnit accepted it"); return }
        #expect(junit.message == expected)
        guard case .failure(let cobertura) = CoverageReport.cobertura(bytes) else { Issue.record("Cobertura accepted it"); return }
        #expect(cobertura.message == expected)
    }

    @Test func aProcessingInstructionWithoutDataIsBlankedNotACrash() throws {
        // Found by fuzzing (junit and cobertura): Foundation's parser reads the null data of `<?x?>`.
        let junit = Array("<?xml version=\"1.0\"?>\n<?xmv0z?>\n<testsuite tests=\"2\">\n<?pi?><testcase name=\"a\"/>\n<testcase name=\"b\"><failure/></testcase></testsuite>\n".utf8)
        guard case .success(let report) = JUnitReport.parse(junit) else { Issue.record("refused"); return }
        #expect(report.testCount == 2 && report.failed.count == 1)
        let cobertura = Array("<?xmv0z?>\n<cml v.0n=\"ate=\"0.8A\"\" ".utf8)
        guard case .failure(let problem) = CoverageReport.cobertura(cobertura) else { Issue.record("accepted"); return }
        #expect(problem.message.hasPrefix("is not well-formed XML (line "))
        #expect(XMLBytes.blankingInstructions(Array("a\n<?x\ny?>b".utf8)) == Array("a\n   \n   b".utf8))
        // A broken declaration does not shield what follows it (fuzzing, round six).
        let broken = Array("<?xml versio}\"y\"><failure message=\"b\"/><?x?>".utf8)
        #expect(!XMLBytes.blankingInstructions(broken).contains(UInt8(ascii: "?")))
        _ = JUnitReport.parse(broken)
    }

    @Test func aDeclaredEncodingStillReads() throws {
        let latin1: [UInt8] = Array(#"<?xml version="1.0" encoding="ISO-8859-1"?><testsuite tests="1"><testcase name="caf"#.utf8)
            + [0xE9] + Array(#""/></testsuite>"#.utf8)
        guard case .success(let report) = JUnitReport.parse(latin1) else { Issue.record("a Latin-1 report was refused"); return }
        #expect(report.testCount == 1)
        let declaredUTF8: [UInt8] = Array(#"<?xml version="1.0" encoding="UTF-8"?><"#.utf8) + [0xFF, 0xFF, 0x3E]
        guard case .failure = JUnitReport.parse(declaredUTF8) else { Issue.record("invalid UTF-8 declared as UTF-8 was read"); return }
    }
}
