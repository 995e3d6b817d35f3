# The proof-of-work example: two agents' logs; tooling's last commit is an hour old, rag's
# latest entry names nothing that proves it.
source "$(dirname "$0")/lib.sh"
write .greenlight.yml <<'YAML'
proof_of_work:
  logs: ["feedback/*.md"]
  stale_after: 10m
  grace: 5m
YAML
write feedback/tooling.md <<'MD'
## 2026-11-20 08:00 — MCP server: `tools/list` paginates; tests in `tests/mcp/test_list.py`
MD
write tests/mcp/test_list.py <<'PY'
def test_list_paginates():
    assert True
PY
write feedback/rag.md <<'MD'
# rag
MD
commit "Tooling: MCP pagination" 2026-11-20T08:00:00Z
cat >> feedback/rag.md <<'MD'

## 2026-11-20 08:55 — re-ranking tuned, looks better
MD
commit "rag: re-ranking" 2026-11-20T08:55:00Z
