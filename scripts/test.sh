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
step "schemathesis" scripts/schemathesis.sh

echo
if [ ${#failed[@]} -gt 0 ]; then
  printf 'FAILED: %s\n' "${failed[@]}"
  exit 1
fi
echo "All test suites passed."
