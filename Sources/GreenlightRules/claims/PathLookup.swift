import GreenlightCore

/// Whether a cited path exists: from the repository root, from the document's folder, below a
/// package or sub-project root (`settings/index.tsx` for `web/oss/src/settings/index.tsx`), or —
/// for a bare file name — anywhere. Globs match any file (a route segment's brackets,
/// `chat/[id].tsx`, are also read as written); a trailing `/` names a folder. A bare name's
/// wildcard (`gen_ai.*`) names attributes, not files. A
/// cited name with folders but no file name (`tools/call`, `resources/read`: a protocol's method)
/// that exists nowhere is a path only when its first folder is one of the repository's, at its
/// root or beside the document.
enum PathLookup {
    enum Outcome: Equatable {
        case exists
        case missing
        /// Not a path of this repository: a method or event name written with slashes.
        case notAPath
    }

    /// What the lookups need of the snapshot, built once per run.
    struct Layout {
        /// Every file and folder path, by its last segment.
        let byName: [Substring: [String]]
        /// What the repository's `.gitignore` files keep out.
        let ignored: IgnoredPaths

        init(_ snapshot: RepositorySnapshot) throws {
            ignored = try IgnoredPaths(snapshot)
            var byName: [Substring: [String]] = [:]
            var folders: Set<Substring> = []
            for entry in snapshot.entries {
                let path = entry.path
                byName[RepositoryPath.name(of: path), default: []].append(path)
                var end = path.endIndex
                while let slash = path[..<end].lastIndex(of: "/") {
                    let folder = path[..<slash]
                    guard folders.insert(folder).inserted else { break }
                    byName[RepositoryPath.name(of: folder), default: []].append(String(folder))
                    end = slash
                }
            }
            self.byName = byName
        }

        /// A file or folder whose path is `path` or ends with `/path`.
        func holds(suffix path: String) -> Bool {
            guard let name = path.split(separator: "/").last, let candidates = byName[name] else { return false }
            return candidates.contains { $0 == path || $0.hasSuffix("/" + path) }
        }

        func holds(name: Substring) -> Bool { byName[name] != nil }
    }

