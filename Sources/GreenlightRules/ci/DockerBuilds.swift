import Foundation
import GreenlightCore

/// Which Dockerfiles a workflow step builds: `docker build`, `docker buildx build`,
/// `docker image build`, `podman build`, `docker/build-push-action`; Compose (`build`, `up`,
/// `run`, `create`) builds its file's services' Dockerfiles; `docker buildx bake` counts as
/// building every Dockerfile (its files are not read).
enum DockerBuilds {
    enum Target: Equatable {
        /// A Dockerfile path relative to the repository root.
        case path(String)
        /// Any Dockerfile: the path is an expression, or the tool builds many.
        case any
        /// The Dockerfiles the services of these Compose files build (paths from the root).
        case compose([String])
    }

    /// The files Compose reads when no `-f` names one.
    static let defaultComposeFiles = ["compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml"]

    static let valueFlags: Set<String> = [
        "-t", "--tag", "--build-arg", "--target", "--platform", "-f", "--file", "--label", "--secret", "--cache-from",
        "--cache-to", "-o", "--output", "--progress", "--network", "--ssh", "--iidfile", "--metadata-file", "--builder",
        "--allow", "--add-host", "--shm-size", "--ulimit", "-m", "--memory", "--annotation", "--attest",
        "--build-context", "--sbom", "--provenance", "--cgroup-parent", "--isolation", "--cpu-shares", "--cpuset-cpus",
    ]

    static func targets(of step: WorkflowStep, job: WorkflowJob) -> [Target] {
        let directory = job.directory(of: step)
        if let uses = step.uses?.string?.lowercased(), isBuildPushAction(uses) {
            let with = Dictionary(step.with.compactMap { pair in pair.key.string.map { ($0, pair.value.string ?? "") } },
                                  uniquingKeysWith: { first, _ in first })
            let path = with["file"] ?? RepositoryPath.join(with["context"] ?? ".", "Dockerfile")
            return expanded(path, job: job)?.map { target($0, in: ".") } ?? [target(path, in: ".")]
        }
        // `docker/bake-action` builds the targets of its files: a Compose file's services, or
        // (an HCL or JSON bake file, not read) any Dockerfile.
        if let uses = step.uses?.string?.lowercased(), isBakeAction(uses) {
            let value = step.with.first { $0.key.string == "files" }?.value
            let listed = value?.string.map { [$0] } ?? value?.sequence?.compactMap(\.string) ?? []
            let files = listed.flatMap { $0.split(whereSeparator: { $0 == "\n" || $0 == "," }) }
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            guard !files.isEmpty, files.allSatisfy({ ($0.hasSuffix(".yml") || $0.hasSuffix(".yaml")) && !$0.contains("$") }) else {
                return [.any]
            }
            return [.compose(files.map { RepositoryPath.normalise(RepositoryPath.join(".", $0)) })]
        }
        guard let run = step.run?.string else { return [] }
        // `run: ${{ matrix.runs.build }}`: the command comes from a computed matrix (bashbrew's
        // generated jobs) and may build any Dockerfile.
        let trimmed = run.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("${{"), trimmed.hasSuffix("}}"), !trimmed.dropFirst(3).contains("${{") { return [.any] }
        return targets(inScript: run, directory: directory)
    }

    /// `docker/build-push-action`, or Depot's drop-in replacement with the same inputs.
    static func isBuildPushAction(_ uses: String) -> Bool {
        uses.hasPrefix("docker/build-push-action") || uses.hasPrefix("depot/build-push-action")
    }

    /// `docker/bake-action`, or Depot's drop-in replacement.
    static func isBakeAction(_ uses: String) -> Bool {
        uses.hasPrefix("docker/bake-action") || uses.hasPrefix("depot/bake-action")
    }

    static let composeBuildingCommands: Set<String> = ["build", "--build", "up", "run", "create"]

    /// Deploy commands that build the images of their configuration on a remote builder
    /// (`fly deploy`, `gcloud builds submit`, TrueFoundry's `tfy deploy`): which Dockerfiles they
    /// build is in files Greenlight does not read, so they may build any.
    static let remoteBuilders: [[String]] = [
        ["fly", "deploy"], ["flyctl", "deploy"], ["gcloud", "builds", "submit"], ["gcloud", "run", "deploy"],
        ["az", "acr", "build"], ["tfy", "deploy"], ["railway", "up"], ["heroku", "container:push"], ["pulumi", "up"],
        ["copilot", "deploy"], ["copilot", "svc", "deploy"],
    ]

