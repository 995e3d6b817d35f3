import Foundation
import GreenlightCore

/// What a step runs through a package manager: `npm ci` / `npm install` / `yarn` / `pnpm install`
/// run the package's `preinstall`, `install`, `postinstall` and `prepare` scripts; `npm run X`,
/// `yarn X`, `pnpm X`, `bun run X` run script `X` — read from the `package.json` of the step's
/// working directory, or of the folder a `cd` in the step moves to.
enum PackageScripts {
    static let installers: Set<String> = ["install", "ci", "i"]
    static let lifecycle = ["preinstall", "install", "postinstall", "prepare"]
    static let managers: Set<String> = ["npm", "yarn", "pnpm", "bun"]

    /// The bodies of the package scripts `run` starts, in `directory`, and of the scripts those
    /// start in turn (`prisma:setup` → `yarn prisma:generate` → `prisma generate`), four deep.
    static func bodies(of run: String, directory: String, _ snapshot: RepositorySnapshot, depth: Int = 0) throws -> [String] {
        guard depth < 4 else { return [] }
        var folder = directory
        var bodies: [String] = []
        for command in ShellScript(PositionedText(Substring(run), at: SourcePosition(line: 1, column: 1))).commands {
            let words = command.words.map(\.text)
            guard let program = words.first else { continue }
            if program == "cd", words.count > 1 {
                folder = RepositoryPath.normalise(RepositoryPath.join(folder, words[1]))
                continue
            }
            guard managers.contains(program) else { continue }
            let arguments = words.dropFirst().filter { !$0.hasPrefix("-") }
            guard let scripts = try self.scripts(in: folder, snapshot) else { continue }
            let names: [String]
            if arguments.isEmpty && program == "yarn" || arguments.first.map(installers.contains) == true {
                names = lifecycle
            } else if arguments.first == "run" || arguments.first == "run-script" {
                names = arguments.dropFirst().first.map { [$0] } ?? []
            } else {
                names = arguments.first.map { [$0] } ?? []
            }
            for body in names.compactMap({ scripts[$0] }) {
                bodies.append(body)
                bodies += try self.bodies(of: body, directory: folder, snapshot, depth: depth + 1)
            }
        }
        return bodies
    }

    /// `scripts` of `folder/package.json`.
    static func scripts(in folder: String, _ snapshot: RepositorySnapshot) throws -> [String: String]? {
        let path = RepositoryPath.normalise(RepositoryPath.join(folder, "package.json"))
        guard let text = try snapshot.text(at: path),
              let object = try? JSONSerialization.jsonObject(with: Data(text.text.utf8)) as? [String: Any],
              let scripts = object["scripts"] as? [String: Any] else { return nil }
        return scripts.compactMapValues { $0 as? String }
    }
}
