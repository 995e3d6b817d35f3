import GreenlightCore

/// `ci.docker-build-missing`: a Dockerfile that no workflow on push or pull_request builds.
/// Shape: needs every workflow and every Dockerfile of the snapshot.
public struct DockerBuildMissingRule: Rule {
    public struct Options: RuleOptions {
        /// Dockerfiles that need no build in CI (dev containers, examples).
        public var ignore: [String] = [".devcontainer/**"]

        public init() {}

        enum CodingKeys: String, CodingKey, CaseIterable {
            case ignore
        }

        public init(from decoder: Decoder) throws {
            try decoder.rejectUnknownKeys(CodingKeys.self)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            ignore = try container.decodeIfPresent([String].self, forKey: .ignore) ?? [".devcontainer/**"]
            for (index, pattern) in ignore.enumerated() {
                do { _ = try Glob(pattern) } catch let error as Glob.SyntaxError {
                    throw DecodingError.dataCorrupted(DecodingError.Context(
                        codingPath: [CodingKeys.ignore, AnyCodingKey(intValue: index)], debugDescription: error.description))
                }
            }
        }
    }

    public static let description = RuleDescription(
        id: "ci.docker-build-missing",
        severity: .warning,
        summary: "A Dockerfile is not built by any push or pull_request workflow",
        rationale: """
            A Dockerfile that CI never builds breaks unnoticed until the deploy: a base image \
            disappears, a copied path is renamed, a stage is duplicated. A workflow on push or \
            pull_request should build it — `docker build`, `docker buildx build`, \
            `docker/build-push-action`, or Compose (`docker compose build`, and `up`, `run` or \
            `create`, which build a missing image), or a deploy command that builds remotely (`fly \
            deploy`, `gcloud builds submit`, `tfy deploy` …). `-f`, the build context, \
            `working-directory` and the action's `file`/`context` decide which Dockerfile a step \
            builds; a path with an expression counts for every Dockerfile. Builds made by a \
            script or a Makefile a step runs, or by a local composite action, count; a \
            repository whose other CI system (a Jenkinsfile anywhere, `.gitlab-ci.yml` …) builds \
            images is not judged. Dockerfiles of tests, fixtures, examples, development \
            containers, tooling under a dot-folder (`.docker/`) and vendored code are not \
            services to build.
            """,
        configKeys: [ConfigKey("ignore", "globs of Dockerfiles that need no CI build", default: ".devcontainer/**")],
        triggering: [
            RuleExample([
                "dashboard/Dockerfile": "# syntax=docker/dockerfile:1\n\n↓FROM node:20-alpine\nCMD [\"npm\", \"start\"]\n",
                "api/Dockerfile": "FROM python:3.12-slim\n",
                ".github/workflows/ci.yml": """
                    on: pull_request
                    jobs:
                      image:
                        runs-on: ubuntu-latest
                        steps:
                          - uses: actions/checkout@v4
                          - run: docker build -t api -f api/Dockerfile api
                    """,
            ]),
            // A matrix's listed values name the Dockerfiles built: not the one it leaves out.
            RuleExample([
                "apps/supervisor/Containerfile": "FROM node:20\n",
                "apps/webapp/Containerfile": "↓FROM node:20\n",
                ".github/workflows/publish.yml": "on: push\njobs:\n  p:\n    runs-on: ubuntu-latest\n    strategy:\n      matrix:\n        package: [supervisor]\n    steps:\n      - uses: depot/build-push-action@v1\n        with:\n          file: ./apps/${{ matrix.package }}/Containerfile\n",
            ]),
            // No CI at all: one finding for the repository.
            RuleExample([
                "api/Dockerfile": "↓FROM alpine:3.20\n",
                "worker/Dockerfile": "FROM alpine:3.20\n",
            ]),
            // Compose builds its own services' images, not every Dockerfile.
            RuleExample([
                "backend/Dockerfile": "FROM python:3.12\n",
                "reranker/Dockerfile": "↓FROM python:3.12\n",
                "e2e/docker-compose.yml": "services:\n  backend:\n    build: ../backend\n",
                ".github/workflows/e2e.yml": "on: pull_request\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps: [{run: docker compose -f e2e/docker-compose.yml up -d}]\n",
            ]),
        ],
        nonTriggering: [
            RuleExample([
                "Dockerfile": "FROM node:20-alpine\n",
                "services/worker/Dockerfile.prod": "FROM python:3.12\n",
                ".devcontainer/Dockerfile": "FROM mcr.microsoft.com/devcontainers/base:ubuntu\n",
                ".github/workflows/ci.yml": """
                    on: [push]
                    jobs:
                      image:
                        runs-on: ubuntu-latest
                        steps:
                          - uses: docker/build-push-action@v6
                            with:
                              push: false
                          - run: docker buildx build --load -t w -f Dockerfile.prod .
                            working-directory: services/worker
                    """,
            ]),
            RuleExample([
                "Dockerfile": "FROM node:20-alpine\n",
                "compose.yaml": "services:\n  web:\n    build: .\n",
                ".github/workflows/ci.yml": "on: pull_request\njobs:\n  c:\n    runs-on: ubuntu-latest\n    steps: [{run: docker compose build}]\n",
            ]),
            // With no `Dockerfile` in the context, BuildKit builds the lower-case `dockerfile`.
            RuleExample([
                "dockerfile": "FROM node:20-alpine\n",
                ".github/workflows/ci.yml": "on: push\njobs:\n  c:\n    runs-on: ubuntu-latest\n    steps: [{uses: docker/build-push-action@v6, with: {context: .}}]\n",
            ]),
            // Through a script, a Makefile and a local action.
            RuleExample([
                "api/Dockerfile": "FROM python:3.12\n",
                "web/Dockerfile.prod": "FROM node:20\n",
                "worker/Dockerfile": "FROM golang:1.23\n",
                "scripts/images.sh": "#!/bin/sh\nset -e\ndocker build -f api/Dockerfile api\n",
                "Makefile": "images:\n\tdocker build -f web/Dockerfile.prod web\n",
                ".github/actions/worker-image/action.yml": "runs:\n  using: composite\n  steps:\n    - uses: docker/build-push-action@v6\n      with:\n        context: worker\n",
                ".github/workflows/ci.yml": "on: push\njobs:\n  c:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ./scripts/images.sh && make images\n      - uses: ./.github/actions/worker-image\n",
            ]),
            // A command computed by a generated matrix may build anything.
            RuleExample([
                "16/alpine/Dockerfile": "FROM alpine:3.20\n",
                ".github/workflows/ci.yml": "on: pull_request\njobs:\n  t:\n    runs-on: ubuntu-latest\n    strategy:\n      matrix: ${{ fromJson(needs.generate.outputs.strategy) }}\n    steps:\n      - run: ${{ matrix.runs.build }}\n",
            ]),
            // Another CI system builds the images.
            RuleExample([
                "Dockerfile.aarch64": "FROM alpine:3.20\n",
                "Jenkinsfile": "pipeline { stages { stage('Build') { steps { sh 'docker buildx build -f Dockerfile.aarch64 .' } } } }\n",
                ".github/workflows/trigger.yml": "on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps: [{run: echo trigger}]\n",
            ]),
            RuleExample([
                "Dockerfile": "FROM python:3.12\n",
                "ci/jenkinsfile": "stage('Build') { sh \"make docker_build\" }\n",
            ]),
            // Compose brings the stack up on CI, building its services' images.
            RuleExample([
                "backend/Dockerfile": "FROM python:3.12\n",
                "docker-compose.yml": "services:\n  backend:\n    build: ./backend\n",
                ".github/workflows/test.yml": "on: [push, pull_request]\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps: [{run: docker compose up -d}]\n",
            ]),
            // docker/bake-action over a Compose file builds its services.
            RuleExample([
                "backend/Dockerfile": "FROM python:3.12\n",
                "docker/docker-compose.build.yaml": "services:\n  backend:\n    build:\n      context: ..\n      dockerfile: backend/Dockerfile\n",
                ".github/workflows/ci-test.yaml": "on: pull_request\njobs:\n  e2e:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: docker/bake-action@v5\n        with:\n          files: ./docker/docker-compose.build.yaml\n",
            ]),
            // A deploy command that builds on a remote builder.
            RuleExample([
                "backend/Dockerfile": "FROM python:3.12\n",
                "truefoundry.yaml": "components:\n  - name: backend\n    image:\n      type: build\n      build_spec:\n        dockerfile_path: backend/Dockerfile\n",
                ".github/workflows/deploy.yaml": "on:\n  push:\n    branches: [main]\njobs:\n  d:\n    runs-on: ubuntu-latest\n    steps: [{run: tfy deploy --file truefoundry.yaml --no-wait}]\n",
            ]),
            // A dot-folder's image is the developers' tooling (a local database for Compose).
            RuleExample([
                ".docker/mongo/Dockerfile": "FROM mongo:7\nCOPY init.js /docker-entrypoint-initdb.d/\n",
                ".github/workflows/ci.yml": "on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps: [{run: npm test}]\n",
            ]),
            // Depot's build-push-action over a matrix of packages; a Dockerfile a user copies.
            RuleExample([
                "apps/supervisor/Containerfile": "FROM node:20\n",
                "apps/webapp/Containerfile": "FROM node:20\n",
                "deploy/Dockerfile.user.example": "FROM acme/base:1.0\n",
                ".github/workflows/publish.yml": "on: push\njobs:\n  p:\n    runs-on: ubuntu-latest\n    strategy:\n      matrix:\n        package: [supervisor, webapp]\n    steps:\n      - uses: depot/build-push-action@v1\n        with:\n          file: ./apps/${{ matrix.package }}/Containerfile\n",
            ]),
        ]
    )

