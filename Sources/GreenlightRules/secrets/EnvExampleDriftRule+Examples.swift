import GreenlightCore

/// The examples of `secrets.env-example-drift`: what it reports, and what it leaves to
/// `secrets.env-example-optional` or to nobody.
enum EnvExampleDriftExamples {
    static let triggering: [RuleExample] = [
        RuleExample([
            ".env.example": "DATABASE_URL=\nOPENAI_API_KEY=\n",
            "src/server.ts": "const db = process.env.DATABASE_URL\nconst hook = process.env.STRIPE_WEBHOOK_SECRET\n",
            "src/jobs.ts": "const first = process.env['↓STRIPE_WEBHOOK_SECRET']!\n",
            // An app's own GitHub credential; what Actions sets in every job is not asked for.
            "src/auth.ts": "const secret = process.env.↓GITHUB_CLIENT_SECRET!\nconst sha = process.env.GITHUB_SHA\n",
        ]),
        RuleExample([
            ".env.sample": "export API_URL=https://api.internal\n",
            "worker/main.py": "import os\nurl = os.environ[\"API_URL\"]\nkey = os.environ[\"↓API_KEY\"]\nadmin = os.environ.get('↓ADMIN_API_KEY')\nif not admin:\n    raise SystemExit(\"ADMIN_API_KEY is required\")\n",
            "Sources/App/Config.swift": "let token = ProcessInfo.processInfo.environment[\"↓SENTRY_AUTH_TOKEN\"]!\n",
        ]),
        // A migration that cannot run without its variable; a fallback chain none of whose
        // variables is listed (at its first: the others are its alternatives).
        RuleExample([
            ".env.example": "DATABASE_URL=\n",
            "migrations/versions/0042_dimension.py": "dim = os.getenv(\"↓EMBEDDING_DIMENSION\")\nif not dim:\n    raise ValueError(dim)\n",
            "app/search.py": "url = os.getenv(\"↓SEARCH_URL\") or os.getenv(\"SEARX_URL\")\nif not url:\n    raise RuntimeError(\"no search backend\")\n",
            // The UI may set it for the session; the deployment still sets it first.
            "app/ui.py": "model = os.environ[\"↓GEMINI_MODEL\"]\nos.environ[\"GEMINI_MODEL\"] = choice\n",
        ]),
        // A name one abbreviation away from the listed one, whatever its default.
        RuleExample([
            ".env.example": "PASSWORD_RESET_EXPIRY_IN_MINS=\nOPENAI_API_KEY=\n",
            "src/account.ts": "const mins = process.env.↓PASSWORD_RESET_EXPIRY_IN_MINUTES\n    ? parseInt(process.env.PASSWORD_RESET_EXPIRY_IN_MINUTES)\n    : 15\n",
            "app/search.py": "key = os.environ[\"↓OPENROUTER_API_KEY\"]\n",
        ]),
        // A chain of variables over two lines none of which is listed; a schema that requires it.
        RuleExample([
            ".env.example": "DATABASE_URL=\n",
            "src/vertex.ts": "const project = process.env.↓VERTEX_PROJECT_ID ||\n  process.env.VERTEX_PROJECT;\nif (!project) throw new Error(\"no project\");\n",
            "src/env/schema.mjs": "export const serverSchema = z.object({\n  OPENAI_API_KEY: z.string(),\n});\nexport const env = { OPENAI_API_KEY: process.env.↓OPENAI_API_KEY };\n",
        ]),
        // A local tested for absence and then refused is still needed; a log line beside a
        // real read does not hide it.
        RuleExample([
            ".env.example": "DATABASE_URL=\n",
            "src/llm.ts": "const apiKey = process.env.↓GROQ_API_KEY;\nif (!apiKey) {\n  throw new Error(\"GROQ_API_KEY is required\");\n}\n",
            "app/search.py": "key = os.getenv(\"↓SERPER_API_KEY\")\nif not key:\n    raise RuntimeError(\"no key\")\nlogging.info(f\"serper {os.getenv('SERPER_API_KEY')}\")\n",
        ]),
        // A name the template lists with a word left out; a non-null assertion; a switch on
        // the deployment stage is no feature flag; a display of presence does not hide the
        // read that fails without it.
        RuleExample([
            ".env.example": "OLLAMA_EMBEDDING_MODEL=\nDATABASE_URL=\nSUPABASE_URL=\n",
            "server/embeddings.ts": "const model = process.env.↓OLLAMA_EMBEDDING_API_MODEL\n",
            "lib/client.ts": "const url = process.env.↓NEXT_PUBLIC_SUPABASE_URL\n",
            "lib/supabase.ts": "export const db = createClient(process.env.↓SUPABASE_SERVICE_URL!)\n",
            "src/billing.ts": "if (process.env.NODE_ENV === \"production\") {\n  stripe = new Stripe(process.env.↓STRIPE_SECRET_KEY!)\n}\n",
            // Reported where the need shows, not where it is first displayed.
            "server/models/settings.js": "const shown = { bedrock: !!process.env.BEDROCK_LLM_TOKEN }\n",
            "server/utils/bedrock.js": "if (!process.env.↓BEDROCK_LLM_TOKEN)\n  throw new Error(\"BEDROCK_LLM_TOKEN is required\");\n",
            // A property the code reads.
            "app/settings.py": "class Config:\n    @property\n    def STRIPE_KEY(self) -> str:\n        return os.environ['↓STRIPE_API_KEY']\n",
            "app/billing.py": "stripe.api_key = CONFIG.STRIPE_KEY\n",
        ]),
        // A part with a container build of its own: neither its template nor the root one
        // lists it, and no README above it names it (a README beside other code does not).
        RuleExample([
            ".env.example": "GRAPH_USER=\n",
            "mcp/.env.example": "OPENAI_API_KEY=\n",
            "mcp/docker/Dockerfile": "FROM python:3.12\n",
            "mcp/src/factories.py": "password = os.environ['↓GRAPH_PASSWORD']\n",
            "server/README.md": "Set `GRAPH_PASSWORD` before you start the server.\n",
        ]),
        RuleExample([
            "supabase/functions/.env.example": "SUPABASE_URL=\n",
            "supabase/functions/hook/index.ts": "const url = Deno.env.get(\"SUPABASE_URL\")\nconst key = Deno.env.get(\"↓SERVICE_ROLE_KEY\")!\n",
            "cmd/api/main.go": "key := os.Getenv(\"NOT_GOVERNED\")\n",
        ]),
    ]

