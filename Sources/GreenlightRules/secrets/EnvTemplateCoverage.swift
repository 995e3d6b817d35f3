import GreenlightCore

/// Which environment variables the code reads that its `.env` template does not declare — the
/// analysis behind `secrets.env-example-drift` (settings the code needs) and
/// `secrets.env-example-optional` (settings with a working default), built once per run.
struct EnvTemplateCoverage {
    /// A variable missing from a template, at its first read under it.
    struct Gap {
        let path: String
        let template: String
        let read: EnvReads.Read
        /// No read of it under this template has a working default or copes without it, and one
        /// of them shows the code fails without it (or it is a near miss of a listed name).
        let isRequired: Bool
        /// A read of it under this template has a working default or copes without it.
        let isOptional: Bool
        /// The strongest sign that the code needs it, over its reads under this template.
        let need: EnvReads.Need?
        /// A declared name the read's name differs from by one abbreviated word
        /// (`…_IN_MINUTES` read, `…_IN_MINS` declared): the documented setting is ignored.
        let nearMiss: String?
        /// Another template of the repository that lists it (`backend/sample.env` for a
        /// library under `connectors/`): documented, but not where this code's own is.
        let listedIn: String?
    }

    private struct Template {
        let path: String
        let names: Set<String>
        /// Names its comments mention too (`# the keyring, e.g. CREDENTIALS_KEYS='{…}'`):
        /// documented there, though not listed.
        var mentioned: Set<String> = []
    }

    private struct FileReads {
        let path: String
        let template: Template
        let reads: [EnvReads.Read]
        let isMigration: Bool
        /// A Dockerfile stands in the file's folder or above it: the code ships in an image,
        /// where `localhost` is the container itself.
        let isContainerised: Bool
        /// Names the workflows that run this file set for it (`env:` of the workflow, the job,
        /// the step): a tool only CI runs is configured there, not by the app's template.
        let supplied: Set<String>
        /// Names a README in the file's folder or above it documents (`export ALPHA_KEY=…`, a
        /// table of variables): a reader setting up this part finds them there.
        let documented: Set<String>
    }

    private let files: [FileReads]
    /// Names the program itself sets in the environment it gives a child process
    /// (`spawn(cmd, {env: {...process.env, X: "1"}})`), its image sets (`ENV X=1`) or an env file
    /// a Compose service loads lists: the read is answered without the template.
    private let supplied: Set<String>
    /// Python functions holding a read that nothing in the repository names: dead code.
    private let unreferenced: Set<String>
    /// Names code quotes (`"openai": "OPENAI_API_KEY"`, a table of variables it reads by name).
    private let mentioned: Set<String>
    /// Configuration-object keys holding a read that every use tests for presence first.
    private let presenceTested: Set<String>
    /// Every template's path and the names it lists, in path order.
    private let templates: [(path: String, names: Set<String>)]
    /// Names a validation schema anywhere in the repository declares optional or with a
    /// default (`SLACK_SIGNING_SECRET: z.string().optional()` in one app's `env.ts`): the
    /// repository says the setting may be absent.
    private let schemaOptional: Set<String>

    static let key = SharedKey<EnvTemplateCoverage>("secrets.env-template-coverage")

    static func of(_ context: RuleContext) throws -> EnvTemplateCoverage {
        try context.shared(key) { try EnvTemplateCoverage(context) }
    }

