import Foundation

/// Whether a run changes anything.
public enum LoopMode: String, Codable, Sendable {
    /// Reads, and says what it would write.
    case dryRun = "dry-run"
    case apply
}

/// Where a step (a flywheel step, one prompt of a promotion run) got to.
public enum StepStatus: String, Codable, Sendable {
    /// Everything the step had to do happened, writes included.
    case done
    /// Dry run: the reads happened, the writes were not sent.
    case planned
    /// A call failed, an answer broke the contract, or a governance limit was crossed.
    case failed
    /// Not attempted: the preflight or an earlier step failed.
    case notRun = "not-run"
}

/// What the loop reports share: the JSON encoding, and the file names under `reports/`.
public enum LoopArtifact {
    /// Pretty, sorted keys, no escaped slashes, a final newline: the same report gives the same bytes.
    public static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }

    /// `flywheel-20261121T090000Z`, `flywheel-dry-run-20261121T090000Z`: sorts by time, safe in
    /// file names, and a dry run never overwrites the report of a run that applied.
    public static func baseName(loop: String, mode: LoopMode, startedAt: String) -> String {
        "\(loop)-" + (mode == .dryRun ? "dry-run-" : "") + startedAt.filter { $0 != "-" && $0 != ":" }
    }
}
