import Yams

/// Positions of nodes in YAML text, for findings that point into a committed config file.
public enum YAMLPositions {
    /// The 1-based line and column of the node at `path` (mapping keys and sequence indexes)
    /// in `text`, or nil when the text is not YAML or has no such node.
    public static func position(of path: [String], in text: String) -> (line: Int, column: Int)? {
        guard let root = try? Yams.compose(yaml: text),
              let mark = YAMLDiagnostics.locate(path, in: root)?.value.mark else { return nil }
        return (mark.line, mark.column)
    }
}