    private init(_ context: RuleContext) throws {
        let snapshot = context.snapshot
        // Per folder: the fullest template's path and its own count of names, and every name.
        var declared: [String: (path: String, size: Int, names: Set<String>)] = [:]
        var mentionedIn: [String: Set<String>] = [:]
        var templates: [(path: String, names: Set<String>)] = []
        for entry in snapshot.entries where EnvFiles.isTemplate(entry.path) {
            guard let text = try snapshot.text(at: entry.path) else { continue }
            let folder = RepositoryPath.folder(of: entry.path)
            // A folder's templates together declare its names; messages name the fullest one
            // (`.env.template` beside a stub `.env.example`).
            let own = EnvFiles.declaredNames(text)
            templates.append((entry.path, Set(own)))
            mentionedIn[folder, default: []].formUnion(ReadmeNames.mentioned(in: text))
            let earlier = declared[folder]
            let fullest = earlier.map { own.count > $0.size ? (entry.path, own.count) : ($0.path, $0.size) } ?? (entry.path, own.count)
            declared[folder] = (fullest.0, fullest.1, (earlier?.names ?? []).union(own))
        }
        self.templates = templates
        // Folders holding a container build. The variables an image sets (`ENV`) are the
        // image's to supply.
        var supplied: Set<String> = []
        var imageFolders: Set<String> = []
        for entry in DockerfileFiles.entries(context) {
            imageFolders.insert(RepositoryPath.folder(of: entry.path))
            guard !declared.isEmpty, let text = try snapshot.text(at: entry.path) else { continue }
            let file = context.parsed(DockerfileFiles.parserKey, text, parse: DockerfileParser.parse)
            // `ENV X=$X` passes a build argument on: the deployment still has to give it.
            for instruction in file.instructions where instruction.keyword == "ENV" {
                supplied.formUnion(instruction.assignments.filter { !($0.value ?? "$").contains("$") }.map(\.name))
            }
        }
        // Env files a Compose service loads (`env_file: docker/env/app.env`) are how that
        // deployment is configured: the names they list are documented there.
        var files: [FileReads] = []
        var mentioned: Set<String> = []
        var readmes = ReadmeNames(snapshot)
        var schemaOptional: Set<String> = []
        let byWorkflows = declared.isEmpty ? [:] : try Self.workflowSupplied(context)
        if !declared.isEmpty {
            for path in try ComposeFiles.envFiles(context) {
                if let file = try snapshot.text(at: path) { supplied.formUnion(EnvFiles.declaredNames(file)) }
            }
            supplied.formUnion(try ComposeFiles.environmentNames(context))
            supplied.formUnion(try ServerlessFiles.environmentNames(context))
            // `${BRAVE_SEARCH_API_KEY}` in a committed `config.example.yaml` documents it there.
            for entry in snapshot.entries where EnvFiles.isConfigurationExample(entry.path) {
                if let text = try snapshot.text(of: entry, containingAny: ["$"]) { supplied.formUnion(EnvFiles.referencedNames(text)) }
            }
            for entry in snapshot.entries where EnvFiles.isCode(entry.path) && !VendoredCode.contains(entry.path) {
                guard let text = try snapshot.text(of: entry, containingAny: EnvReads.keywords) else { continue }
                supplied.formUnion(EnvReads.childEnvironment(in: text))
                mentioned.formUnion(EnvReads.quotedNames(in: text))
                let schema = EnvFiles.codeExtensions[EnvFiles.extensionOf(entry.path)] == "javascript"
                    ? EnvReads.schemaNames(text.lines) : nil
                schemaOptional.formUnion(schema?.optional ?? [])
                guard !EnvFiles.isTest(entry.path), !ExampleCode.contains(entry.path),
                      !EnvFiles.isToolConfiguration(entry.path), !EnvFiles.isOperatorScript(entry.path),
                      !EnvFiles.isRetired(entry.path),
                      let template = Self.governing(entry.path, declared, mentionedIn) else { continue }
                let reads = EnvReads.reads(in: text, schema: schema)
                let undeclared = reads.contains { !template.names.contains($0.name) }
                files.append(FileReads(path: entry.path, template: template, reads: reads,
                                       isMigration: EnvFiles.isMigration(entry.path),
                                       isContainerised: Self.isAtOrBelow(entry.path, anyOf: imageFolders),
                                       supplied: byWorkflows[entry.path] ?? [],
                                       documented: undeclared ? try readmes.names(above: entry.path).union(template.mentioned) : []))
            }
        }
        self.files = files
        self.schemaOptional = schemaOptional
        self.supplied = supplied
        self.mentioned = mentioned
        // Only the functions of reads a template misses are looked up.
        let candidates = Set(files.flatMap { file in
            file.reads.filter { read in !file.template.names.contains(read.name) && !supplied.contains(read.name) }.compactMap(\.function)
        })
        unreferenced = candidates.isEmpty ? [] : try UnreferencedFunctions.among(candidates, in: snapshot)
        let keys = Set(files.flatMap { file in
            file.reads.filter { read in !read.isOptional && !file.template.names.contains(read.name) && !supplied.contains(read.name) }
                .compactMap { $0.property.flatMap { $0.isOption ? nil : $0.key } }
        })
        presenceTested = try ConfigPropertyUses.presenceTested(keys, in: snapshot)
    }