    public init() {}

    public func check(_ context: RuleContext, options: Options) throws -> [Finding] {
        let ignore = try options.ignore.map(Glob.init)
        let dockerfiles = DockerfileFiles.entries(context).filter { entry in
            DockerfileRole.isShipped(entry.path, context) && !ignore.contains { $0.matches(entry.path) }
        }
        guard !dockerfiles.isEmpty else { return [] }
        if try IndirectDockerBuilds.otherSystemBuilds(context.snapshot) { return [] }
        var built: Set<String> = []
        for workflow in try WorkflowParser.workflows(context) where workflow.runsOnPushOrPullRequest {
            for job in workflow.jobs {
                for step in job.steps {
                    let targets = DockerBuilds.targets(of: step, job: job)
                        + (try IndirectDockerBuilds.targets(of: step, job: job, context.snapshot))
                    for target in targets {
                        switch target {
                        case .any: return []
                        case .path(let path): built.insert(path)
                        case .compose(let files):
                            let read = try files.compactMap { try ComposeFiles.dockerfiles(builtBy: $0, context) }
                            // `-f` names a file that is not committed: it may build anything.
                            if read.isEmpty && files.count == 1 { return [] }
                            built.formUnion(read.flatMap { $0 })
                        }
                    }
                }
            }
        }
        var findings: [Finding] = []
        // No CI at all: one finding for the repository, not one per Dockerfile.
        let hasWorkflows = !(try WorkflowParser.workflows(context)).isEmpty
        if !hasWorkflows, let first = dockerfiles.first {
            return [Finding(
                rule: Self.description, path: first.path, line: 1, column: 1,
                message: "the repository has no CI workflow, so none of its \(dockerfiles.count) Dockerfile\(dockerfiles.count == 1 ? "" : "s") is built before a deploy",
                matched: "no CI",
                fix: "add a workflow on pull_request that builds each image (docker/build-push-action with push: false)")]
        }
        // With no `Dockerfile` in the context, BuildKit reads a lower-case `dockerfile`.
        let present = Set(dockerfiles.map(\.path))
        for path in built where (path == "Dockerfile" || path.hasSuffix("/Dockerfile")) && !present.contains(path) {
            built.insert(RepositoryPath.join(RepositoryPath.folder(of: path), "dockerfile"))
        }
        for entry in dockerfiles where !built.contains(entry.path) {
            var position = SourcePosition(line: 0, column: 0)
            if case .text(let text) = try context.snapshot.content(of: entry) {
                let file = context.parsed(DockerfileFiles.parserKey, text, parse: DockerfileParser.parse)
                position = file.instructions.first?.position ?? SourcePosition(line: 1, column: 1)
            }
            findings.append(Finding(
                rule: Self.description, path: entry.path, line: position.line, column: position.column,
                message: "no workflow on push or pull_request builds \(entry.path), so a broken image is found at deploy time",
                matched: entry.path,
                fix: "add a job that runs `docker build -f \(entry.path) …` or docker/build-push-action on pull_request"))
        }
        return findings
    }
}