    static let nonTriggering: [RuleExample] = [
        RuleExample([
            ".env.example": "API_URL=\n# SENTRY_DSN=  (optional)\nexport API_KEY=\n",
            "src/app.ts": "const a = process.env.API_URL; const b = process.env.API_KEY\nif (process.env.NODE_ENV === 'test') {}\n",
            "src/obs.py": "dsn = os.getenv('SENTRY_DSN')\n",
        ]),
        RuleExample(["src/app.ts": "const a = process.env.ANYTHING\n"]),
        // A tool only a workflow runs, configured by that workflow's `env:`.
        RuleExample([
            ".env.example": "OPENAI_API_KEY=\n",
            "tools/notify_failure.py": "host = os.environ[\"SMTP_HOST\"]\nsender = os.environ[\"ALERT_SENDER\"]\n",
            ".github/workflows/nightly.yml": """
                on: {schedule: [{cron: "0 3 * * *"}]}
                env: {SMTP_HOST: smtp.example.com}
                jobs:
                  alert:
                    runs-on: ubuntu-latest
                    steps:
                      - run: uv run python tools/notify_failure.py --since 1d
                        env: {ALERT_SENDER: "${{ secrets.ALERT_SENDER }}"}
                """,
        ]),
        // Read only once known to be set; an opt-in gate (a switch, no value used).
        RuleExample([
            ".env.example": "OPENAI_API_KEY=\n",
            "app/config.py": "root = Path(os.environ[\"PROJECT_ROOT\"]) if os.environ.get(\"PROJECT_ROOT\") else None\n",
            "app/cli.py": "if \"CURSOR_API_KEY\" in os.environ:\n    env[\"CURSOR_API_KEY\"] = os.environ[\"CURSOR_API_KEY\"]\n",
            "app/debug.py": "if not os.environ.get(\"ALLOW_REAL_LLM\"):\n    raise SystemExit(\"set ALLOW_REAL_LLM=1\")\n",
            // Set by the program for the worker it starts.
            "app/manager.py": "env = os.environ.copy()\nenv[\"WORKER_ID\"] = str(n)\nsubprocess.Popen(cmd, env=env)\n",
            "app/worker.py": "worker = os.environ[\"WORKER_ID\"]\n",
        ]),
        // A chain broken before each operator, whose last variable is listed.
        RuleExample([
            ".env.example": "OPENAI_API_KEY=\n",
            "app/azure.py": "token = (\n    api_token\n    or os.getenv(\"AZURE_OPENAI_API_KEY\")\n    or os.getenv(\"OPENAI_API_KEY\")\n)\nif token is None:\n    raise KeyError(\"no key\")\n",
        ]),
        // Writes, what the framework or the platform sets, and tests.
        RuleExample([
            ".env.example": "API_URL=\n",
            "src/boot.ts": "process.env.TZ_OVERRIDE = 'UTC'\nif (import.meta.env.DEV || process.env.CI) {}\nconst sha = process.env.VERCEL_GIT_COMMIT_SHA\n",
            "src/__tests__/api.test.ts": "const k = process.env.TEST_ONLY_KEY\n",
            "tests/test_api.py": "k = os.getenv('PYTEST_ONLY_KEY')\n",
            "src/setup.ts": "delete process.env.LEGACY_FLAG\nconst t = process.env.VITEST\n",
            "node_modules/@babel/core/lib/index.js": "const c = process.env.BABEL_SHOW_CONFIG_FOR\n",
            "app/evals/answers.ts": "const key = process.env.EVAL_GOOGLE_KEY\n",
            "app/console.py": "os.environ['PYTHONIOENCODING'] = 'utf-8'\n",
            "cli/src/terminal.ts": "const t = process.env.TERM_PROGRAM ?? process.env.VSCODE_PID\n",
        ]),
        RuleExample([
            ".env.example": "API_URL=\n",
            "apps/web/.env.example": "NEXT_PUBLIC_SITE=\n",
            "apps/web/page.tsx": "const s = process.env.NEXT_PUBLIC_SITE\n",
        ]),
        // Tool configuration; another language's read quoted in a string (a snippet the UI
        // shows).
        RuleExample([
            ".env.example": "DATABASE_URL=\n",
            "web/next.config.js": "const analyze = process.env.ANALYZE === 'true'\n",
            "web/playwright.config.ts": "const port = process.env.PORT || 3000\n",
            "web/src/snippets/python.ts": "export const snippet = `api_key=os.environ[\"VENDOR_API_KEY\"]`\n",
        ]),
        // Not code: a comment, a snippet in a template literal.
        RuleExample([
            ".env.example": "API_URL=\n",
            "src/snippet.ts": "// const k = process.env.OLD_KEY\nexport const code = `const key = process.env.VENDOR_KEY;`\n",
            "app/main.py": "# key = os.environ['COMMENTED_KEY']\nprint('os.getenv(\"QUOTED_KEY\")')\n",
        ]),
        // A fallback of a listed variable; a write; one a comment calls legacy; a migration
        // that falls back; an operator script; what the platform or the CI job sets.
        RuleExample([
            ".env.example": "PHOENIX_ENDPOINT=\nDATABASE_URL=\n",
            "src/otel.ts": "const url = process.env.PHOENIX_ENDPOINT ?? process.env.PHOENIX_HOST\n",
            "src/limits.js": "process.env.MODEL_TOKEN_LIMIT = Number(limit)\n",
            "src/settings.js": "const old = Number(process.env.OLD_TOKEN_LIMIT) || // legacy support\n  4096\n",
            "app/db.py": "url = os.environ.get(\"DATABASE_URL\", os.environ.get(\"PG_URL\"))\n",
            "alembic/versions/7f3_seed.py": "host = os.environ.get(\"OLLAMA_HOST\") or \"http://localhost:11434\"\n",
            "server/scripts/reset_password.py": "password = os.environ.get(\"PASSWORD\", \"\")\n",
            "src/server.ts": "const port = process.env.PORT ?? 3000\nconst e2e = process.env.CI_PLAYWRIGHT\n",
        ]),
        RuleExample([
            ".env.example": "API_URL=\n",
            "src/app.ts": "const t = process.env.FEATURE_FLAGS\n",
        ], options: "ignore: [\"FEATURE_*\"]"),
        // Listed in an env file a Compose service loads.
        RuleExample([
            ".env.example": "DATABASE_URL=\n",
            "docker/compose.yaml": "services:\n  api:\n    image: acme/api:1.0\n    env_file:\n      - ./env/api.env\n",
            "docker/env/api.env": "SENDGRID_API_KEY=\nMISTRAL_API_KEY=\n",
            "py/app.py": "key = os.getenv(\"SENDGRID_API_KEY\")\n",
        ]),
        // Examples and quickstarts; a variable the file sets itself; one the image sets; a
        // schema default; a chain over two lines that ends in a default.
        RuleExample([
            ".env.example": "DATABASE_URL=\n",
            "examples/quickstart/falkor.py": "user = os.environ.get('FALKORDB_USERNAME')\n",
            "src/instrumentation.ts": "if (!process.env.OTEL_LIMIT) {\n  process.env.OTEL_LIMIT = \"25000\";\n}\n",
            "src/console.py": "if not os.environ.get('PYTHONIOENCODING'):\n    os.environ['PYTHONIOENCODING'] = 'utf-8'\n",
            "Dockerfile": "FROM node:20\nENV DEPLOYMENT_VERSION=1.4 NODE_OPTIONS=--max-old-space-size=4096\n",
            "server/version.js": "if (process.env.DEPLOYMENT_VERSION) return process.env.DEPLOYMENT_VERSION;\n",
            "src/env/schema.mjs": "export const clientSchema = z.object({\n  NEXT_PUBLIC_FF_MOCK: z\n    .boolean()\n    .default(false),\n  NEXT_PUBLIC_FF_SID: stringToBoolean().default(false),\n});\nexport const env = {\n  NEXT_PUBLIC_FF_MOCK: process.env.NEXT_PUBLIC_FF_MOCK,\n  NEXT_PUBLIC_FF_SID: process.env.NEXT_PUBLIC_FF_SID,\n};\n",
            "src/vertex.ts": "const project = process.env.VERTEX_PROJECT_ID ||\n  config.projectId;\nconst gcp = process.env.GOOGLE_CLOUD_PROJECT;\n",
        ]),
        // Values only logged; a local the code tests before it uses it, or gives a value when
        // it is missing; a function of the file that returns a default for a missing value.
        RuleExample([
            ".env.example": "DATABASE_URL=\n",
            "py/app_entry.py": "logging.info(\n    f\"Environment IMAGE: {os.getenv('APP_IMAGE')}\",\n)\nprint(\"version\", os.environ.get(\"APP_VERSION\"))\n",
            "src/boot.js": "console.log(`timeout ${process.env.FETCH_TIMEOUT}`);\n",
            "server/boot/timeouts.js": "function patch() {\n  const envTimeout = process.env.APP_FETCH_TIMEOUT;\n  let timeoutMs = DEFAULT_TIMEOUT;\n  if (envTimeout) {\n    timeoutMs = parseInt(envTimeout, 10);\n  }\n}\n",
            "src/bedrock.ts": "const region =\n  config.awsRegion ||\n  process.env.AWS_REGION ||\n  process.env.AWS_DEFAULT_REGION;\nconst clientConfig = {};\nif (region) clientConfig.region = region;\n",
            "app/limits.py": "limit = os.getenv(\"RATE_LIMIT\")\nif limit is None:\n    limit = \"10\"\n",
            "app/config.py": "class Config:\n    def load(self):\n        self.effort = self.parse_effort(os.getenv(\"REASONING_EFFORT\"))\n\n    @staticmethod\n    def parse_effort(effort: str | None) -> str:\n        if effort is None:\n            return \"medium\"\n        return effort\n",
        ]),
        // Tested inline, compared, read with `?.`, empty where empty works (a list, a level),
        // declared optional by a schema constant; what Fly.io or ECS sets.
        RuleExample([
            ".env.example": "DATABASE_URL=\n",
            "app/config/build.ts": "const exempt = job.teamId !== process.env.BACKGROUND_TEAM_ID;\nconst gtm = process.env.GTM_ID && load(process.env.GTM_ID);\n",
            "app/service.py": "def navigate():\n    raw = os.getenv('DIRECT_NAVIGATION')\n    if raw is None:\n        return True\n    return raw == '1'\n\ndef command():\n    explicit = os.getenv('SDK_SERVER')\n    return [explicit] if explicit else [find_binary()]\n",
            "src/routes.ts": "const blocked = process.env.RESTRICTED_COUNTRIES?.split(\",\") ?? [];\nconst preview = process.env.PREVIEW_TOKEN === req.body.token;\nconst engines = process.env.SEARXNG_ENGINES || \"\";\n",
            "app/observability.py": "debug = os.getenv('LMNR_LOGGING_LEVEL', '').lower() == 'debug'\n",
            "src/env.mjs": "const zAuthMethod = z\n  .enum([\"basic\", \"post\"])\n  .optional();\nexport const env = createEnv({\n  server: {\n    AUTH_CLIENT_AUTH_METHOD: zAuthMethod,\n    COOKIE_SUFFIX: z\n      .string()\n      .regex(\n        /^[a-z]+$/,\n      )\n      .optional(),\n  },\n  runtimeEnv: {\n    AUTH_CLIENT_AUTH_METHOD: process.env.AUTH_CLIENT_AUTH_METHOD,\n    COOKIE_SUFFIX: process.env.COOKIE_SUFFIX,\n  },\n});\n",
            "src/sentry.ts": "Sentry.init({ serverName: process.env.FLY_MACHINE_ID });\n",
            "src/gcs.ts": "if (!process.env.GCS_INDEX_BUCKET) {\n  return null;\n}\nconst rateEnv = process.env.AB_RATE;\nconst rate = rateEnv !== undefined ? Number(rateEnv) : 0;\nconst transports = [...(process.env.LOG_TO_FILE\n  ? [fileTransport]\n  : [])];\n",
            "src/services/index.ts": "const url = process.env.INDEX_DB_URL;\nconst token = process.env.INDEX_DB_TOKEN;\nif (!url || !token) {\n  logger.warn(\"index disabled\");\n  this.client = null;\n}\n",
        ]),
        // Behind another variable's feature switch; an option a call fills when undefined; a
        // configuration key every use tests first; named by a Compose service's environment;
        // a presence test as a value; nothing shows it is needed (the optional rule's).
        RuleExample([
            ".env.example": "DATABASE_URL=\nOPENAI_BASE_URL=\n",
            "app/providers.tsx": "if (typeof window !== 'undefined' && process.env.ENABLE_POSTHOG) {\n  posthog.init(process.env.POSTHOG_KEY ?? '', {})\n}\n",
            "lib/supabase.ts": "export const db = process.env.ENABLE_SUPABASE\n  ? createClient(\n      process.env.SUPABASE_URL!,\n      process.env.SUPABASE_ANON_KEY!,\n    )\n  : undefined\n",
            "app/storage.py": "def client():\n    if os.getenv(\"USE_S3\"):\n        return boto3.client(secret=os.environ[\"S3_SECRET_KEY\"])\n",
            "src/sentry.ts": "Sentry.init({ dsn: DSN, environment: process.env.SENTRY_ENVIRONMENT });\nconst ai = createOpenAI({ baseURL: process.env.OPENAI_BASE_URL });\n",
            "app/config/server.ts": "export const getServerConfig = () => {\n  const config = {\n    gtmId: process.env.GTM_ID,\n  };\n  return config;\n};\n",
            "app/layout.tsx": "{serverConfig?.gtmId && (\n  <GoogleTagManager gtmId={serverConfig.gtmId} />\n)}\n",
            "deploy/compose.yml": "services:\n  ui:\n    image: acme/ui:1.0\n    environment:\n      - LOOPS_API_KEY=${LOOPS_API_KEY}\n",
            "app/webhook.ts": "const loops = new Loops(process.env.LOOPS_API_KEY)\n",
            "app/logs.py": "def logging_on():\n    return os.environ.get(\"LOG_PATH\", None) is not None\n",
            "src/limits.ts": "const n = Number(process.env.LIMIT)\n",
            // A property nothing reads; a local used, then tested for absence by a branch
            // that goes on.
            "app/settings.py": "class Config:\n    @property\n    def AZURE_OPENAI_KEY(self) -> str:\n        return os.getenv('AZURE_OPENAI_KEY', '')\n",
            "app/groq.py": "class Groq:\n    def __init__(self):\n        env_api_key = os.getenv(\"GROQ_API_KEY\")\n        models = get_models(URL, env_api_key)\n        if env_api_key is None:\n            self.config[\"API Key\"] = InputConfig()\n",
            // Retired code; a test runner's configuration; a presence test past a default and
            // a call (`.strip()`); documented by a configuration example; quoted in a table
            // of variables read by name (no near miss of OPENAI_BASE_URL).
            "src/legacy/utils.py": "exa = Exa(api_key=os.environ[\"EXA_API_KEY\"])\n",
            "playwright.config.preview.ts": "const url = process.env.PREVIEW_URL!\n",
            "app/broker.py": "if os.environ.get(\"BROKER_TOKEN\", \"\").strip():\n    raise RuntimeError(\"not allowed in broker mode\")\n",
            "config.example.yaml": "tools:\n  - use: brave\n    api_key: $BRAVE_SEARCH_API_KEY\n",
            "app/brave.py": "key = os.environ[\"BRAVE_SEARCH_API_KEY\"]\n",
            "app/providers.py": "URLS = {\"openai\": \"OPENAI_BASE_URL\"}\nurl = os.environ.get(\"OPENAI_COMPATIBLE_BASE_URL\")\n",
            // An absence branch that goes on; the failure after the branch is not its.
            "app/cdp.py": "def port():\n    raw = os.environ.get(\"LOCAL_CDP_PORT\", \"\").strip()\n    if not raw:\n        return None\n    try:\n        return int(raw)\n    except ValueError:\n        return None\n",
            "app/daemon.py": "try:\n    run()\nexcept BrokerError as exc:\n    if os.environ.get(\"BROKER_READY_FD\") is None:\n        console.print(str(exc))\n    raise Exit(code=1)\n",
            // Defaults a caller can override: a typed class attribute, a parameter.
            "libs/loaders/azure.py": "class AzureLoader(BaseLoader):\n    endpoint: str = Param(os.environ.get(\"AZURE_DI_ENDPOINT\", None))\n    credential: str = Param(\n        os.environ.get(\"AZURE_DI_CREDENTIAL\", None),\n        help=\"Credential\",\n    )\n\n    def __init__(self, token=os.getenv(\"AZURE_DI_TOKEN\")):\n        self.token = token\n",
            // No image ships this code: its developer-machine default is the development one.
            "cli/main.py": "url = os.getenv(\"BACKEND_API_URL\", \"http://localhost:8000\")\n",
        ]),
        // Optional settings (`secrets.env-example-optional`'s); what the program sets for its
        // own child; test switches; an `elif` after a listed variable; a variable the root
        // template lists for a service with a template of its own.
        RuleExample([
            ".env.example": "DATABASE_URL_SPECS=\nLSP_HOST=\n",
            "src/limits.ts": "const max = process.env.MAX_LOOP_COUNT ? parseInt(process.env.MAX_LOOP_COUNT) : 10\nif (process.env.VERBOSE === \"true\") {}\n",
            "app/lsp.py": "ttl = int(os.getenv(\"LSP_CACHE_TTL\", \"300\"))\n",
            "src/update.ts": "if (!process.env.CLI_AUTO_UPDATED) {\n  spawn(cmd, { env: { ...process.env, CLI_AUTO_UPDATED: \"true\" } })\n}\n",
            "src/session.ts": "if (process.env.CONTINUE_CLI_TEST) {}\nconst m = process.env.SMOKE_MODEL\n",
            "alembic/env.py": "if os.getenv(\"DATABASE_URL_SPECS\"):\n    url = 1\nelif os.getenv(\"DATABASE_URL\"):\n    url = os.getenv(\"DATABASE_URL\")\n",
            "backend/.env.example": "DATABASE_URL=\n",
            "backend/lsp/config.py": "host = os.getenv(\"LSP_HOST\")\n",
        ]),
        // Documented elsewhere: the root template for a part with an image of its own, a
        // README above the code, another part's template (the optional rule's, naming it),
        // a Serverless deployment's environment; the file sets it before reading it; a
        // default after a read inside a call (`fetch(\`${base || …}\`)`) is no local that fails;
        // an evaluation harness.
        RuleExample([
            ".env.example": "GRAPH_PASSWORD=\n",
            "mcp/.env.example": "OPENAI_API_KEY=\n",
            "mcp/docker/Dockerfile": "FROM python:3.12\n",
            "mcp/src/factories.py": "password = os.environ['GRAPH_PASSWORD']\n",
            "README.md": "| Name | Description |\n| `ANYSCALE_API_KEY` | key for Anyscale endpoints |\n",
            "encoders/anyscale.py": "key = os.environ[\"ANYSCALE_API_KEY\"]\n",
            "tools/README.md": "    AIRWEAVE_API_KEY=your-key npm run start\n",
            "tools/src/server.ts": "const key = process.env.AIRWEAVE_API_KEY!\n",
            "backend/sample.env": "GDRIVE_PROJECT_ID=\n",
            "connectors/sample.env": "LOG_LEVEL=\n",
            "connectors/gcs.py": "project = os.environ[\"GDRIVE_PROJECT_ID\"]\n",
            "serverless.yml": "provider:\n  name: aws\n  environment:\n    BUCKET_NAME: ${env:BUCKET_NAME}\n",
            "main_prod.py": "bucket = os.environ[\"BUCKET_NAME\"]\n",
            "cogs/interpreter.py": "os.environ[\"OPENAI_API_KEY\"] = settings.openai_token()\nopenai.api_key = os.environ[\"OPENAI_API_KEY\"]\n",
            "ui/Viewer.tsx": "const response = await fetch(\n  `${apiBaseUrl || process.env.NEXT_PUBLIC_API_URL || \"http://localhost:8000\"}/chat`,\n);\nif (!response.ok) {\n  throw new Error(\"failed\");\n}\n",
            "evaluations/custom/run_eval.py": "uri = os.environ[\"EVAL_URI\"]\n",
            // A branch that logs and returns goes on; another app's schema makes it optional;
            // a mock.
            "web/api/alert.ts": "const url = process.env.SLACK_ALERT_URL;\nif (!url) {\n  console.error(\"Missing required environment variables\");\n  return;\n}\n",
            "apps/server/src/env.ts": "export const env = createEnv({\n  server: {\n    SLACK_SIGNING_SECRET: z.string().optional(),\n  },\n});\n",
            "packages/api/src/slack.ts": "const secret = process.env.SLACK_SIGNING_SECRET;\nif (!secret) throw new Error(\"Slack not configured\");\n",
            "packages/teams/src/mock.ts": "const hook = process.env.TEAMS_WEBHOOK_URL!\n",
        ]),
        // Checked before use by a predicate (`isConfigured()`, `is_available`); a public
        // prefix's bare name the code reads from its runtime configuration.
        RuleExample([
            ".env.example": "LOCAL_DEVELOPMENT=\n",
            "providers/kroger.ts": "export function getClient() {\n  const secret = Deno.env.get('KROGER_SECRET');\n  if (!secret) throw new Error('not configured');\n}\nexport function isConfigured(): boolean {\n  return !!(Deno.env.get('KROGER_ID') && Deno.env.get('KROGER_SECRET'));\n}\n",
            "sandbox/ready.py": "def is_ready():\n    token = os.getenv(\"READY_TOKEN\")\n    return token is not None\n\n\ndef connect():\n    token = os.getenv(\"READY_TOKEN\")\n    if not token:\n        raise ValueError(\"READY_TOKEN not set\")\n\n\nif is_ready():\n    connect()\n",
            "frontend/src/env.ts": "export const local = window.ENV?.LOCAL_DEVELOPMENT ?? import.meta.env.VITE_LOCAL_DEVELOPMENT ?? false\n",
        ]),
        // Mentioned in the template's comments; the legacy name a local is called after.
        RuleExample([
            ".env.template": "# Tool calls need the keyring, e.g. CREDENTIALS_KEYS='{\"1\": \"<key>\"}'.\n#TOOLS_ENABLED=false\n",
            "app/crypto.py": "raw = os.getenv(\"CREDENTIALS_KEYS\")\nif raw:\n    ring = json.loads(raw)\nelse:\n    legacy = os.getenv(\"CREDENTIALS_KEY\")\n    if not legacy:\n        raise RuntimeError(\"no keyring\")\n",
        ]),
    ]
}
