import Foundation
import CCrypto

/// SHA-256, used for fingerprints and artifact hashes: libcrypto's digest, as lower-case hex.
public enum SHA256 {
    public static func hex(_ string: String) -> String {
        hex(bytes: Array(string.utf8))
    }

    public static func hex<Bytes: ContiguousBytes>(bytes: Bytes) -> String {
        digest(bytes).hexString
    }

    /// SHA-256 fetched from libcrypto's provider once: `EVP_sha256()` makes every digest look it
    /// up again (a run hashes a fingerprint per finding). Fetched algorithms are immutable and
    /// may be shared by threads.
    nonisolated(unsafe) private static let algorithm = EVP_MD_fetch(nil, "SHA256", nil)

    /// The 32-byte digest of `bytes`.
    public static func digest<Bytes: ContiguousBytes>(_ bytes: Bytes) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let done = bytes.withUnsafeBytes { input in
            EVP_Digest(input.baseAddress, input.count, &out, &length, algorithm ?? EVP_sha256(), nil)
        }
        precondition(done == 1 && length == 32, "libcrypto's SHA-256 failed")
        return Array(out.prefix(Int(length)))
    }
}

extension Sequence where Element == UInt8 {
    public var hexString: String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for byte in self {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
