# The history example: a Stripe key committed in a .env file, then deleted — gone from the tree,
# still in history. Made from a fixed seed, never committed to Greenlight's own repository.
source "$(dirname "$0")/lib.sh"
key=$(python3 -c 'import random, string; r = random.Random(20261121); print("sk" + "_live_" + "".join(r.choice(string.ascii_letters + string.digits) for _ in range(30)))')
write README.md <<'MD'
# Billing
MD
printf 'STRIPE=%s\n' "$key" > .env
commit "Billing settings" 2026-11-19T08:00:00Z
git rm -q .env
printf '.env\n' > .gitignore
commit "Keep .env out of git" 2026-11-20T08:00:00Z
