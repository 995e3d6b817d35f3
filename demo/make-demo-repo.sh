#!/usr/bin/env bash
# Generates the demo repository: a small AI service with a readiness document that makes
# one false claim among true ones. Same output on every run (fixed names and dates).
# Usage: demo/make-demo-repo.sh DIR   (DIR is replaced)
set -euo pipefail
dir=${1:?usage: make-demo-repo.sh DIR}
rm -rf "$dir"
mkdir -p "$dir"
cd "$dir"

export GIT_AUTHOR_NAME="Demo Team" GIT_AUTHOR_EMAIL="team@demo.invalid"
export GIT_COMMITTER_NAME="Demo Team" GIT_COMMITTER_EMAIL="team@demo.invalid"
git init -q -b main .
git config commit.gpgsign false

commit() { # commit MESSAGE DATE
  git add -A
  GIT_AUTHOR_DATE="$2" GIT_COMMITTER_DATE="$2" git commit -q -m "$1"
}

mkdir -p src/routes src/ai scripts docs
cat > src/routes/health.ts <<'EOF'
import { Router } from "express";

export const health = Router();
health.get("/health", (_req, res) => res.json({ status: "ok" }));
EOF
cat > src/ai/generate.ts <<'EOF'
import { buildPromptContext } from "./context";
import { logGeneration } from "./log";

export async function answer(client: any, userId: string, question: string) {
  const context = await buildPromptContext(userId);
  const result = await client.chat.completions.create({
    model: "gpt-4o-mini",
    user: userId,
    messages: [{ role: "system", content: context }, { role: "user", content: question }],
  });
  await logGeneration({ userId, promptVersion: "v3", outcome: "ok" });
  return result;
}
EOF
cat > scripts/smoke.sh <<'EOF'
#!/usr/bin/env bash
set -euo pipefail
curl -fsS "${API_URL:?}/health"
EOF
chmod +x scripts/smoke.sh
printf 'API_URL=http://localhost:3000\nOPENAI_API_KEY=\n' > .env.example
# This team's done items cite repository paths, so a cited path that is missing blocks the merge
# (the rule's default is a note until its field precision earns more).
printf 'version: 1\nrules:\n  claims.missing-evidence: error\n' > .greenlight.yml
commit "Health route, generation path, smoke script" "2026-11-16T09:00:00Z"

cat > docs/PRODUCTION_READINESS.md <<'EOF'
# Production readiness — demo service

Posture: Green (claimed). Every done item names the file that proves it.

## Service
- [x] Health route answers `GET /health` — `src/routes/health.ts`
- [x] Smoke script runs against the live API — `scripts/smoke.sh`
- [x] Generations carry user id and context — `src/ai/generate.ts`
- [x] Rate limiter on the generation route — `src/middleware/rateLimit.ts`
- [ ] Load test at 10 concurrent requests (p95 < 30 s)

## Configuration
- [x] Required keys (`API_URL`, `OPENAI_API_KEY`) documented in `.env.example`
EOF
commit "Readiness document for launch review" "2026-11-17T10:30:00Z"
