import GreenlightCore

/// `core.missing-object`: files of the snapshot whose blob the object database does not have —
/// a partial or blobless clone, a shallow mirror that dropped large files, or damage. They are
/// not read, and the run goes on; this finding says so, so a GREEN is never quietly partial.
/// Shape: a whole-snapshot check that asks the object database's index, reading no content.
public struct MissingObjectRule: Rule {
    public static let description = RuleDescription(
        id: "core.missing-object",
        severity: .note,
        summary: "Files whose content is missing from the object database were not checked",
        rationale: """
            A partial clone (`--filter=blob:none`, `--filter=blob:limit=…`) or a damaged \
            repository lists files whose content git does not have. Greenlight cannot read them, \
            so no rule saw them: the run goes on over the rest, and this note names how many \
            were skipped and which, so that a clean result is never silently partial. Fetch the \
            missing objects (`git fetch --refetch`, or a full clone) to check everything.
            """,
        triggering: [
            RuleExample(["src/app.ts": "export const a = 1\n", "assets/demo.gif": "GIF89a…\n"],
                        missingObjects: ["assets/demo.gif"], expect: ["assets/demo.gif:0:0"]),
            RuleExample(["a/model.onnx": "weights\n", "b/clip.mp4": "frames\n", "README.md": "# App\n"],
                        missingObjects: ["b/clip.mp4", "a/model.onnx"], expect: ["a/model.onnx:0:0"]),
        ],
        nonTriggering: [
            RuleExample(["src/app.ts": "export const a = 1\n", "assets/demo.gif": "GIF89a…\n"]),
        ]
    )

    public init() {}

    /// How many missing paths the message names before "and N more".
    static let named = 3

    public func check(_ context: RuleContext, options: NoOptions) throws -> [Finding] {
        let missing = context.snapshot.missingObjects()
        guard let first = missing.first else { return [] }
        let shown = missing.prefix(Self.named).map(\.path).joined(separator: ", ")
        let more = missing.count > Self.named ? " and \(missing.count - Self.named) more" : ""
        let count = missing.count == 1 ? "1 file's content is" : "\(missing.count) files' contents are"
        return [Finding(
            rule: Self.description,
            path: first.path,
            line: 0,
            column: 0,
            message: "\(count) missing from the object database (a partial clone, or damage) and \(missing.count == 1 ? "was" : "were") not checked: \(shown)\(more)",
            matched: missing.map { $0.objectID ?? "" }.joined(separator: ","),
            fix: "fetch the missing objects (git fetch --refetch, or a full clone) to check every file"
        )]
    }
}