    /// The gaps, one per variable and template, at the read that shows the code needs it, or
    /// else at its first read; `ignores` names the variables a team never expects in a template.
    func gaps(ignoring ignores: (String) -> Bool) -> [Gap] {
        var order: [String] = []
        var first: [String: (path: String, template: Template, read: EnvReads.Read)] = [:]
        // The read that gave the strongest evidence: where a reader sees why it is needed.
        var shows: [String: (path: String, template: Template, read: EnvReads.Read)] = [:]
        var optional: Set<String> = []
        var needs: [String: EnvReads.Need] = [:]
        var readUnder: [String: Set<String>] = [:]
        for file in files { readUnder[file.template.path, default: []].formUnion(file.reads.map(\.name)) }
        for key in readUnder.keys { readUnder[key]?.formUnion(mentioned) }
        for file in files {
            // A group of fallbacks is covered when one of its variables is, and so is every other
            // read of a fallback in the file (`elif getenv("B"): use(getenv("B"))`).
            let covered = Set(file.reads.filter {
                isCovered($0.name, file.template.names, ignores) || file.supplied.contains($0.name)
                    || file.documented.contains($0.name)
            }.map(\.group))
            let fallbacks = Set(file.reads.filter { covered.contains($0.group) }.map(\.name))
            // A chain none of whose variables is listed (`getenv("A") or getenv("B")`, then a
            // failure) needs one of them: the evidence goes to the first, the others are its
            // alternatives.
            var leader: [Int: String] = [:]
            var groupNeed: [Int: EnvReads.Need] = [:]
            for read in file.reads {
                if leader[read.group] == nil { leader[read.group] = read.name }
                if let need = read.need, groupNeed[read.group].map({ $0 < need }) ?? true { groupNeed[read.group] = need }
            }
            for read in file.reads where !covered.contains(read.group) && !fallbacks.contains(read.name) && !read.isLegacy
                && !(file.isMigration && read.fallsBack) && !(read.function.map(unreferenced.contains) ?? false) {
                let key = file.template.path + "\u{0}" + read.name
                if read.isOptional || schemaOptional.contains(read.name)
                    || read.property.map({ !$0.isOption && presenceTested.contains($0.key) }) ?? false {
                    optional.insert(key)
                }
                // A default on the developer's machine is a development default where no image ships.
                let evidence = leader[read.group] == read.name ? groupNeed[read.group] : nil
                if let need = evidence, need != .localDefault || file.isContainerised, needs[key].map({ $0 < need }) ?? true {
                    needs[key] = need
                    shows[key] = (file.path, file.template, read)
                }
                if first[key] == nil {
                    order.append(key)
                    first[key] = (file.path, file.template, read)
                }
            }
        }
        return order.map { key in
            let (path, template, read) = (needs[key]?.isProof == true ? shows[key] : nil) ?? first[key]!
            let nearMiss = Self.nearMiss(of: read.name, in: template.names, read: readUnder[template.path] ?? [])
            let isOptional = optional.contains(key)
            let listedIn = templates.first { $0.path != template.path && $0.names.contains(read.name) }?.path
            return Gap(path: path, template: template.path, read: read,
                       isRequired: nearMiss != nil || (!isOptional && listedIn == nil && needs[key]?.isProof == true),
                       isOptional: isOptional, need: needs[key], nearMiss: nearMiss, listedIn: listedIn)
        }
    }

    private func isCovered(_ name: String, _ declared: Set<String>, _ ignores: (String) -> Bool) -> Bool {
        declared.contains(name) || ignores(name) || EnvFiles.isBuiltIn(name) || EnvFiles.isTestSwitch(name)
            || supplied.contains(name)
    }

