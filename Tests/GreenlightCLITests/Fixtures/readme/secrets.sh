# The secrets example: a settings module with a GitHub token in it. The token is made here, from
# a fixed seed, so that no token-shaped text is ever committed to Greenlight's own repository.
source "$(dirname "$0")/lib.sh"
token=$(python3 -c 'import random, string; r = random.Random(20261120); print("ghp" + "_" + "".join(r.choice(string.ascii_letters + string.digits) for _ in range(36)))')
write app/settings.py <<PY
import os

DEBUG = os.environ.get("DEBUG") == "1"
DATABASE_URL = os.environ["DATABASE_URL"]
GITHUB_TOKEN = "$token"
PY
commit "Settings" 2026-11-20T08:00:00Z