    /// What a shell script builds (a step's `run`, a script file it runs, a Makefile's recipes),
    /// its relative paths read from `directory`.
    static func targets(inScript run: String, directory: String) -> [Target] {
        var targets: [Target] = []
        for command in ShellScript(PositionedText(Substring(run), at: SourcePosition(line: 1, column: 1))).commands {
            var words = command.words.map(\.text)
            if words.first == "sudo" { words.removeFirst() }
            guard let tool = words.first else { continue }
            if remoteBuilders.contains(where: { words.starts(with: $0) }) { return [.any] }
            var rest = Array(words.dropFirst())
            // Compose builds a service's image for `build`, and for `up`, `run` and `create` when
            // the image is missing — always, on a fresh CI runner.
            let composeBuilds = { (arguments: ArraySlice<String>) in arguments.contains { composeBuildingCommands.contains($0) } }
            if tool == "docker-compose", composeBuilds(rest[...]) {
                targets.append(composeTarget(rest[...], directory: directory))
                continue
            }
            guard tool == "docker" || tool == "podman" || tool == "buildah" else { continue }
            if rest.first == "compose", composeBuilds(rest.dropFirst()) {
                targets.append(composeTarget(rest.dropFirst(), directory: directory))
                continue
            }
            if rest.first == "buildx", rest.dropFirst().first == "bake" { return [.any] }
            if rest.first == "buildx" || rest.first == "image" { rest.removeFirst() }
            guard rest.first == "build" || rest.first == "bud" else { continue }
            targets.append(buildTarget(Array(rest.dropFirst()), directory: directory))
        }
        return targets
    }

    /// The Compose files a command reads: each `-f`/`--file`, or the default names in its
    /// directory; any Dockerfile when a path is an expression.
    private static func composeTarget(_ arguments: ArraySlice<String>, directory: String) -> Target {
        var files: [String] = []
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let argument = arguments[index]
            if argument == "-f" || argument == "--file", index + 1 < arguments.endIndex {
                files.append(arguments[index + 1])
                index += 2
                continue
            }
            if argument.hasPrefix("--file=") { files.append(String(argument.dropFirst(7))) }
            index += 1
        }
        if files.contains(where: { $0.contains("$") }) { return .any }
        let paths = files.isEmpty ? defaultComposeFiles : files
        return .compose(paths.map { RepositoryPath.normalise(RepositoryPath.join(directory, $0)) })
    }

    private static func buildTarget(_ arguments: [String], directory: String) -> Target {
        var file: String?
        var context: String?
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument.hasPrefix("-") && argument != "-" {
                let (name, inline) = argument.contains("=")
                    ? (String(argument.prefix { $0 != "=" }), String(argument.drop { $0 != "=" }.dropFirst()))
                    : (argument, nil)
                var value = inline
                if value == nil, valueFlags.contains(name), index + 1 < arguments.count {
                    index += 1
                    value = arguments[index]
                }
                if name == "-f" || name == "--file" { file = value }
            } else {
                context = argument
            }
            index += 1
        }
        let contextPath = RepositoryPath.join(directory, context ?? ".")
        if let file {
            if file == "-" { return .any }
            return target(file, in: directory)
        }
        return target(RepositoryPath.join(contextPath, "Dockerfile"), in: ".")
    }

    private static let matrixReference = try! NSRegularExpression(pattern: #"\$\{\{\s*matrix\.([A-Za-z0-9_-]+)\s*\}\}"#)

    /// `./apps/${{ matrix.package }}/Containerfile` with the job's matrix listing the values
    /// (`package: [supervisor, webapp]`, no `include:` to add more): one path per value. Nil
    /// for any other expression.
    static func expanded(_ path: String, job: WorkflowJob) -> [String]? {
        let range = NSRange(path.startIndex..., in: path)
        let names = Set(matrixReference.matches(in: path, range: range).compactMap { match in
            Range(match.range(at: 1), in: path).map { String(path[$0]) }
        })
        guard names.count == 1, let name = names.first, let matrix = job.node["strategy"]?["matrix"],
              matrix["include"] == nil, let values = matrix[name]?.sequence else { return nil }
        let literal = values.compactMap(\.string)
        guard !literal.isEmpty, literal.count == values.count, !literal.contains(where: { $0.contains("$") }) else { return nil }
        let paths = literal.map { value in
            matrixReference.stringByReplacingMatches(in: path, range: range, withTemplate: NSRegularExpression.escapedTemplate(for: value))
        }
        return paths.contains { $0.contains("$") } ? nil : paths
    }

    private static func target(_ path: String, in directory: String) -> Target {
        let joined = path.hasPrefix("/") ? path : RepositoryPath.join(directory, path)
        if joined.contains("$") || joined.contains("://") { return .any }
        return .path(RepositoryPath.normalise(joined))
    }
}
