#!/usr/bin/env bash
# Every test: pytest on SQLite and on PostgreSQL, frontend unit tests, Playwright e2e, schemathesis.
# PostgreSQL and Redis tests are skipped with a notice when the services are absent, unless
# REQUIRE_SERVICES=1 (CI), where a missing service fails the run.
set -uo pipefail
cd "$(dirname "$0")/.."
PG_URL="${TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/test}"
failed=()

step() {
  local name=$1; shift
  echo
  echo "=== $name ==="
  if "$@"; then echo "=== $name: ok"; else echo "=== $name: FAILED"; failed+=("$name"); fi
}

pg_up() { .venv/bin/python - "$PG_URL" <<'PY'
import asyncio, sys, asyncpg
async def main():
    conn = await asyncio.wait_for(asyncpg.connect(sys.argv[1].replace("postgres://", "postgresql://", 1)), 3)
    await conn.close()
try:
    asyncio.run(main())
except Exception as exc:
    print(f"PostgreSQL at {sys.argv[1]} is not reachable: {exc}")
    sys.exit(1)
PY
}

# The servers of the e2e and schemathesis steps listen on ports nobody else holds: a server left
# running on a fixed port would be tested in place of this tree's. playwright.config.ts picks its
# own (or refuses a taken E2E_PORT); schemathesis gets one here.
port_free() { .venv/bin/python - "$1" <<'PY'
import socket, sys
with socket.socket() as s:
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn binds
    try:
        s.bind(("127.0.0.1", int(sys.argv[1])))
    except OSError:
        sys.exit(1)
    print(s.getsockname()[1])
PY
}
run_schemathesis() {
  local port=${ST_PORT:-0}
  port=$(port_free "$port") || { echo "ST_PORT=${ST_PORT:-} is taken by another process: stop it, or leave ST_PORT unset to use a free port."; return 1; }
  ST_PORT=$port scripts/schemathesis.sh
}

step "pytest (SQLite)" .venv/bin/python -m pytest

if pg_up; then
  step "pytest (PostgreSQL)" env TEST_DATABASE_URL="$PG_URL" .venv/bin/python -m pytest --ignore=tests/deploy --ignore=tests/integration
elif [ "${REQUIRE_SERVICES:-}" = 1 ]; then
  echo "PostgreSQL is required in CI."; failed+=("pytest (PostgreSQL): service missing")
else
  echo "=== pytest (PostgreSQL): skipped, PostgreSQL is not running here (CI requires it)"
fi

step "frontend unit tests" npm run test -w frontend
step "e2e (Playwright, Chromium)" npm run e2e -w e2e
step "schemathesis" run_schemathesis

echo
if [ ${#failed[@]} -gt 0 ]; then
  printf 'FAILED: %s\n' "${failed[@]}"
  exit 1
fi
echo "All test suites passed."
