#!/usr/bin/env bash
# Property-based testing of the whole GraphQL schema against a real server: anonymous, then as a
# signed-in citizen. Every check is on (schemathesis enables all by default; a CLI `--checks` would
# override the per-operation exceptions in schemathesis.toml). A failure is a 5xx, a GraphQL server
# error, or a schema-valid request refused.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${ST_PORT:-8124}"
MAX_EXAMPLES="${ST_MAX_EXAMPLES:-40}"
export VAR_DIR="$(mktemp -d /tmp/shanyraq-st.XXXXXX)"
export SPA_DIST="$VAR_DIR/no-spa" LOG_LEVEL=warning
unset DATABASE_URL REDIS_URL
# The anonymous run fuzzes every sign-in with wrong secrets from this one address; with the normal
# per-address budget the later runs' own sign-ins would then wait out its backoff.
export LOGIN_IP_FREE_FAILURES=1000000
# The portal's own scalars (Decimal) need a generator: scripts/schemathesis_hooks.py.
export SCHEMATHESIS_HOOKS=scripts.schemathesis_hooks PYTHONPATH="$PWD${PYTHONPATH:+:$PYTHONPATH}"
.venv/bin/python -m backend migrate
.venv/bin/python -m backend demo
.venv/bin/python -m backend serve --port "$PORT" &
SERVER=$!
trap 'status=$?; kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true; rm -rf "$VAR_DIR"; exit $status' EXIT
up=""
for _ in $(seq 300); do
  kill -0 $SERVER 2>/dev/null || { echo "schemathesis: the server on port $PORT exited before it answered"; exit 1; }
  curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && { up=1; break; }
  sleep 0.1
done
[ -n "$up" ] || { echo "schemathesis: the server on port $PORT did not answer /healthz in 30 s"; exit 1; }

common=(--max-examples "$MAX_EXAMPLES" --seed 20261121 --workers 2 --no-color
        --report junit --report-dir "$VAR_DIR/report" --suppress-health-check all)

echo "== schemathesis: anonymous =="
.venv/bin/st run "http://127.0.0.1:$PORT/graphql" "${common[@]}"

token() {
  curl -sf "http://127.0.0.1:$PORT/graphql" -H 'content-type: application/json' \
    -d "{\"query\":\"mutation{sessionLogin(input:{login:\\\"$1\\\",password:\\\"Shanyraq-Demo-2026!\\\"}){accessToken}}\"}" \
    | .venv/bin/python -c 'import json,sys; body = json.load(sys.stdin); token = body["data"]["sessionLogin"]["accessToken"]
if not token: sys.exit(f"schemathesis: could not sign in: {body}")
print(token)'
}

# Operations that end the session or change its roles would sign the fuzzer itself out or demote
# it; the anonymous run covers them.
for who in 900515300197 api@alatau-qurylys.demo.shanyraq.kz operator@demo.shanyraq.kz uk@demo.shanyraq.kz admin@demo.shanyraq.kz; do
  echo "== schemathesis: signed in as $who =="
  bearer=$(token "$who")  # its own statement, so that a failed sign-in stops the script
  .venv/bin/st run "http://127.0.0.1:$PORT/graphql" "${common[@]}" -H "Authorization: Bearer $bearer" \
    --exclude-name-regex 'sessionLogout|profilePasswordChange|sessionRevoke|userRolesSet'
done

# A partner key has a budget of 600 requests a minute (429 past it): fewer examples, paced below it.
echo "== schemathesis: a partner system with the demo API key =="
.venv/bin/st run "http://127.0.0.1:$PORT/graphql" "${common[@]}" --max-examples 8 --rate-limit 580/m \
  -H "X-Api-Key: shq_a1a7a0c1_demo-partner-key-for-the-playground-only"

echo "== schemathesis: a management company's billing with its demo API key =="
.venv/bin/st run "http://127.0.0.1:$PORT/graphql" "${common[@]}" --max-examples 8 --rate-limit 580/m \
  -H "X-Api-Key: shq_zu1b1111_demo-billing-key-of-zhaily-uy-for-the-playground-only"
