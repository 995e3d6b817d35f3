import GreenlightCore

/// `secrets.env-file`: a committed `.env`, `.env.local`, `.env.production` … (templates such
/// as `.env.example` and `.env.sample` are fine). Shape: a stateless pass over the paths.
public struct EnvFileRule: Rule {
    public static let description = RuleDescription(
        id: "secrets.env-file",
        severity: .error,
        summary: "An environment file (.env, .env.local, .env.production …) is committed",
        rationale: """
            Environment files hold the real values of a deployment's secrets and are meant to \
            stay on the machine that uses them; once committed, every clone has them and git \
            history keeps them after the file is deleted. Commit a template with the names only \
            (`.env.example`, `.env.sample`, `.env.template`), list `.env*` in .gitignore, and rotate \
            whatever the committed file held. Paths in `secrets.allow.paths` are not reported.
            """,
        triggering: [
            RuleExample([".env": "↓DATABASE_URL=postgres://app:s3cr3t-pw@db/app\n"]),
            RuleExample(["apps/api/.env.production": "↓NODE_ENV=production\nSTRIPE_SECRET_KEY=sk_live_51Habc\n", "apps/api/.env.example": "NODE_ENV=\n"]),
            RuleExample([".env.local": "↓export OPENAI_API_KEY='sk-proj-Xk29fPq81LmZr7TtQw4e'\n"]),
            RuleExample(["backend/.env": "↓PORT=5000\nGIGACHATTOKEN=b64-value-of-the-token\nMAIL_PASSWORD=null\n"]),
        ],
        nonTriggering: [
            RuleExample([".env.example": "API_URL=\nAPI_KEY=\n", ".env.sample": "API_URL=\n", "docs/.env.template": "X=\n"]),
            RuleExample(["src/env.ts": "export const env = process.env\n", "config/dotenv.md": "Copy .env.example to .env\n"]),
            RuleExample(["fixtures/.env": "A=1\n"], config: "secrets:\n  allow:\n    paths: [\"fixtures/**\"]"),
            // Templates with a qualifier, and env files that hold nothing to rotate: public
            // values, placeholders, URLs without a password.
            RuleExample([".env.local.example": "OPENAI_API_KEY=sk-...\n", ".vscode/.env.k8s.template": "DB_PASSWORD=replace-me\n"]),
            // A setting of the authentication, not its secret.
            RuleExample(["services/admin/.env": "AUTH0_SCOPE=\"openid profile email offline_access\"\n"]),
            RuleExample([
                "web/.env.production": "NEXT_PUBLIC_API_HOST=https://api.example.org\nNEXT_PUBLIC_ENV=production\n",
                ".env": "DATABASE_URL=sqlite:///tmp/schema.db\nGOOGLE_CLIENT_ID=1234.apps.googleusercontent.com\n",
                ".env.test": "API_KEY=fake-key-for-tests\nAUTH_URL=http://localhost:3000\nSQLD_HTTP_AUTH=basic:token\n",
                // A project generator's template, filled in when it runs.
                "core/templates/tree/express/.env": "PORT=3000\nSESSION_SECRET={{ random_secret }}\n",
            ]),
            // A value the file also publishes, `null`, a token count, a database on the
            // developer's own machine, a development stand-in made of words.
            RuleExample([
                ".env.production": "SUPABASE_KEY=eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoiYW5vbiJ9.c2lnbmF0dXJlLW9mLXRoZS1rZXk\nNEXT_PUBLIC_SUPABASE_ANON_KEY=eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoiYW5vbiJ9.c2lnbmF0dXJlLW9mLXRoZS1rZXk\n",
                "backend/.env": "DATABASE_URL=postgresql://postgres:password@localhost:5432/news\nOPENAI_MAX_TOKENS=500\nMAIL_PASSWORD=null\nAPI_KEY=mobile-app-key-123\n",
            ]),
            // A test stack's env file; a vendor's default login, a short stand-in.
            RuleExample([
                "e2e/.env.backend": "SECRET_KEY=Qm9vdHN0cmFwLXNpZ25pbmcta2V5LWZvci1lMmUtc3RhY2s\n",
                "apps/api/.env.development": "MINIO_ACCESS_KEY=minioadmin\nMINIO_SECRET_KEY=minioadmin\nRESEND_API_KEY=re_123\nJWT_SECRET=test\n",
                // A Compose stack's database URL with a word for its password.
                "backend/.env.docker": "DATABASE_URL=postgresql://user:password@db:5432/llama_app_db\n",
                // A default made of words, shipped for a self-hosted stack.
                "docker/.env": "OPENSEARCH_PASSWORD=infini_rag_flow_OS_01\n",
            ]),
        ]
    )

    public init() {}

    public func check(_ context: RuleContext, options: NoOptions) throws -> [Finding] {
        let allow = context.section(SecretsSection.self).allow
        var findings: [Finding] = []
        // An env file of a test stack (`e2e/.env.backend`) configures throwaway services.
        for entry in context.snapshot.entries
        where EnvFiles.isEnvFile(entry.path) && !allow.allowsPath(entry.path) && !EnvFiles.isTest(entry.path) {
            guard entry.mode == .file || entry.mode == .executable else { continue }
            var detail = ""
            if let text = try context.snapshot.text(at: entry.path) {
                // Only public values, placeholders or none: nothing to rotate.
                let secrets = Array(Set(EnvFiles.secretLikeNames(text))).sorted()
                guard !secrets.isEmpty else { continue }
                let count = Set(EnvFiles.declaredNames(text)).count
                let shown = secrets.prefix(3).joined(separator: ", ") + (secrets.count > 3 ? ", …" : "")
                detail = " with \(count) variable\(count == 1 ? "" : "s"), \(secrets.count) of them credentials (\(shown); values not shown)"
            }
            findings.append(Finding(
                rule: Self.description, path: entry.path, line: 1, column: 1,
                message: "committed environment file `\(EnvFiles.baseName(entry.path))`\(detail)",
                matched: entry.path,
                fix: "remove it from git, add `.env*` (but not the template) to .gitignore, commit a `.env.example` with names only, and rotate its secrets"))
        }
        return findings
    }
}
