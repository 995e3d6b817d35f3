import Foundation
import GreenlightCore

/// The examples of `secrets.leak`. Their secrets are shaped like real ones but generated when
/// the program runs (`SecretSample`), so no real-looking key is ever committed.
enum SecretLeakExamples {
    static let awsKeyID = SecretSample.make("AKIA", "base32", 16)
    static let awsSecret = SecretSample.make("", "base64", 40, salt: "aws")
    static let githubToken = SecretSample.make("ghp_", "alnum", 36)
    static let openAIKey = SecretSample.make("sk-proj-", "base64url", 120)
    static let stripeKey = SecretSample.make("sk_live_", "alnum", 24)
    static let password = SecretSample.make("", "alnum", 20, salt: "password")
    static let acmeKey = SecretSample.make("acme_live_", "alnum", 32)
    static let jwt = SecretSample.make("eyJ", "base64url", 30) + "." + SecretSample.make("eyJ", "base64url", 60)
        + "." + SecretSample.make("", "base64url", 43, salt: "jwt")
    /// A value a vendor's self-hosting files publish as a default (Supabase's `SECRET_KEY_BASE`
    /// is one), and the compose file that carries it.
    static let publishedDefault = SecretSample.make("", "base64", 64, salt: "published")
    static let selfHostingCompose = "services:\n  realtime:\n    environment:\n      SECRET_KEY_BASE: ↓\(publishedDefault)\n"
    static let privateKey = "-----BEGIN OPENSSH PRIVATE KEY-----\n"
        + (0..<4).map { SecretSample.make("", "base64", 70, salt: "pem\($0)") + "\n" }.joined()
        + "-----END OPENSSH PRIVATE KEY-----\n"