    static func lookup(_ path: String, citedFrom document: String, in snapshot: RepositorySnapshot, layout: Layout) -> Outcome {
        if path.hasPrefix("/") { return laptopPath(path, in: snapshot) }
        if let outcome = elided(path, layout: layout) { return outcome }
        let isGlob = path.utf8.contains { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "[") || $0 == UInt8(ascii: "{") }
        let isBareName = !path.utf8.contains(UInt8(ascii: "/"))
        let plain = path.utf8.last == UInt8(ascii: "/") ? String(path.dropLast()) : path
        // A name's wildcard (`gen_ai.*`, `tokens.incremental.*`: span attributes, events).
        if isGlob && isBareName && path.hasSuffix(".*") { return .notAPath }
        // Brackets of a route segment, not a class: `app/chat/[id].tsx`.
        if isGlob && path.contains("[") && (snapshot.fileExists(plain) || (!isBareName && layout.holds(suffix: plain))) {
            return .exists
        }
        if !isGlob {
            if isBareName && layout.holds(name: Substring(path)) { return .exists }
            if !plain.utf8.contains(UInt8(ascii: ".")) || !ByteSearch.contains("/" + plain, "/.") {
                if snapshot.fileExists(plain) || snapshot.directoryExists(plain) { return .exists }
            }
        }
        let folder = document.split(separator: "/").dropLast().joined(separator: "/")
        let joined: String? = folder.isEmpty ? nil : folder + "/" + path
        for candidate in [normalise(path), joined.flatMap(normalise)].compactMap({ $0 }) {
            if isGlob {
                if let glob = try? Glob(isBareName ? candidate : "/" + candidate),
                   snapshot.entries.contains(where: { glob.matches($0.path) }) {
                    return .exists
                }
                continue
            }
            let trimmed = candidate.hasSuffix("/") ? String(candidate.dropLast()) : candidate
            if snapshot.fileExists(trimmed) || snapshot.directoryExists(trimmed) { return .exists }
        }
        // A file the configuration's include/exclude leaves out still exists.
        if !isGlob, outsideScope(plain, joined.flatMap(normalise), snapshot) { return .exists }
        if isGlob || isBareName { return .missing }
        if !plain.hasPrefix("../"), let relative = normalise(plain), layout.holds(suffix: relative) { return .exists }
        // Written from above the checkout (`vibes/web/oss/src/app.ts` for `web/oss/src/app.ts`):
        // a first folder the repository lacks, and the rest there.
        let parts = plain.split(separator: "/")
        if parts.count >= 3, !snapshot.directoryExists(String(parts[0])),
           existingSuffix(of: parts, dropping: 1...min(2, parts.count - 2), in: snapshot) { return .exists }
        // Folders and no file name, anchored nowhere: not a path of this repository.
        let last = plain.split(separator: "/").last ?? ""
        if !path.hasSuffix("/") && !PathShape.looksLikeFileName(last), let head = plain.split(separator: "/").first {
            let anchored = snapshot.directoryExists(String(head)) || (!folder.isEmpty && snapshot.directoryExists(folder + "/" + head))
            if !anchored { return .notAPath }
        }
        return .missing
    }

    /// Whether prose names, outside backticks, a file of the repository: a word with a file's
    /// shape (`store.py`, `app/api/admin.py`, `Dockerfile`) that exists as cited paths are looked
    /// for, or a README-like name that is a file's stem (`README` for `README.md`).
    static func namesExistingFile(_ text: String, citedFrom document: String, in snapshot: RepositorySnapshot,
                                  layout: Layout) -> Bool {
        let words = text.split { $0 == " " || $0 == "\t" || "()[]{},;:\"'`*<>!?".contains($0) }
        for raw in words {
            let word = raw.hasSuffix(".") ? raw.dropLast() : raw
            guard word.count >= 4, word.count <= 200, let last = word.split(separator: "/").last else { continue }
            let fileLike = PathShape.looksLikeFileName(last)
            if fileLike, let path = PathShape.relativePath(String(word)),
               lookup(path, citedFrom: document, in: snapshot, layout: layout) == .exists {
                return true
            }
            if !word.contains("/"), PathShape.extensionlessNames.contains(String(word)),
               ["", ".md", ".txt", ".rst"].contains(where: { layout.holds(name: Substring(word + $0)) }) {
                return true
            }
        }
        return false
    }

    /// A path with folders left out (`.../secrets/dtos.py`, `ee/.../access/controls.py`): it
    /// exists when a path ends with what follows the gap and holds what precedes it before.
    /// Nil when nothing is left out.
    static func elided(_ path: String, layout: Layout) -> Outcome? {
        let parts = path.split(separator: "/")
        guard let gap = parts.firstIndex(where: { $0 == "..." || $0 == "…" }) else { return nil }
        let head = parts[..<gap].joined(separator: "/")
        let tail = parts[(gap + 1)...]
        guard let name = tail.last else { return .notAPath }
        let suffix = tail.joined(separator: "/")
        let found = (layout.byName[name] ?? []).contains { candidate in
            guard candidate == suffix || candidate.hasSuffix("/" + suffix) else { return false }
            let before = candidate.dropLast(suffix.count)
            return head.isEmpty || before.hasPrefix(head + "/") || before.contains("/" + head + "/")
        }
        return found ? .exists : .missing
    }

    /// A path on the author's machine (`/Users/ana/src/shop/app/rag/store.py`): it exists when
    /// a suffix of it of two parts or more does (`app/rag/store.py`, the longest tried first);
    /// it is missing when its last folder is one of the repository's; otherwise it is a file
    /// outside the repository.
    static func laptopPath(_ path: String, in snapshot: RepositorySnapshot) -> Outcome {
        let parts = path.split(separator: "/")
        guard parts.count >= 3 else { return .notAPath }
        if existingSuffix(of: parts, dropping: 1...(parts.count - 2), in: snapshot) { return .exists }
        let folders = parts.dropLast()
        return (1..<folders.count).contains(where: { snapshot.directoryExists(folders[$0...].joined(separator: "/")) })
            ? .missing : .notAPath
    }

    /// Whether the path, with its first `drop` parts left off (fewest first: the longest
    /// suffix), is a file or folder of the selected state.
    private static func existingSuffix(of parts: [Substring], dropping drop: ClosedRange<Int>, in snapshot: RepositorySnapshot) -> Bool {
        drop.contains { start in
            let suffix = parts[start...].joined(separator: "/")
            return snapshot.fileExists(suffix) || snapshot.directoryExists(suffix) || snapshot.outsideScope.contains(suffix)
        }
    }

    /// Whether the path (or its form beside the document) is a file or folder of the selected
    /// state that include/exclude left out of the snapshot.
    private static func outsideScope(_ path: String, _ besideDocument: String?, _ snapshot: RepositorySnapshot) -> Bool {
        guard !snapshot.outsideScope.isEmpty else { return false }
        for candidate in [normalise(path), besideDocument].compactMap({ $0 }) {
            let plain = candidate.hasSuffix("/") ? String(candidate.dropLast()) : candidate
            if snapshot.outsideScope.contains(plain) || snapshot.outsideScope.contains(where: { $0.hasPrefix(plain + "/") }) {
                return true
            }
        }
        return false
    }

    /// Resolves `.` and `..`; nil when `..` climbs above the root.
    static func normalise(_ path: String) -> String? {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        return parts.joined(separator: "/") + (path.hasSuffix("/") ? "/" : "")
    }
}
