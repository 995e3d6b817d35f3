import GreenlightCore

/// Python's `if __name__ == "__main__":` blocks: demo and manual-run code of a module, run by a
/// developer, never by the product. LLM calls in them are not the product's call sites.
enum ScriptEntryBlocks {
    /// The calls that are the product's generations: not in a module's manual-run block, not
    /// in a reachability probe (`ReachabilityProbes`).
    static func productCalls(_ calls: [LocatedCall], in lexed: LexedSource) -> [LocatedCall] {
        let blocks = ranges(in: lexed)
        return calls.filter { call in
            !blocks.contains { $0.contains(call.calleeStart) }
                && !ReachabilityProbes.isProbe(lexed.outerFunction(around: call.calleeStart)?.name)
        }
    }

    /// The byte ranges of the file's top-level entry blocks, from the `if` to the next line that
    /// starts at column 0 with code.
    static func ranges(in lexed: LexedSource) -> [Range<Int>] {
        guard lexed.language.syntax == .python else { return [] }
        let code = lexed.code
        let needle = Array("if __name__".utf8)
        var ranges: [Range<Int>] = []
        var offset = 0
        while let found = ByteSearch.firstIndex(of: needle, in: code, from: offset) {
            offset = found + needle.count
            guard found == 0 || code[found - 1] == 0x0A else { continue }
            var end = offset
            while end < code.count {
                // The next line that opens at column 0 with something other than a blank.
                guard let newline = code[end...].firstIndex(of: 0x0A) else {
                    end = code.count
                    break
                }
                end = newline + 1
                if end < code.count, !code[end].isBlank, code[end] != 0x0A { break }
            }
            ranges.append(found..<end)
            offset = end
        }
        return ranges
    }
}
