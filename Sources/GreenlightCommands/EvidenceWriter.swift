import Foundation
import GreenlightCore
import GreenlightRules

/// Writes evidence records for every command that records them (`evidence record`,
/// `probe --record-evidence`, the loops): `.greenlight/evidence/NAME/<time>.json`, an attached
/// artifact hashed and, under 1 MiB, copied beside it.
struct EvidenceWriter {
    struct Attachment {
        let path: String
        let data: Data
    }

    let root: String

    /// The record's path, relative to the root.
    func write(name: String, status: EvidenceRecord.Status, date: Date, url: String?, commit: String?,
               attachment: Attachment?) throws -> String {
        guard EvidenceRecord.isValidName(name) else {
            throw ToolError.usage("'\(name)' is not a valid evidence name (letters, digits, '.', '_', '-')")
        }
        let folder = "\(root)/\(EvidenceRecord.folder)/\(name)"
        let base = uniqueBase(EvidenceRecord.stamp(date), in: folder)
        var stored: EvidenceRecord.Attachment?
        if let attachment {
            let basename = (attachment.path as NSString).lastPathComponent
            let copy = attachment.data.count < EvidenceRecord.attachmentLimit ? "\(base)-\(basename)" : nil
            stored = .init(path: attachment.path, sha256: SHA256.hex(bytes: attachment.data), size: attachment.data.count, stored: copy)
        }
        let record = EvidenceRecord(name: name, status: status, recordedAt: Timestamp.format(date),
                                    url: url.map(Self.withoutCredentials), commit: commit, file: stored)
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            if let attachment, let copy = stored?.stored {
                try attachment.data.write(to: URL(fileURLWithPath: "\(folder)/\(copy)"))
            }
            try record.encoded().write(to: URL(fileURLWithPath: "\(folder)/\(base).json"), options: .withoutOverwriting)
        } catch {
            throw ToolError.runtime("cannot write \(EvidenceRecord.folder)/\(name)/\(base).json: \(error.localizedDescription)")
        }
        return "\(EvidenceRecord.folder)/\(name)/\(base).json"
    }

    /// `<stamp>`, or `<stamp>-2`, `-3` … when a record with that time exists.
    private func uniqueBase(_ stamp: String, in folder: String) -> String {
        var base = stamp
        var counter = 2
        while FileManager.default.fileExists(atPath: "\(folder)/\(base).json") {
            base = "\(stamp)-\(counter)"
            counter += 1
        }
        return base
    }

    /// Links are kept without user info or query, which is where tokens ride.
    static func withoutCredentials(_ link: String) -> String {
        guard var parts = URLComponents(string: link), parts.scheme != nil else { return link }
        parts.user = nil
        parts.password = nil
        parts.query = nil
        return parts.string ?? link
    }
}
