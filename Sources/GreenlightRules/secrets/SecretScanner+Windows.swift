import Foundation

/// Where a pattern's regex runs: the windows around a keyword hit, and around a quoted random
/// token for patterns that ask for one (`random_runs`).
extension SecretScanner {
    /// The hit's line (and `linesBefore`/`linesAfter` more), clipped to a few KiB around it.
    static func window(around end: Int, in raw: UnsafeRawBufferPointer, linesBefore: Int, linesAfter: Int) -> Range<Int> {
        let extra = linesBefore + linesAfter > 0 ? 16 * 1024 : 0
        let floor = max(0, end - before - (linesBefore > 0 ? extra : 0))
        let ceiling = min(raw.count, end + after + (linesAfter > 0 ? extra : 0))
        var start = max(0, end - 1)
        var newlines = 0
        while start > floor {
            if raw[start - 1] == 0x0A {
                if newlines == linesBefore { break }
                newlines += 1
            }
            start -= 1
        }
        var stop = end
        newlines = 0
        while stop < ceiling {
            if raw[stop] == 0x0A {
                if newlines == linesAfter { break }
                newlines += 1
            }
            stop += 1
        }
        return start..<stop
    }

    /// Bytes before a random run that its pattern may need: the name it is assigned to, the
    /// operator and the quote.
    static let runLead = 96

    /// A random run, `runLead` bytes before it and its closing quote, within its line: a
    /// minified line of a megabyte is not searched whole for each token it holds.
    static func window(aroundRun run: Range<Int>, in raw: UnsafeRawBufferPointer) -> Range<Int> {
        var start = run.lowerBound
        let floor = max(0, run.lowerBound - runLead)
        while start > floor && raw[start - 1] != 0x0A { start -= 1 }
        let stop = min(raw.count, run.upperBound + 1)
        return start..<stop
    }

    /// Every maximal run of letters, digits and `+/=_-` at least `length` long that mixes upper
    /// case, lower case and digits, right after a quote (a string literal's value, not a line of
    /// a PEM block or of base64 data): `found(end, length)`, in file order.
    static func randomRuns(in raw: UnsafeRawBufferPointer, atLeast length: Int, _ found: (Int, Int) -> Void) {
        var start = 0
        var classes: UInt8 = 0
        for index in 0...raw.count {
            let byte: UInt8 = index < raw.count ? raw[index] : 0
            let kind: UInt8
            switch byte {
            case 0x41...0x5A: kind = 1
            case 0x61...0x7A: kind = 2
            case 0x30...0x39: kind = 4
            case 0x2B, 0x2F, 0x3D, 0x5F, 0x2D: kind = 8
            default: kind = 0
            }
            if kind != 0 {
                classes |= kind
                continue
            }
            if index - start >= length && classes & 7 == 7 && start > 0 && isQuote(raw[start - 1]) {
                found(index, index - start)
            }
            start = index + 1
            classes = 0
        }
    }

    /// `"`, `'` or a backtick.
    static func isQuote(_ byte: UInt8) -> Bool {
        byte == 0x22 || byte == 0x27 || byte == 0x60
    }
}
