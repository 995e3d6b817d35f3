import GreenlightCore

/// Builds a workflow step makes through files of the repository: a script it runs
/// (`./scripts/build.sh`, `bash ci/images.sh`), a Makefile's recipes (`make images`,
/// `make -C docker build`), a local composite action (`uses: ./.github/actions/image`) — and
/// builds by another CI system the repository configures (Jenkins, GitLab, CircleCI …).
enum IndirectDockerBuilds {
    /// Configuration files of other CI systems.
    static let otherCI = ["Jenkinsfile", ".gitlab-ci.yml", ".circleci/config.yml", "azure-pipelines.yml", ".drone.yml",
                          "bitbucket-pipelines.yml", ".travis.yml", ".buildkite/pipeline.yml", "cloudbuild.yaml",
                          "cloudbuild.yml"]

    /// The targets of the files `step` runs or uses.
    static func targets(of step: WorkflowStep, job: WorkflowJob, _ snapshot: RepositorySnapshot) throws -> [DockerBuilds.Target] {
        let directory = job.directory(of: step)
        if let uses = step.uses?.string, uses.hasPrefix("./") {
            return try actionTargets(RepositoryPath.normalise(uses), snapshot)
        }
        guard let run = step.run?.string else { return [] }
        var targets: [DockerBuilds.Target] = []
        for command in ShellScript(PositionedText(Substring(run), at: SourcePosition(line: 1, column: 1))).commands {
            var words = command.words.map(\.text)
            if words.first == "sudo" { words.removeFirst() }
            guard let program = words.first else { continue }
            if program == "make" || program == "gmake" {
                var folder = directory
                if let flag = words.firstIndex(of: "-C"), flag + 1 < words.count { folder = RepositoryPath.join(directory, words[flag + 1]) }
                for name in ["Makefile", "GNUmakefile", "makefile"] {
                    if let text = try snapshot.text(at: RepositoryPath.normalise(RepositoryPath.join(folder, name))) {
                        targets += DockerBuilds.targets(inScript: text.text, directory: folder)
                        break
                    }
                }
                continue
            }
        }
        for path in StepScripts.paths(of: step, job: job, interpreters: StepScripts.shells, snapshot) {
            if let text = try snapshot.text(at: path) { targets += DockerBuilds.targets(inScript: text.text, directory: directory) }
        }
        return targets
    }

    /// A local action's `action.yml`: its steps' builds (`docker/build-push-action` inputs, `run`).
    private static func actionTargets(_ folder: String, _ snapshot: RepositorySnapshot) throws -> [DockerBuilds.Target] {
        for name in ["action.yml", "action.yaml"] {
            guard let text = try snapshot.text(at: RepositoryPath.join(folder, name)) else { continue }
            guard let steps = YAMLComposer.compose(text.text).root?["runs"]?["steps"]?.sequence else { return [] }
            var targets: [DockerBuilds.Target] = []
            for step in steps {
                if let uses = step["uses"]?.string?.lowercased(), DockerBuilds.isBuildPushAction(uses) {
                    let file = step["with"]?["file"]?.string
                    let context = step["with"]?["context"]?.string ?? "."
                    let path = file ?? RepositoryPath.join(context, "Dockerfile")
                    targets.append(path.contains("$") ? .any : .path(RepositoryPath.normalise(path)))
                } else if let run = step["run"]?.string {
                    targets += DockerBuilds.targets(inScript: run, directory: step["working-directory"]?.string ?? ".")
                }
            }
            return targets
        }
        return []
    }

    /// Another CI system is configured and its configuration builds images (or runs `make`,
    /// whose targets it does not show): Greenlight cannot see which Dockerfiles it builds.
    static func otherSystemBuilds(_ snapshot: RepositorySnapshot) throws -> Bool {
        // Jenkins pipelines live anywhere, under any case (`ci/jenkinsfile`, `Jenkinsfile.release`).
        let jenkins = snapshot.entries.map(\.path).filter { path in
            RepositoryPath.name(of: path).lowercased().hasPrefix("jenkinsfile") && !VendoredCode.contains(path)
        }
        for path in otherCI.filter({ $0 != "Jenkinsfile" }) + jenkins {
            guard let text = try snapshot.text(at: path)?.text else { continue }
            if ["docker", "buildx", "bake", "podman", "make ", "kaniko", "buildah"].contains(where: { text.contains($0) }) {
                return true
            }
        }
        return false
    }
}