    /// A JWT issued for a local demo, as a vendor's quick-start ships it (payload: `iss` acme-demo).
    static let demoJWT = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."
        + base64url(#"{"iss":"acme-demo","role":"service_role","exp":1983812996}"#) + "."
        + SecretSample.make("", "base64url", 43, salt: "demo-jwt")

    /// A token that expired on 2021-01-01 (`exp` 1609459200).
    static let expiredJWT = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."
        + base64url(#"{"api_key":"4827361","exp":1609459200}"#) + "."
        + SecretSample.make("", "base64url", 43, salt: "expired-jwt")

    /// A licence a test module signs for itself (payload: `sub` fake@acme.example).
    static let fakeJWT = "eyJhbGciOiJSUzUxMiJ9."
        + base64url(#"{"iss":"acme.com","sub":"fake@acme.com","typ":"TEAM","exp":1807398702}"#) + "."
        + SecretSample.make("", "base64url", 342, salt: "fake-jwt")

    /// A Supabase project's keys: the anon key every browser of the site is given, and the
    /// service-role key that bypasses row-level security.
    static func supabaseJWT(role: String) -> String {
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."
            + base64url(#"{"iss":"supabase","ref":"qhxzvkeyjwpmtnbr","role":""# + role + #"","iat":1735689600,"exp":2051222400}"#)
            + "." + SecretSample.make("", "base64url", 43, salt: "supabase-" + role)
    }

    static func base64url(_ text: String) -> String {
        Data(text.utf8).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    static let acmePack = """
        pack: acme
        rules:
          - id: acme-live-key
            title: ACME live key
            keywords: [acme_live_]
            regex: '(acme_live_[A-Za-z0-9]{32})'
            entropy: 3.0
            samples:
              match: ['ACME_KEY=acme_live_{{alnum:32}}']
              no_match: ['ACME_KEY=acme_live_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx']
        """

    static let triggering: [RuleExample] = [
        RuleExample([
            "config/settings.py": """
                AWS_REGION = "eu-west-1"
                AWS_ACCESS_KEY_ID = "↓\(awsKeyID)"
                AWS_SECRET_ACCESS_KEY = "↓\(awsSecret)"
                """,
        ]),
        RuleExample([".github/workflows/deploy.yml": "env:\n  GH_TOKEN: ↓\(githubToken)\n"]),
        RuleExample(["src/llm.ts": "export const client = new OpenAI({ apiKey: \"↓\(openAIKey)\" })\n"]),
        RuleExample(["deploy/values.yaml": "database:\n  host: db.internal\n  password: \"↓\(password)\"\n"]),
        RuleExample(["deploy/id_ed25519": "↓" + privateKey]),
        RuleExample([
            "security/acme.yml": acmePack,
            "src/acme.ts": "const key = \"↓\(acmeKey)\"\n",
        ], config: "secrets:\n  packs: [security/acme.yml]"),
        // A token's own shape is found in tests too; only the generic heuristics stay out.
        RuleExample(["tests/test_client.py": "GH = \"↓\(githubToken)\"\n"]),
        RuleExample(["server/supabase.ts": "const admin = createClient(url, '↓\(supabaseJWT(role: "service_role"))')\n"]),
        RuleExample(["deploy/supabase/docker-compose.yml": selfHostingCompose]),
        // The same URL password with no template that documents it.
        RuleExample(["backend/alembic.ini": "sqlalchemy.url = mysql+pymysql://ragapp:↓\(password)@db/ragapp\n"]),
        // The same token before its `exp`.
        RuleExample(["docs/server/zhipu.md": "Output example:\n\n    ↓\(expiredJWT)\n"], now: "2020-12-06T00:00:00Z"),
        // ... and in a UI component.
        RuleExample(["web/src/Chat.tsx": "const openai = new OpenAI({ apiKey: \"↓\(openAIKey)\", dangerouslyAllowBrowser: true })\n"]),
        // A gitleaks allowlist with `condition = "AND"` whose regex does not hold; one that
        // targets another rule; a .gitleaksignore line for another line.
        RuleExample([
            ".gitleaks.toml": "[[allowlists]]\ndescription = \"fixtures\"\ncondition = \"AND\"\npaths = ['''^fixtures/''']\nregexes = ['''^0123456789abcdef$''']\n\n[[allowlists]]\ntargetRules = [\"slack-bot-token\"]\npaths = ['''^deploy/''']\n",
            ".gitleaksignore": "deploy/values.yaml:generic-api-key:9\n",
            "fixtures/keys.py": "GH = \"↓\(githubToken)\"\n",
            "deploy/values.yaml": "database:\n  password: \"↓\(password)\"\n",
        ]),
    ]

    /// A random value whose name is no credential word: `secrets.random-value`'s, not a leak.
    static let randomValue = "export const SESSION_SALT = \"\(SecretSample.make("", "base64", 44, salt: "entropy"))\"\n"

    static let nonTriggering: [RuleExample] = [
        RuleExample(["src/session.ts": randomValue]),
        // A sentinel named like a constant; an updater's public key.
        RuleExample([
            "src/interfaces/providers.ts": "export const BEDROCK_USE_DEFAULT_CREDENTIALS =\n  \"__BEDROCK_DEFAULT_CREDENTIALS__\";\n",
            "src-tauri/tauri.conf.json": "{\"updater\": {\"pubkey\": \"dW50cnVzdGVkIGNvbW1lbnQ6IG1pbmlzaWduIHB1YmxpYyBrZXk6IHU4anpQZGUwSWd4TGQ2R25jZkJBZXBmSkJkMEtoOG9PT0w4ZEtMemRvY0oyaXNBakloS3RKMFJsZ0xLT214Z0pUZUtkTm5GUklCWHVETDdEeHRwWWxTWHBmSw==\"}}\n",
        ]),
        RuleExample([
            ".env.example": """
                AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE
                OPENAI_API_KEY=sk-proj-<your-key>
                GITHUB_TOKEN=
                API_KEY=${API_KEY}
                """,
            "src/config.ts": "export const apiKey = process.env.OPENAI_API_KEY\nconst password = \"aaaaaaaaaaaaaaaa\"\n",
        ]),
        RuleExample([
            "tests/test_redaction.py": """
                # greenlight:ignore secrets.leak -- revoked token, kept to test the redactor
                TOKEN = "\(githubToken)"
                """,
        ]),
        RuleExample(["testdata/keys.txt": "\(stripeKey)\n"], config: "secrets:\n  allow:\n    paths: [\"testdata/**\"]"),
        RuleExample(["docs/auth.md": "Send `Authorization: Bearer \(jwt)`.\n"], config: "secrets:\n  disable: [jwt]"),
        // What real repositories hold that is not a secret: a keyword inside a longer name, a
        // key name as the value, translated UI strings, test dummies and fixtures, a secrets
        // baseline's hashes, placeholders, public-by-design keys.
        RuleExample([
            "core/config.py": "tokenizer_hub = \"Quivr/gpt-3.5-turbo-1106\"\nAUTH_TOKEN = \"anythingllm_authToken\"\n",
            "locales/ja/settings.json": "{\"setPassword\": \"パスワードを設定しますか2\"}\n",
            "tests/conftest.py": "password = \"default3x\"\napi_key = \"bedrock-api-key-1234\"\n",
            "tests/fixtures/server.key": privateKey,
            ".secrets.baseline": "{\"hashed_secret\": \"\(SecretSample.make("", "hex", 40, salt: "baseline"))\"}\n",
            "docs/pt-BR/langdb.mdx": "api_key = \"<sua-chave-de-api-1234>\"\n",
            "web/analytics.js": "posthog.init(\"phc_\(SecretSample.make("", "alnum", 43, salt: "posthog"))\", {apiKey: 1})\napiKey: \"phc_\(SecretSample.make("", "alnum", 43, salt: "posthog"))\"\n",
        ]),
        // Decoded forms: a demo JWT's payload, a Kubernetes Secret's base64 of a default.
        RuleExample([
            "supabase/seed.sql": "insert into keys values ('\(demoJWT)');\n",
            "deploy/k8s/secrets.yaml": "data:\n  JWT_SECRET_KEY: \(base64url("change-me-in-production-2024"))\n  POSTGRES_PASSWORD: \(base64url("docsgpt"))\n",
        ]),
        // An OpenAPI schema reference; a password a documentation page shows; a URL password
        // the repository's env template documents as its default.
        RuleExample([
            "docs/api-reference/openapi.json": "{\"credential\": \"#/components/schemas/CredentialParameter\"}\n",
            "docs/configuration/security.md": "Good passwords:\n\n```\nOPEN_NOTEBOOK_PASSWORD=\(password)\n```\n",
            ".env.example": "DATABASE_URL=mysql+pymysql://ragapp:\(password)@db/ragapp\n",
            "backend/alembic.ini": "sqlalchemy.url = mysql+pymysql://ragapp:\(password)@db/ragapp\n",
        ]),
        // A default made of words and short parts; a sample env file; a test script by name.
        RuleExample([
            "conf/service_conf.yaml": "opensearch:\n  password: 'infini_rag_flow_OS_01'\n",
            "docker/connector/sample.env": "MSSQL_LIMITED_PASSWORD=\(password)\n",
            "application/example.env": "SECRET_KEY=\"\(password)\"\n",
            "deploy/.env.dist": "API_TOKEN=\(password)\n",
            "sdk/python/test.py": "API_KEY = \"\(password)\"\n",
        ]),
        // A key sent to a server on the developer's machine; a URL ending in a credential word.
        RuleExample([
            "mcp/client/client.py": "# async with sse_client(\"http://localhost:9382/sse\", headers={\"api_key\": \"\(password)\"}):\n",
            "internal/tokenizer/bpe_loader.go": "var expected = map[string]string{\n\t\"https://openaipublic.blob.core.windows.net/encodings/cl100k_base.tiktoken\": \"\(SecretSample.make("", "hex", 40, salt: "bpe"))\",\n}\n",
        ]),
        // A token cut short by an ellipsis in a documentation page's format line.
        RuleExample([".github/workflows/docs/README.md": "**Format**: `\(githubToken)...`\n"]),
        // A token whose `exp` has passed (an API reference's output example) authenticates nothing.
        RuleExample([
            "docs/server/zhipu.md": "Output example:\n\n    \(expiredJWT)\n",
        ], now: "2026-12-06T00:00:00Z"),
        // The same default, listed by its digest; a generated class name with numbers; an
        // end-to-end stack's env file.
        RuleExample([
            "deploy/supabase/docker-compose.yml": selfHostingCompose.replacingOccurrences(of: "↓", with: ""),
            "trainer/api_client/models/info.py": "special_tokens: \"GetTrainingInfoResponse200TrainingConfigSpecialTokens\"\n",
            "e2e/.env.backend": "SECRET_KEY=\(SecretSample.make("", "alnum", 43, salt: "e2e"))\n",
        ], config: "secrets:\n  allow:\n    published: [\"\(SHA256.hex(publishedDefault))\"]"),
        // The allowlist comments teams already write for other scanners.
        RuleExample([
            "src/legacy.py": "STRIPE = \"\(stripeKey)\"  # gitleaks:allow\nGH = \"\(githubToken)\"  # pragma: allowlist secret\n",
            "pkg/ruler.go": "const ruleShardToken = \"x7Kp2mQ9vL4rT8wZ\" //#nosec G101 -- reviewed: a label, not a credential\n",
            // An author's own word for a stand-in, on the value's line.
            ".github/workflows/build.yml": "env:\n  ENCRYPTION_KEY: '\(SecretSample.make("", "hex", 64, salt: "ci"))' # dummy key for CI only\n",
        ]),
        // Names, not values: a value that repeats its name, identifiers, words run together,
        // GraphQL types, a statement.
        RuleExample([
            "nodes/S3File.ts": "            unstructuredApiKey: unstructuredApiKey\n",
            "config/app.conf": "tokenA7xQ2mP9vL4wK3 = tokenA7xQ2mP9vL4wK3\n",
            "server/tts.ts": "            credentialId = bodyCredentialId\n",
            "docs/jwt.md": "  signingSecret: mysuperlongsecret\n",
            "app/schema.graphql": "  totalTokens: ExperimentRunTokenCount!\n",
            "docs/api.md": "{\"password\": \"SecurePass123!\"}\n",
            "js/app/schema.graphql": "  azureAdTokenProvider: AzureOpenAIADTokenProviderInput\n",
            "ui/src/store/actions.js": "export const SET_COMPONENT_CREDENTIALS = '@canvas/SET_COMPONENT_CREDENTIALS'\n",
            // In source code an unquoted value is an expression.
            "rank/select.py": "        token_penalty = normalized_tokens**token_exponent_penalty\n",
        ]),
        // Names that say the value is a stand-in or public by design; a token a test signs for a
        // fake subject in the file's own test module; an evaluation harness's benchmark token; a
        // documentation site's published configuration, a UI component's default key and a
        // Supabase anon key; a temporary credential's id alone; a key
        // printed in documentation prose.
        RuleExample([
            "server/src/utils/index.ts": "export const REDACTED_CREDENTIAL_VALUE = '_ACME_BLANK_\(SecretSample.make("", "hex", 32, salt: "sentinel"))'\n",
            "web/components/Chatwoot.tsx": "  window.chatwootSDK.run({ websiteToken: '\(SecretSample.make("", "alnum", 24, salt: "chatwoot"))' })\n",
            "src/service/license.rs": "#[cfg(test)]\nmod tests {\n    const VALID_TOKEN: &str = \"\(fakeJWT)\";\n}\n",
            "documentation/docusaurus.config.js": "    algolia: {\n      appId: \"NBR0FXJNGW\",\n      apiKey: \"\(SecretSample.make("", "hex", 32, salt: "algolia"))\",\n",
            "scripts/scrub_cassette.py": "if 'SCRUBBED' in redacted and 'ASIA\(SecretSample.make("", "base32", 16, salt: "asia"))' not in redacted:\n",
            "docs/middlewares/jwt.md": "```yaml\ntls:\n  key: |-\n    " + privateKey.replacingOccurrences(of: "\n", with: "\n    ") + "```\n",
            "web/package-lock.json": "  \"integrity\": \"sha512-\(SecretSample.make("", "base64", 86, salt: "sri"))==\",\n",
            "src/assets.ts": "export const imageData = \"\(SecretSample.make("", "base64", 120, salt: "png"))\"\n",
            "server/supabase.ts": "const supabaseKey = process.env.SUPABASE_KEY || '\(supabaseJWT(role: "anon"))'\n",
            "extensions/widget/src/Widget.tsx": "export const Widget = ({\n  apiHost = 'https://chat.example.net',\n  apiKey = '\(SecretSample.make("", "hex", 8, salt: "uuid-a"))-\(SecretSample.make("", "hex", 4, salt: "uuid-b"))-4b4d-9fec-\(SecretSample.make("", "hex", 12, salt: "uuid-c"))',\n}) => null\n",
            "evaluation/benchmarks/webarena/run_infer.py": "    'CLASSIFIEDS_RESET_TOKEN': '\(SecretSample.make("", "hex", 32, salt: "reset"))',\n",
        ]),
        // The anon key a specific pattern recognises is no generic secret under a credential's
        // name either; a token typed as a count in a sample payload.
        // What the team's gitleaks configuration allows (reported as suppressed): by a regex on
        // the secret, by path for the generic patterns, by a .gitleaksignore fingerprint.
        RuleExample([
            ".gitleaks.toml": "title = \"acme\"\n[extend]\nuseDefault = true\n\n[allowlist]\ndescription = \"planted by the scanner's own tests\"\nregexes = [\n  '''\(awsKeyID)''', # the fake pair\n]\n\n[[allowlists]]\ndescription = \"public price handles\"\ntargetRules = [\"generic-api-key\"]\npaths = ['''billing/catalog\\.json''']\n",
            ".gitleaksignore": "# judged on 2026-11-02\n3db7c34a8f206fb4a19e525ac5a964185d502c4a:old/a.py:generic-api-key:1\nservices/worker.py:generic-api-key:2\n",
            "scripts/scan.test.sh": "export AWS_ACCESS_KEY_ID=\(awsKeyID)\n",
            "billing/catalog.json": "{\"lookupKey\": \"\(SecretSample.make("", "alnum", 32, salt: "lookup"))\"}\n",
            "services/worker.py": "import os\nAPI_KEY = \"\(SecretSample.make("", "alnum", 32, salt: "worker"))\"\n",
        ]),
        RuleExample([
            "web/templates/index.html": "headers: {\n  'apikey': '\(supabaseJWT(role: "anon").dropLast(4))-k9Q',\n}\n",
            "src/samples/typeform.ts": "form_response: {\n  token: \"9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d\",\n  other: { token: \"6f3e8a1c9d2b47a0b6e5f1a2c3d4e5f6\" },\n}\n",
        ]),
    ]
}
