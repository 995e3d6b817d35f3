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

    /// Whether `needle` (lower-case ASCII) occurs in `text` ignoring ASCII case, without
    /// lower-casing the text: a per-line prefilter.
    public static func containsIgnoringCase(_ text: String, _ needle: String) -> Bool {
        var text = text
        return text.withUTF8 { containsIgnoringCase($0, Array(needle.utf8)) }
    }

    public static func containsIgnoringCase(_ text: Substring, _ needle: String) -> Bool {
        var text = text
        return text.withUTF8 { containsIgnoringCase($0, Array(needle.utf8)) }
    }

    private static func containsIgnoringCase(_ bytes: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        guard let first = needle.first else { return true }
        guard bytes.count >= needle.count else { return false }
        let upper = first >= 0x61 && first <= 0x7A ? first - 0x20 : first
        var start = 0
        while start <= bytes.count - needle.count {
            let byte = bytes[start]
            if byte == first || byte == upper {
                var offset = 1
                while offset < needle.count {
                    let next = bytes[start + offset]
                    let folded = next >= 0x41 && next <= 0x5A ? next | 0x20 : next
                    if folded != needle[offset] { break }
                    offset += 1
                }
                if offset == needle.count { return true }
            }
            start += 1
        }
        return false
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
