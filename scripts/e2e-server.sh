#!/usr/bin/env bash
# A fresh portal for the Playwright run: its own database and files, demo data, the built SPA.
# The per-IP code limits are raised because every browser of the run shares 127.0.0.1;
# the per-phone limits, which the specs exercise, stay as in production.
# Passwords are hashed with the cheap argon2id of pytest (the demo accounts' too, as the hash
# carries its parameters): the specs sign in some fifty times, two browsers at once, and the
# production cost (64 MiB, t=3 a sign-in) is CPU the specs do not check, taken from the pages they do.
set -euo pipefail
cd "$(dirname "$0")/.."
export VAR_DIR="${E2E_VAR_DIR:-$(mktemp -d /tmp/shanyraq-e2e.XXXXXX)}"
export OTP_IP_MAX_PER_HOUR=10000 OTP_IP_RESEND_INTERVAL_SECONDS=0 SHANYRAQ_TEST_FAST_HASH=1
unset DATABASE_URL REDIS_URL
.venv/bin/python -m backend migrate
.venv/bin/python -m backend demo
exec .venv/bin/python -m backend serve --host 127.0.0.1 --port "${E2E_PORT:-8123}"
