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
        needle.isEmpty || firstIndex(of: needle, in: hay, from: 0) != nil
    }

    /// The offset of the first `needle` in `haystack` at or after `from`.
    public static func firstIndex(of needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        haystack.withUnsafeBytes { firstIndex(of: needle, in: $0, from: from) }
    }

    public static func firstIndex(of needle: [UInt8], in hay: UnsafeRawBufferPointer, from: Int) -> Int? {
        guard let first = needle.first, from >= 0 else { return nil }
        guard let base = hay.baseAddress, hay.count >= needle.count else { return nil }
        let last = hay.count - needle.count
        var offset = from
        return needle.withUnsafeBytes { pin in
            while offset <= last {
                guard let hit = memchr(base + offset, Int32(first), last - offset + 1) else { return nil }
                let start = base.distance(to: UnsafeRawPointer(hit))
                if memcmp(base + start, pin.baseAddress!, needle.count) == 0 { return start }
                offset = start + 1
            }
            return nil
        }
    }
}
