import Foundation

/// Substring search over UTF-8 bytes, for prefilters on whole files: `memchr` finds each
/// candidate first byte, then `memcmp` compares the rest.
public enum ByteSearch {
    public static func contains(_ haystack: String, _ needle: String) -> Bool {
        var haystack = haystack
        return haystack.withUTF8 { contains(UnsafeRawBufferPointer($0), Array(needle.utf8)) }
    }

    public static func contains(_ haystack: [UInt8], _ needle: String) -> Bool {
        haystack.withUnsafeBytes { contains($0, Array(needle.utf8)) }
    }

    public static func contains(_ hay: UnsafeRawBufferPointer, _ needle: String) -> Bool {
        contains(hay, Array(needle.utf8))
    }

    /// Whether `needle` occurs in `hay` (true for an empty needle).
    public static func contains(_ hay: UnsafeRawBufferPointer, _ needle: [UInt8]) -> Bool {
        guard let first = needle.first else { return true }
        guard let base = hay.baseAddress, hay.count >= needle.count else { return false }
        let last = hay.count - needle.count
        var offset = 0
        return needle.withUnsafeBytes { pin in
            while offset <= last {
                guard let hit = memchr(base + offset, Int32(first), last - offset + 1) else { return false }
                let start = base.distance(to: UnsafeRawPointer(hit))
                if memcmp(base + start, pin.baseAddress!, needle.count) == 0 { return true }
                offset = start + 1
            }
            return false
        }
    }
}
