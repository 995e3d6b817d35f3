import Foundation
import GreenlightCore

/// One recorded smoke run or gate result: `.greenlight/evidence/NAME/<time>.json`, written by
/// `greenlight evidence record`, committed, and reviewed in pull requests.
public struct EvidenceRecord: Codable, Sendable, Equatable {
    public enum Status: String, Codable, Sendable {
        case pass
        case fail
    }

    /// An attached artifact: its hash always, a copy beside the record when small.
    public struct Attachment: Codable, Sendable, Equatable {
        /// The path it was recorded from.
        public var path: String
        public var sha256: String
        public var size: Int
        /// The copy's file name beside the record, when the artifact is under 1 MiB.
        public var stored: String?

        public init(path: String, sha256: String, size: Int, stored: String?) {
            self.path = path
            self.sha256 = sha256
            self.size = size
            self.stored = stored
        }
    }

    public var schemaVersion = 1
    public var name: String
    public var status: Status
    public var recordedAt: String
    public var url: String?
    public var commit: String?
    public var file: Attachment?

    public init(name: String, status: Status, recordedAt: String, url: String?, commit: String?, file: Attachment?) {
        self.name = name
        self.status = status
        self.recordedAt = recordedAt
        self.url = url
        self.commit = commit
        self.file = file
    }

    /// The folder records live in, relative to the repository root.
    public static let folder = ".greenlight/evidence"
    /// Artifacts up to this size are copied beside the record.
    public static let attachmentLimit = 1 << 20

    /// Names are folder names: letters, digits, `.`, `_`, `-`.
    public static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 100 && !name.hasPrefix(".")
            && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }
    }

    /// `20261121T090000Z`: sorts by time, safe in file names.
    public static func stamp(_ date: Date) -> String {
        Timestamp.fileStamp(Timestamp.format(date))
    }

    public func encoded() throws -> Data {
        try StableJSON.data(self)
    }

    /// Decodes a record, or says in one line what is wrong with it.
    public static func decode(_ bytes: [UInt8]) -> Result<EvidenceRecord, RecordProblem> {
        guard let record = try? JSONDecoder().decode(EvidenceRecord.self, from: Data(bytes)) else {
            if (try? JSONSerialization.jsonObject(with: Data(bytes))) == nil {
                return .failure(RecordProblem(message: "is not JSON"))
            }
            return .failure(RecordProblem(message: "is not an evidence record (needs name, status pass|fail, recordedAt)"))
        }
        guard Timestamp.parse(record.recordedAt) != nil else {
            return .failure(RecordProblem(message: "has recordedAt '\(record.recordedAt)', not an ISO 8601 time"))
        }
        return .success(record)
    }

    public struct RecordProblem: Error, Sendable {
        public let message: String
    }
}
