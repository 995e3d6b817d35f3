import Foundation
import GreenlightCore
import GreenlightGit

/// What one command call stands on, settled once before the command does its work: the
/// console, the clock (`--now`, or the time of the call), the repository around `--repo` (or
/// the current folder) and, for the commands that read it, the configuration — loaded,
/// validated, its sections decoded.
struct Invocation {
    /// Whether and where the command reads `.greenlight.yml`.
    enum Configuration {
        /// The command reads no configuration (`history`, `evidence`, `init`, `hook install`).
        case none
        /// `--config FILE`; else `.greenlight.yml` in the work tree; for a bare repository, the
        /// one committed at the revision the selector names; else defaults.
        case read(file: String?, at: SnapshotSelector = .rev("HEAD"))
    }

    /// Whether the command runs outside a repository.
    enum Place {
        /// A folder outside any repository is an error.
        case repository
        /// Outside a repository, `repository` is nil (`probe --config`, `preflight`).
        case anywhere
    }

    let console: Console
    let now: Date
    let engine = Engine.greenlight
    /// Nil only for a command that runs anywhere, called outside a repository.
    let repository: GitRepository?
    let config: Config
    let sections: [String: any ConfigSection]

    init(console: Console, repo: String?, now: Date?, configuration: Configuration = .none, place: Place = .repository) throws {
        self.console = console
        self.now = now ?? Date()
        let folder = console.resolve(repo ?? ".")
        switch place {
        case .repository:
            repository = try GitRepository(discovering: folder)
        case .anywhere:
            do {
                repository = try GitRepository(discovering: folder)
            } catch let error as ToolError where error.kind == .runtime {
                repository = nil
            }
        }
        switch configuration {
        case .none:
            config = Config()
        case .read(let file, let selector):
            config = try Self.load(file: file, selector: selector, repository: repository, console: console, engine: engine)
        }
        try engine.validate(config)
        sections = try engine.decodeSections(config)
    }

    /// The repository, which a command that runs only in one always has.
    var openRepository: GitRepository {
        guard let repository else { preconditionFailure("Invocation(place: .anywhere) read as a repository command") }
        return repository
    }

    /// The work tree, or a usage error that says what `purpose` needs one for.
    func workdir(_ purpose: String) throws -> String {
        let repository = openRepository
        guard let workdir = repository.workdir else {
            throw ToolError.usage("\(purpose), and \(repository.gitdir) is a bare repository")
        }
        return workdir
    }

    /// A section of the configuration, decoded (or its defaults).
    func section<S: ConfigSection>(_ type: S.Type) -> S {
        sections[S.key] as? S ?? S()
    }

    private static func load(file: String?, selector: SnapshotSelector, repository: GitRepository?, console: Console,
                             engine: Engine) throws -> Config {
        let known = engine.ruleIDs
        if let file {
            return try ConfigLoader.load(file: console.resolve(file), knownRuleIDs: known, sections: engine.sectionKeys)
        }
        guard let repository else { return Config() }
        if let workdir = repository.workdir {
            let path = workdir + "/" + Config.defaultFileName
            guard FileManager.default.fileExists(atPath: path) else { return Config() }
            return try ConfigLoader.load(file: path, knownRuleIDs: known, sections: engine.sectionKeys)
        }
        if case .rev(let rev) = selector, let bytes = repository.blob(at: rev, path: Config.defaultFileName) {
            let file = "\(rev):\(Config.defaultFileName)"
            return try ConfigLoader.load(yaml: String(decoding: bytes, as: UTF8.self), file: file, knownRuleIDs: known,
                                         sections: engine.sectionKeys)
        }
        return Config()
    }
}
