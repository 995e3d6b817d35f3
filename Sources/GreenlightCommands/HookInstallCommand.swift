import Foundation
import GreenlightCore
import GreenlightGit

/// `greenlight hook install`: the pre-merge gate as git hooks. `pre-commit` and
/// `pre-merge-commit` run `greenlight check --staged`, in the folder git runs hooks from
/// (`core.hooksPath`, else the common git directory's `hooks/`, shared by linked worktrees).
///
/// An existing hook is chained, not replaced: it is moved aside to `NAME.pre-greenlight`, byte
/// for byte, and the Greenlight hook runs it first and stops on its failure. Moving it aside
/// (rather than appending to it) keeps hooks that are not shell scripts, or that end in `exec`
/// or `exit`, working as before. Running it again changes nothing: a hook that is already
/// Greenlight's is left as it is.
public struct HookInstallCommand {
    public static let hookNames = ["pre-commit", "pre-merge-commit"]
    /// The line that marks a hook as Greenlight's.
    public static let marker = "greenlight:hook"
    public static let chainedSuffix = ".pre-greenlight"
    static let template = "hooks/greenlight-hook.sh"

    public var repo: String?
    /// The greenlight executable the hook falls back to when none is on PATH.
    public var executable: String?

    public init() {}

    public func run(_ console: Console) -> Int32 {
        GuardedRun(console: console).run {
            let call = try Invocation(console: console, repo: repo, now: nil)
            let repository = call.openRepository
            let workdir = try call.workdir("the hooks run `greenlight check --staged`, which needs a work tree")
            let folder = try repository.hooksDirectory(home: console.environment["HOME"])
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw ToolError.runtime("\(folder): cannot create the hooks folder")
            }
            let shown = { (path: String) in path.hasPrefix(workdir + "/") ? String(path.dropFirst(workdir.count + 1)) : path }
            for name in Self.hookNames {
                let outcome = try install(name, in: folder)
                console.out("\(shown(folder + "/" + name)): \(outcome)\n")
            }
            return ExitStatus.passed
        }
    }

    private func install(_ name: String, in folder: String) throws -> String {
        let path = folder + "/" + name
        let chained = name + Self.chainedSuffix
        let script = try TemplateText(path: Self.template).render([
            "hook_name": name,
            "chained_name": chained,
            "greenlight_path": (executable ?? "greenlight").replacingOccurrences(of: "'", with: "'\\''"),
        ])
        var outcome = "installed"
        if Self.exists(path) {
            let current = FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
            if let current, current.contains(Self.marker) {
                if current == script { return "already installed" }
                outcome = "updated"
            } else {
                outcome = try moveAside(path, to: chained, in: folder)
            }
        }
        do {
            try OutputFile.write(Data(script.utf8), to: path)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        } catch {
            throw ToolError.runtime("\(path): cannot write the hook")
        }
        return outcome
    }

    /// Moves a hook that is not Greenlight's to `NAME.pre-greenlight`, for the new hook to call.
    private func moveAside(_ path: String, to chained: String, in folder: String) throws -> String {
        let aside = folder + "/" + chained
        if Self.exists(aside) {
            throw ToolError.usage("\(path) is not Greenlight's hook, and \(aside) exists already: merge them by hand, then run again")
        }
        do {
            try FileManager.default.moveItem(atPath: path, toPath: aside)
        } catch {
            throw ToolError.runtime("\(path): cannot move the existing hook aside to \(chained)")
        }
        return "installed; the existing hook moved to \(chained) and runs first"
    }

    /// A file, or a symbolic link even if it points nowhere.
    private static func exists(_ path: String) -> Bool {
        (try? FileManager.default.attributesOfItem(atPath: path)) != nil
    }
}
