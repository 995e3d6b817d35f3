import Foundation
import GreenlightCore

/// The words and symbols readiness documents use to say done or not yet.
enum StatusMarkers {
    /// ✅ and its common mis-encodings (MacRoman `‚úÖ`, Windows-1252 `âœ…`), ✔, ☑, ✓.
    static let doneSymbols = ["✅", "‚úÖ", "âœ…", "✔", "☑", "✓"]
    static let openSymbols = ["⏳", "⌛", "🚧", "❌", "🔄", "⬜", "🔲"]
    static let doneWords: Set<String> = ["DONE", "COMPLETE", "COMPLETED", "PASS", "PASSED", "PASSING", "READY", "VERIFIED", "SHIPPED", "GREEN"]
    static let headingDoneWords: Set<String> = ["DONE", "COMPLETE", "COMPLETED"]
    static let openWords: Set<String> = ["PENDING", "TODO", "WIP", "BLOCKED", "FAIL", "FAILED", "FAILING", "QUEUED", "NOT", "RED"]

    /// A heading is done when marked ✅ / DONE / COMPLETE, open when marked ⏳ / PENDING / TODO.
    /// A heading about what is left ("Next steps to complete", "Remaining", "To do") is no
    /// claim, whatever word it holds.
    static func state(ofHeading text: Substring) -> Claim.State? {
        let lowered = text.lowercased()
        if leftoverHeadings.contains(where: { ByteSearch.contains(lowered, $0) }) { return nil }
        // "✅ DO:" over a list of practices is advice, not work done.
        if adviceHeadings.contains(lowered.filter { $0.isLetter || $0 == " " || $0 == "'" }.trimmingWhitespace) { return nil }
        if let marked = state(of: text, doneWords: headingDoneWords) { return marked }
        // "Phase 2 (Completed)", "Auth — done", "Completed: exports".
        let plain = lowered.trimmingWhitespace.filter { $0 != "*" && $0 != "_" }
        if doneTails.contains(where: { plain.hasSuffix($0) }) || doneHeads.contains(where: { plain.hasPrefix($0) }) { return .done }
        return nil
    }

    static let doneTails = ["(completed)", "(complete)", "(done)", "(implemented)", "(shipped)", "- completed", "- complete",
                            "- done", "— completed", "— complete", "— done", ": completed", ": complete", ": done"]
    static let doneHeads = ["completed:", "done:", "[done]", "[completed]"]

    /// Whether a heading is over decisions ("Decided", "Design decisions", "Root cause"): its
    /// boxes record what was decided, not work done. A review's "Findings checklist" lists work.
    static func recordsDecisions(_ heading: String) -> Bool {
        ["decided", "decision", "root cause"].contains { ByteSearch.containsIgnoringCase(heading, $0) }
    }

    /// Headings of advice: what to do, what good looks like.
    static let adviceHeadings: Set<String> = ["do", "dos", "don't", "dont", "do not", "good", "correct", "right",
                                              "good example", "correct usage", "best practice", "best practices"]

    /// A table cell that answers yes or no (`✅ Yes`, `❌ No`): a matrix's value, not a status.
    static func isAnswer(_ cell: Substring) -> Bool {
        var text = String(cell)
        for mark in doneSymbols + openSymbols { text = text.replacingOccurrences(of: mark, with: "") }
        let plain = text.filter { $0 != "*" && $0 != "_" && $0 != "`" }.trimmingWhitespace.lowercased()
        return answers.contains(plain)
    }

    static let answers: Set<String> = ["yes", "no", "y", "n", "allowed", "denied", "supported", "unsupported", "true", "false",
                                       "enabled", "disabled", "visible", "hidden", "required", "optional", "n/a"]

    /// Phrases of headings over what is still to do.
    static let leftoverHeadings = ["next step", "remaining", "to complete", "to do", "still needed", "not yet", "ready when",
                                   "criteria", "definition of done"]
    /// Words that make "complete" partial: "LARGELY COMPLETE", "mostly done".
    static let partialWords = ["largely", "mostly", "partially", "partly", "nearly", "almost"]

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
        let string = String(text)
        if partialWords.contains(where: { ByteSearch.containsIgnoringCase(string, $0) }) { return .open }
        if openSymbols.contains(where: { ByteSearch.contains(string, $0) }) { return .open }
        let words = upperCaseWords(text.utf8)
        if words.contains(where: openWords.contains) || ByteSearch.contains(string, "IN PROGRESS") { return .open }
        if doneSymbols.contains(where: { ByteSearch.contains(string, $0) }) { return .done }
        if words.contains(where: doneWords.contains) { return .done }
        return nil
    }

    /// Runs of two or more ASCII capitals that stand alone (not part of a longer word).
    private static func upperCaseWords(_ utf8: Substring.UTF8View) -> [String] {
        var words: [String] = []
        var run: [UInt8] = []
        var mixed = false
        func flush() {
            if run.count > 1 && !mixed { words.append(String(decoding: run, as: UTF8.self)) }
            run.removeAll(keepingCapacity: true)
            mixed = false
        }
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): run.append(byte)
            case UInt8(ascii: "a")...UInt8(ascii: "z"), 0x80...0xFF: mixed = true; run.append(byte)
            default: flush()
            }
        }
        flush()
        return words
    }
}
