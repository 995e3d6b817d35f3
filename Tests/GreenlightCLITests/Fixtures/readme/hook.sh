# The hook example: a repository that already has a pre-commit hook of its own.
source "$(dirname "$0")/lib.sh"
write README.md <<'MD'
# Service
MD
commit "Service" 2026-11-20T08:00:00Z
printf '#!/bin/sh\nnpm run lint\n' > .git/hooks/pre-commit
chmod +x .git/hooks/pre-commit
