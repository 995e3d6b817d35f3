/// The words and symbols readiness documents use to say done or not yet.
enum StatusMarkers {
    /// ✅ and its common mis-encodings (MacRoman `‚úÖ`, Windows-1252 `âœ…`), ✔, ☑, ✓.
    static let doneSymbols = ["✅", "‚úÖ", "âœ…", "✔", "☑", "✓"]
    static let openSymbols = ["⏳", "⌛", "🚧", "❌", "🔄", "⬜", "🔲"]
    static let doneWords: Set<String> = ["DONE", "COMPLETE", "COMPLETED", "PASS", "PASSED", "PASSING", "READY", "VERIFIED", "SHIPPED", "GREEN"]
    static let headingDoneWords: Set<String> = ["DONE", "COMPLETE", "COMPLETED"]
    static let openWords: Set<String> = ["PENDING", "TODO", "WIP", "BLOCKED", "FAIL", "FAILED", "FAILING", "QUEUED", "NOT", "RED"]

    /// A heading is done when marked ✅ / DONE / COMPLETE, open when marked ⏳ / PENDING / TODO.
    static func state(ofHeading text: Substring) -> Claim.State? {
        state(of: text, doneWords: headingDoneWords)
    }

    /// A table row is done when a cell says ✅ / PASS / READY / DONE and none says otherwise.
    static func state(ofRow cells: [Substring]) -> Claim.State? {
        var done = false
        for cell in cells.dropFirst() {
            switch state(of: cell, doneWords: doneWords) {
            case .open: return .open
            case .done: done = true
            case nil: break
            }
        }
        return done ? .done : nil
    }

    private static func state(of text: Substring, doneWords: Set<String>) -> Claim.State? {
        if openSymbols.contains(where: { text.contains($0) }) { return .open }
        let words = text.split(whereSeparator: { !$0.isLetter }).map(String.init).filter { $0 == $0.uppercased() && $0.count > 1 }
        if words.contains(where: openWords.contains) || text.contains("IN PROGRESS") { return .open }
        if doneSymbols.contains(where: { text.contains($0) }) { return .done }
        if words.contains(where: doneWords.contains) { return .done }
        return nil
    }
}
