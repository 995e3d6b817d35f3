import Foundation
import GreenlightCore

/// A parsed Dockerfile: its instructions in order (each with the position of its keyword), the
/// stages they form, the `ARG`s declared before the first `FROM`, and the problems met while
/// parsing. Parsing never fails: what cannot be read is a problem with a position.
public final class Dockerfile: Sendable {
    public let path: String
    /// The escape character (`\` unless `# escape=` says otherwise).
    public let escape: Unicode.Scalar
    public let instructions: [DockerInstruction]
    public let problems: [DockerfileProblem]
    /// `ARG`s before the first `FROM`: the only variables a `FROM` line can use.
    public let metaArgs: [DockerVariable]
    public let stages: [DockerStage]
    /// hadolint codes silenced by `# hadolint ignore=DL3006,DL4006` comments, by the line of the
    /// instruction they stand above.
    public let hadolintIgnores: [Int: Set<String>]

    init(path: String, escape: Unicode.Scalar, instructions: [DockerInstruction], problems: [DockerfileProblem],
         metaArgs: [DockerVariable], stages: [DockerStage], hadolintIgnores: [Int: Set<String>] = [:]) {
        self.hadolintIgnores = hadolintIgnores
        self.path = path
        self.escape = escape
        self.instructions = instructions
        self.problems = problems
        self.metaArgs = metaArgs
        self.stages = stages
    }

    public var finalStage: DockerStage? { stages.last }

    /// The stage named `name` (case-insensitive) declared before stage `index`.
    public func stage(named name: String, before index: Int) -> DockerStage? {
        stages.prefix(max(0, index)).last { $0.name?.text.lowercased() == name.lowercased() }
    }

    /// The stage `stage` starts from, if its base is an earlier stage.
    public func parent(of stage: DockerStage) -> DockerStage? {
        guard let image = stage.image?.text else { return nil }
        return self.stage(named: image, before: stage.index)
    }

    /// The stage and the stages it derives from, nearest first.
    public func lineage(of stage: DockerStage) -> [DockerStage] {
        var chain = [stage]
        var current = stage
        while chain.count <= stages.count, let parent = parent(of: current) {
            chain.append(parent)
            current = parent
        }
        return chain
    }
}

/// A problem that makes the file unreadable to `docker build`.
public struct DockerfileProblem: Sendable {
    public let message: String
    public let position: SourcePosition
    /// The text the problem is about, for the finding's fingerprint.
    public let matched: String
}

/// One instruction, with positions on its keyword, flags, words and heredocs.
public struct DockerInstruction: Sendable {
    /// Upper-cased keyword: `FROM`, `RUN`, ….
    public let keyword: String
    public let position: SourcePosition
    /// The last physical line it spans (continuations and heredoc bodies included).
    public let lastLine: Int
    public let flags: [DockerFlag]
    /// The arguments after the flags, continuation lines joined, heredoc bodies left out.
    public let arguments: PositionedText
    /// The arguments in JSON (exec) form, when they are a JSON array of strings.
    public let execForm: [String]?
    public let heredocs: [DockerHeredoc]
    /// For `ONBUILD`, the instruction it registers.
    public let trigger: [DockerInstruction]
    /// The logical line (keyword and arguments), with positions.
    public let logical: PositionedText
    let escape: Unicode.Scalar

    /// The logical line as text, for fingerprints and messages.
    public var text: String { logical.string }

    public func flag(_ name: String) -> DockerFlag? { flags.last { $0.name == name } }

    /// The arguments split into words, quotes and escapes removed.
    public var words: [DockerWord] { DockerWords.split(arguments, escape: escape) }

    /// `ENV`/`ARG`/`LABEL` assignments: `k=v k2=v2`, or the legacy `ENV k v` form.
    public var assignments: [DockerVariable] {
        let words = self.words
        guard let first = words.first else { return [] }
        if keyword == "ENV" || keyword == "LABEL", !first.raw.contains("=") {
            let value = words.count > 1
                ? arguments.text(words[1].offset..<arguments.count).trimmingCharacters(in: .whitespaces) : ""
            return [DockerVariable(name: first.text, value: value, position: first.position)]
        }
        return words.map { word in
            guard let equals = word.text.firstIndex(of: "=") else {
                return DockerVariable(name: word.text, value: nil, position: word.position)
            }
            return DockerVariable(
                name: String(word.text[..<equals]), value: String(word.text[word.text.index(after: equals)...]),
                position: word.position)
        }
    }

    /// The command a `RUN`, `CMD`, `ENTRYPOINT` or `HEALTHCHECK CMD` runs, as one line of text.
    public var commandText: String {
        if let execForm { return execForm.joined(separator: " ") }
        return arguments.string
    }
}

/// `--name=value` (or a bare `--name`) after the keyword.
public struct DockerFlag: Sendable {
    public let name: String
    public let value: String?
    public let position: SourcePosition
}

/// `<<EOF … EOF` after `RUN`, `COPY` or `ADD`.
public struct DockerHeredoc: Sendable {
    public let delimiter: String
    /// `<<-`: leading tabs are stripped from the body and the terminator.
    public let stripsTabs: Bool
    /// Position of the `<<`.
    public let position: SourcePosition
    public let body: PositionedText
    /// False when the file ended before the terminator.
    public let terminated: Bool
}

/// A word of the arguments, with quotes and escapes removed.
public struct DockerWord: Sendable {
    public let text: String
    /// The word as written.
    public let raw: String
    public let position: SourcePosition
    /// Offset of its first scalar in the instruction's arguments.
    public let offset: Int
}

/// `NAME=value` in `ENV`, `ARG` or `LABEL`; `value` is nil for `ARG NAME` without a default.
public struct DockerVariable: Sendable {
    public let name: String
    public let value: String?
    public let position: SourcePosition
}

/// `FROM` and the instructions up to the next `FROM`.
public struct DockerStage: Sendable {
    /// 0-based, as `COPY --from=0` counts.
    public let index: Int
    public let from: DockerInstruction
    /// The base image as written (before variable expansion); nil when `FROM` has none.
    public let image: DockerWord?
    /// `AS name`.
    public let name: DockerWord?
    /// The instructions after `FROM`, in order.
    public let instructions: [DockerInstruction]

    public func all(_ keyword: String) -> [DockerInstruction] { instructions.filter { $0.keyword == keyword } }
}