    /// A declared name that differs from `name` in one word only, one of the two an abbreviation
    /// of the other (`MINS` / `MINUTES`, `SECS` / `SECONDS`, `MAX` / `MAXIMUM`) — not two names
    /// that merely start alike (`OPENAI` / `OPENROUTER`).
    /// Or the read name is a declared one with one word added inside it that the code never
    /// reads as declared (`OLLAMA_EMBEDDING_API_MODEL` read, `OLLAMA_EMBEDDING_MODEL` listed);
    /// a word added at the end names another setting (`DB_PASSWORD_FILE`).
    /// Or the read name is a listed one behind a framework's public prefix that the code never
    /// reads unprefixed (`NEXT_PUBLIC_SUPABASE_URL` read, `SUPABASE_URL` listed): the browser
    /// bundle only sees prefixed names.
    static func nearMiss(of name: String, in declared: Set<String>, read: Set<String> = []) -> String? {
        if let prefix = EnvFiles.publicPrefixes.first(where: { name.hasPrefix($0) }) {
            let bare = String(name.dropFirst(prefix.count))
            if declared.contains(bare) && !read.contains(bare) { return bare }
        }
        let words = name.split(separator: "_")
        guard words.count >= 3 else { return nil }
        return declared.sorted().first { candidate in
            let other = candidate.split(separator: "_")
            if other.count + 1 == words.count, !read.contains(candidate),
               (1..<(words.count - 1)).contains(where: { inserted in
                   var without = words
                   without.remove(at: inserted)
                   return without.elementsEqual(other)
               }) {
                return true
            }
            guard other.count == words.count, candidate != name else { return false }
            let differing = zip(words, other).filter { $0 != $1 }
            guard differing.count == 1, let (a, b) = differing.first else { return false }
            let (short, long) = a.count < b.count ? (a, b) : (b, a)
            let stem = short.hasSuffix("S") ? short.dropLast() : short[...]
            return stem.count >= 3 && long.hasPrefix(stem)
        }
    }

    /// One of `folders` is the folder of `path` or above it.
    private static func isAtOrBelow(_ path: String, anyOf folders: Set<String>) -> Bool {
        var folder = RepositoryPath.folder(of: path)
        while !folders.contains(folder) {
            if folder.isEmpty { return false }
            folder = RepositoryPath.folder(of: folder)
        }
        return true
    }

    /// The files workflow steps run (`python tools/notify.py`), with the names each one's
    /// workflow, job and step set in `env:`.
    private static func workflowSupplied(_ context: RuleContext) throws -> [String: Set<String>] {
        var supplied: [String: Set<String>] = [:]
        func names(_ pairs: [YAMLPair]) -> Set<String> { Set(pairs.compactMap { $0.key.string }) }
        let interpreters = StepScripts.shells.union(StepScripts.runtimes)
        for workflow in try WorkflowParser.workflows(context) {
            for job in workflow.jobs {
                let shared = names(workflow.env).union(names(job.env))
                for step in job.steps {
                    for path in StepScripts.paths(of: step, job: job, interpreters: interpreters, context.snapshot) {
                        supplied[path, default: []].formUnion(shared.union(names(step.env)))
                    }
                }
            }
        }
        return supplied
    }

    /// The template in the file's folder or the nearest one above it, holding the names of
    /// every template on the way up: a part's own template names its own settings, and the
    /// repository's root template the ones every part shares — also for a part deployed in an
    /// image of its own, whose operator reads the root template too.
    private static func governing(_ path: String, _ declared: [String: (path: String, size: Int, names: Set<String>)],
                                  _ mentionedIn: [String: Set<String>] = [:]) -> Template? {
        var folder = RepositoryPath.folder(of: path)
        var nearest: String?
        var names: Set<String> = []
        var mentioned: Set<String> = []
        while true {
            if let template = declared[folder] {
                nearest = nearest ?? template.path
                names.formUnion(template.names)
                mentioned.formUnion(mentionedIn[folder] ?? [])
            }
            if folder.isEmpty { break }
            folder = RepositoryPath.folder(of: folder)
        }
        return nearest.map { Template(path: $0, names: names, mentioned: mentioned) }
    }
}
