import GreenlightCore

/// Runs of findings the text and Markdown output write together: neighbours in report order
/// about one subject at one place (the ai rules' findings at one LLM call site). Every other
/// finding is a group of its own.
enum FindingGroups {
    static func bySubject(_ findings: [Finding]) -> [[Finding]] {
        var groups: [[Finding]] = []
        for finding in findings {
            if let last = groups.last?.last, last.sharesSubject(with: finding) {
                groups[groups.count - 1].append(finding)
            } else {
                groups.append([finding])
            }
        }
        return groups
    }
}
