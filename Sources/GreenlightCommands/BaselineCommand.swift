import Foundation
import GreenlightCore

/// `greenlight baseline`: record today's live findings so that only new ones fail.
public struct BaselineCommand {
    public var request = SnapshotRequest()
    public var output: String?

    public init() {}

    public func run(_ console: Console) -> Int32 {
        GuardedRun(console: console).run {
            let evaluation = try Evaluator(console: console).evaluate(request, baseline: .none)
            guard let target = output ?? evaluation.repository.workdir.map({ $0 + "/" + Baseline.defaultFileName }) else {
                throw ToolError.usage("a bare repository has no work tree to write the baseline into: give --output FILE")
            }
            let baseline = Baseline(findings: evaluation.findings)
            try Output(console: console, file: target).write(String(decoding: try baseline.encoded(), as: UTF8.self))
            console.err("greenlight: recorded \(baseline.findings.count) finding(s) in \(target)\n")
            return ExitStatus.passed
        }
    }
}
