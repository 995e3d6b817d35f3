import GreenlightCore

/// Groups parsed instructions into stages and collects the `ARG`s before the first `FROM`.
enum DockerfileStructure {
    static func build(
        path: String, escape: Unicode.Scalar, instructions: [DockerInstruction], problems: [DockerfileProblem],
        hadolintIgnores: [Int: Set<String>] = [:]
    ) -> Dockerfile {
        var problems = problems
        var metaArgs: [DockerVariable] = []
        var stages: [DockerStage] = []
        var current: (from: DockerInstruction, body: [DockerInstruction])?
        var beforeFrom: [DockerfileProblem] = []
        func close() {
            guard let open = current else { return }
            let words = open.from.words
            let image = words.first
            var name: DockerWord?
            if words.count == 3, words[1].text.lowercased() == "as" {
                name = words[2]
            } else if words.count > 1 {
                problems.append(DockerfileProblem(
                    message: "FROM expects an image and optionally 'AS name', found \(words.count) words",
                    position: words[1].position, matched: open.from.text))
            }
            stages.append(DockerStage(index: stages.count, from: open.from, image: image, name: name, instructions: open.body))
        }
        for instruction in instructions {
            if instruction.keyword == "FROM" {
                close()
                current = (instruction, [])
            } else if current != nil {
                current?.body.append(instruction)
            } else if instruction.keyword == "ARG" {
                metaArgs += instruction.assignments
            } else if DockerfileParser.keywords.contains(instruction.keyword) {
                beforeFrom.append(DockerfileProblem(
                    message: "\(instruction.keyword) before the first FROM (only ARG may come before it)",
                    position: instruction.position, matched: instruction.text))
            }
        }
        close()
        if stages.isEmpty {
            problems.append(DockerfileProblem(
                message: "no FROM instruction: this is not a buildable Dockerfile",
                position: instructions.first?.position ?? SourcePosition(line: 1, column: 1), matched: "no FROM"))
        } else {
            problems += beforeFrom
        }
        return Dockerfile(
            path: path, escape: escape, instructions: instructions, problems: problems.sorted { $0.position < $1.position },
            metaArgs: metaArgs, stages: stages, hadolintIgnores: hadolintIgnores)
    }
}

extension Dockerfile {
    /// BuildKit's automatic platform `ARG`s: usable in `FROM` without a declaration, their
    /// values known only at build time.
    public static let automaticPlatformArgs = ["TARGETPLATFORM", "TARGETOS", "TARGETARCH", "TARGETVARIANT",
                                               "BUILDPLATFORM", "BUILDOS", "BUILDARCH", "BUILDVARIANT"]

    /// The meta `ARG`s as a table for `DockerExpansion` (nil: declared without a default, or
    /// known only at build time), each default expanded with the ones above it
    /// (`ARG BASE=${REGISTRY}/node:${NODE}`), as BuildKit does.
    public var metaArgValues: [String: String?] {
        var values: [String: String?] = [:]
        for name in Self.automaticPlatformArgs { values[name] = .some(nil) }
        for arg in metaArgs {
            values[arg.name] = .some(arg.value.map { DockerExpansion($0, values: values, escape: escape).value })
        }
        return values
    }

    /// The base image of `stage` with meta `ARG`s substituted.
    public func resolvedImage(of stage: DockerStage) -> DockerExpansion? {
        stage.image.map { DockerExpansion($0.text, values: metaArgValues, escape: escape) }
    }

    /// `ENV` and `ARG` values visible at the end of `stage` (inherited from parent stages),
    /// for substituting in `EXPOSE` and the like.
    public func variables(of stage: DockerStage) -> [String: String?] {
        var values: [String: String?] = [:]
        for ancestor in lineage(of: stage).reversed() {
            for instruction in ancestor.instructions where instruction.keyword == "ENV" || instruction.keyword == "ARG" {
                for variable in instruction.assignments {
                    var value = variable.value
                    if instruction.keyword == "ARG", value == nil, let meta = metaArgValues[variable.name] { value = meta }
                    if let value {
                        values[variable.name] = .some(DockerExpansion(value, values: values, escape: escape).value)
                    } else if values[variable.name] == nil {
                        values[variable.name] = .some(nil)
                    }
                }
            }
        }
        return values
    }

    /// Every instruction of `stage` and, through `FROM earlier-stage`, of the stages it derives
    /// from, oldest first.
    public func inheritedInstructions(of stage: DockerStage) -> [DockerInstruction] {
        lineage(of: stage).reversed().flatMap(\.instructions)
    }
}

extension Dockerfile {
    /// Whether a `# hadolint ignore=CODE[,CODE…]` comment stands on the line above
    /// `instruction` (blank lines between allowed): a team that already silenced hadolint's
    /// rule there is not told again by the rule that matches it.
    public func ignoresHadolint(_ code: String, before instruction: DockerInstruction) -> Bool {
        hadolintIgnores[instruction.position.line]?.contains(code) ?? false
    }
}
