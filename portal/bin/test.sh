#!/usr/bin/env bash
# Set up (no demo data), then run the whole test suite (lint and migration checks included).
# Extra pytest arguments come from PYTEST_ARGS (split on whitespace), e.g.
#   PYTEST_ARGS="-x -k invitation" test.sh
# pytest's exit code is this script's: 5 (no tests collected) is a failure.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

bash "$ROOT/portal/bin/setup.sh"

# Under pytest the settings do not read .env, so pass its DATABASE_URL on
# (the local cluster in .pgdata, for one, is only reachable through it).
if [ -z "${DATABASE_URL:-}" ] && [ -n "$(env_file_get DATABASE_URL)" ]; then
    DATABASE_URL="$(env_file_get DATABASE_URL)"
    export DATABASE_URL
fi

# ruff check, ruff format --check and makemigrations --check run inside the suite
# (tests/test_tooling.py), so one pytest run reports everything.
read -r -a pytest_args <<<"${PYTEST_ARGS:-}"
say "Tests: pytest ${PYTEST_ARGS:-}"
exec "$VENV/bin/pytest" "${pytest_args[@]}"
