import GreenlightCore

/// Who an image runs as when its final stage sets no USER: what is known of bases (official
/// images run as root; Jupyter, Bitnami and `nonroot` tags do not), of entrypoints that hand over
/// to another user, and of servers that drop to their worker user. Shared by `docker.root-user`
/// and `docker.base-user-unknown`.
enum ImageUsers {
    enum Verdict: Equatable {
        /// Root: an official or known root base, nothing handing over.
        case root
        /// An unprivileged user: the base's, or one the entrypoint or server hands over to; or
        /// the image never runs.
        case unprivileged
        /// Whatever the base `image` runs as, which is not known here.
        case unknown(String)
    }

    /// Who `stage` (a final stage with no USER in it or the stages it derives from) runs as.
    static func userWithoutUSER(_ stage: DockerStage, in file: Dockerfile) -> Verdict {
        let bases = file.lineage(of: stage).compactMap { file.resolvedImage(of: $0)?.value.lowercased() }
        if bases.contains(where: runsUnprivileged) { return .unprivileged }
        let inherited = file.inheritedInstructions(of: stage)
        // An image that never runs: `FROM scratch` holding files, with nothing to start.
        if bases.last == "scratch" && !inherited.contains(where: { $0.keyword == "CMD" || $0.keyword == "ENTRYPOINT" }) {
            return .unprivileged
        }
        if inherited.contains(where: dropsPrivileges) { return .unprivileged }
        guard let root = bases.last else { return .root }
        // A base that is one of those servers (`FROM nginx:1.27`) or an official database image
        // whose entrypoint steps down (`FROM mysql:8.0`) starts it as its CMD.
        if droppingServers.union(steppingDownImages).contains(repositoryName(root)) { return .unprivileged }
        return root == "scratch" || isKnownRoot(root) ? .root : .unknown(root)
    }

    /// Bases known to run as root: Docker's official images (`python:3.12`, `library/node`) and
    /// the common vendor bases that keep root (distroless without `nonroot`, CUDA, ROCm, UBI,
    /// Amazon Linux, Microsoft's).
    static func isKnownRoot(_ image: String) -> Bool {
        guard case .success(let reference) = ImageReference.parse(image) else { return false }
        let registry = reference.registry == "docker.io" ? nil : reference.registry
        if registry == nil, !reference.repository.contains("/") || reference.repository.hasPrefix("library/") { return true }
        let path = registry.map { $0 + "/" + reference.repository } ?? reference.repository
        return knownRootPrefixes.contains { path.hasPrefix($0) }
    }

    static let knownRootPrefixes = ["gcr.io/distroless/", "nvidia/cuda", "nvcr.io/nvidia/", "rocm/", "registry.access.redhat.com/ubi",
                                    "redhat/ubi", "amazonlinux", "public.ecr.aws/amazonlinux/", "mcr.microsoft.com/"]

    /// Bases that already run unprivileged: a `nonroot` or `rootless` tag, and images published
    /// to run as their own user (Jupyter's `jovyan`, Bitnami's 1001, nginx-unprivileged,
    /// Chainguard's `nonroot`).
    static func runsUnprivileged(_ image: String) -> Bool {
        if image.contains("nonroot") || image.contains("rootless") || image.contains("unprivileged") { return true }
        let name = image.hasPrefix("docker.io/") ? String(image.dropFirst("docker.io/".count)) : image
        return ["jupyter/", "quay.io/jupyter/", "bitnami/", "cgr.dev/chainguard/", "chainguard/"].contains { name.hasPrefix($0) }
    }

    /// Programs that start as root and hand the work to an unprivileged user themselves:
    /// `gosu` / `su-exec` / `setpriv` / `runuser` in the entrypoint, s6-overlay's `/init`, and
    /// servers that drop to their worker user (nginx, httpd, haproxy).
    static let privilegeDroppers: Set<String> = ["gosu", "su-exec", "setpriv", "runuser", "s6-setuidgid"]
    static let droppingServers: Set<String> = ["nginx", "httpd", "apache2", "apache2-foreground", "httpd-foreground",
                                               "haproxy", "squid"]

    /// Official images whose entrypoint starts the server as its own user (with `gosu`).
    static let steppingDownImages: Set<String> = ["postgres", "mysql", "mariadb", "redis", "mongo", "rabbitmq",
                                                  "elasticsearch", "couchdb", "cassandra", "memcached", "solr", "neo4j"]

    static func dropsPrivileges(_ instruction: DockerInstruction) -> Bool {
        switch instruction.keyword {
        case "RUN":
            // Installing a privilege dropper is how official images prepare to use it.
            let words = Set(instruction.commandText.split { $0 == " " || $0 == "\t" || $0 == "\n" }.map(String.init))
            return !words.isDisjoint(with: ["gosu", "su-exec"])
        case "CMD", "ENTRYPOINT":
            let words = instruction.commandText.split { $0 == " " || $0 == "\t" }.map(String.init)
            guard let first = words.first else { return false }
            if first == "/init" || words.contains(where: { privilegeDroppers.contains(String($0.split(separator: "/").last ?? "")) }) {
                return true
            }
            return droppingServers.contains(String(first.split(separator: "/").last ?? ""))
        default:
            return false
        }
    }

    /// `nginx` of `docker.io/library/nginx:1.27-alpine`.
    static func repositoryName(_ image: String) -> String {
        guard case .success(let reference) = ImageReference.parse(image) else { return image }
        return String(reference.repository.split(separator: "/").last ?? Substring(reference.repository))
    }

    static func isRoot(_ user: String) -> Bool {
        user == "root" || user == "0" || user.hasPrefix("root:") || user.hasPrefix("0:")
    }
}
