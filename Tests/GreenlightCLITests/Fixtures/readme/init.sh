# The init example: an AI service with a readiness document, a Dockerfile, two workflows, two
# agents' logs, an OpenAI import and an .env.example of three names.
source "$(dirname "$0")/lib.sh"
write docs/PRODUCTION_READINESS.md <<'MD'
# Production readiness
- [x] Health route — `src/health.ts`
- [ ] Load test
MD
write src/health.ts <<'TS'
export const ok = true;
TS
write src/ai/answer.ts <<'TS'
import OpenAI from "openai";

export const client = new OpenAI();
TS
write Dockerfile <<'DOCKER'
FROM node:20-alpine
COPY . /app
CMD ["node", "/app/dist/server.js"]
DOCKER
write .github/workflows/ci.yml <<'YAML'
name: unit tests
on: pull_request
jobs:
  unit:
    runs-on: ubuntu-24.04
    steps:
      - uses: actions/checkout@v5
      - run: npm ci && npm test -- --ci
YAML
write .github/workflows/deploy.yml <<'YAML'
name: deploy
on:
  push:
    branches: [main]
jobs:
  image:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v5
      - run: docker build -t service .
YAML
write feedback/tooling.md <<'MD'
## 2026-11-20 — MCP server paginates
MD
write feedback/rag.md <<'MD'
## 2026-11-20 — re-ranking in `src/ai/answer.ts`
MD
write .env.example <<'ENV'
OPENAI_API_KEY=
DATABASE_URL=
PORT=3000
ENV
commit "Service" 2026-11-20T08:00:00Z
