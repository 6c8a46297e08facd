#!/usr/bin/env bash
# Prepare a development machine for Verkosto. Idempotent, and quick when all is done.
#
#   setup.sh                  everything: uv, Python env, system packages, .env,
#                             PostgreSQL, migrations, cache table, messages, static files
#   setup.sh --seed-if-empty  the same, then `manage.py seed_demo` if there are no organisations
#   setup.sh --no-db          stop before PostgreSQL and Django (for makemessages and the like)
#   setup.sh --venv           only uv and the .venv (for ruff)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

MODE=all
SEED=0
for arg in "$@"; do
    case "$arg" in
        --seed-if-empty) SEED=1 ;;
        --no-db) MODE=no-db ;;
        --venv) MODE=venv ;;
        *) die "usage: $0 [--seed-if-empty | --no-db | --venv]" ;;
    esac
done

# --- 1. uv ---------------------------------------------------------------------

# `command -v uv` is not enough: a pyenv shim named uv may exist and fail.
uv_works() { uv --version >/dev/null 2>&1; }

install_uv() {
    # The official installer downloads from GitHub, so use pip from PyPI instead,
    # with whichever Python has pip: the one on PATH, Debian's, then pyenv's.
    local py root
    root="$(pyenv root 2>/dev/null || echo "${PYENV_ROOT:-$HOME/.pyenv}")"
    if ! python3 -m pip --version >/dev/null 2>&1 && ! /usr/bin/python3 -m pip --version >/dev/null 2>&1 &&
        ! compgen -G "$root/versions/3.*/bin/python3" >/dev/null && command -v apt-get >/dev/null 2>&1; then
        say "uv: no Python with pip found, installing python3-pip"
        DEBIAN_FRONTEND=noninteractive as_root apt-get -qq -y -o DPkg::Lock::Timeout=120 install python3-pip >/dev/null ||
            { as_root apt-get -qq update && DEBIAN_FRONTEND=noninteractive as_root apt-get -qq -y install python3-pip >/dev/null; }
    fi
    for py in python3 /usr/bin/python3 "$root"/versions/3.*/bin/python3; do
        [ -x "$py" ] || command -v "$py" >/dev/null 2>&1 || continue
        if ! "$py" -m pip --version >/dev/null 2>&1; then continue; fi
        say "uv: installing with $py -m pip install --user uv"
        # Debian's own Python refuses --user installs (PEP 668) without the override.
        if PIP_ROOT_USER_ACTION=ignore "$py" -m pip install --user --quiet uv 2>/dev/null ||
            PIP_ROOT_USER_ACTION=ignore "$py" -m pip install --user --quiet --break-system-packages uv; then
            # pip puts scripts in <user base>/bin, normally ~/.local/bin (already on PATH).
            PATH="$("$py" -m site --user-base)/bin:$PATH"
            hash -r
            uv_works && return 0
        fi
    done
    die "could not install uv: install pip (apt-get install python3-pip) and run again, or install uv yourself"
}

if uv_works; then
    say "uv: $(uv --version)"
else
    install_uv
    say "uv: installed $(uv --version)"
fi

# --- 2. Python 3.13 and the virtual environment ----------------------------------

# Print "X.Y" for an interpreter that runs, nothing otherwise (pyenv shims may not).
py_version() { "$1" -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null || true; }

# Print the path of a working Python of version $1 (e.g. 3.13), or fail.
find_python() {
    local want="$1" candidate root
    local candidates=()
    # uv's own search (--system: not our .venv; no downloads, see lib.sh).
    candidate="$(uv python find --system "$want" 2>/dev/null || true)"
    [ -n "$candidate" ] && candidates+=("$candidate")
    # pyenv's versions, even when pyenv itself is not on PATH.
    root="$(pyenv root 2>/dev/null || echo "${PYENV_ROOT:-$HOME/.pyenv}")"
    for candidate in "$root"/versions/"$want"*/bin/python"$want"; do
        [ -x "$candidate" ] && candidates+=("$candidate")
    done
    candidate="$(command -v "python$want" 2>/dev/null || true)"
    [ -n "$candidate" ] && candidates+=("$candidate")
    for candidate in "${candidates[@]}"; do
        case "$candidate" in "$VENV"/*) continue ;; esac
        if [ "$(py_version "$candidate")" = "$want" ]; then
            echo "$candidate"
            return 0
        fi
    done
    return 1
}

if PYTHON="$(find_python 3.13)"; then
    :
elif PYTHON="$(find_python 3.12)"; then
    warn "Python 3.13 not found, using 3.12 ($PYTHON); 3.13 is the version we test on (pyenv install 3.13)"
else
    die "Python 3.13 not found: install it (e.g. 'pyenv install 3.13', or a python3.13 package), then run again"
fi

if [ -x "$VENV/bin/python" ]; then
    say "Python: $("$PYTHON" --version) at $PYTHON; syncing .venv with uv.lock"
    uv sync --frozen --quiet -p "$PYTHON" || die "uv sync failed (see above)"
else
    say "Python: $("$PYTHON" --version) at $PYTHON; creating .venv from uv.lock"
    uv sync --frozen -p "$PYTHON" || die "uv sync failed (see above)"
fi

[ "$MODE" = venv ] && exit 0

# --- 3. System packages ----------------------------------------------------------

missing=()
command -v chromium >/dev/null || missing+=(chromium)           # browser tests
command -v chromedriver >/dev/null || missing+=(chromium-driver) # browser tests
command -v java >/dev/null || missing+=(default-jre-headless)     # the W3C Nu HTML checker (vnu.jar) in the tests
command -v msgfmt >/dev/null || missing+=(gettext)               # compilemessages
command -v psql >/dev/null || missing+=(postgresql-client)
# Finnish search: Voikko's library and its Finnish dictionary (the Python binding loads them).
ldconfig -p 2>/dev/null | grep -q "libvoikko\.so\.1" || missing+=(libvoikko1)
compgen -G "/usr/lib/voikko/*/mor-standard" >/dev/null || compgen -G "/usr/share/voikko/*/mor-standard" >/dev/null || missing+=(voikko-fi)
# pg_trgm comes with the server's contrib modules; some installs leave them out.
for server in /usr/lib/postgresql/*/bin/postgres; do
    [ -x "$server" ] || continue
    version="$(basename "$(dirname "$(dirname "$server")")")"
    [ -f "/usr/share/postgresql/$version/extension/pg_trgm.control" ] || missing+=(postgresql-contrib)
done

if [ "${#missing[@]}" -eq 0 ]; then
    say "System packages: all present"
elif command -v apt-get >/dev/null 2>&1; then
    say "System packages: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    as_root apt-get -qq -o DPkg::Lock::Timeout=120 update
    as_root apt-get -qq -y -o DPkg::Lock::Timeout=120 install "${missing[@]}" >/dev/null
else
    die "install these packages with your system's package manager: ${missing[*]}"
fi

# --- 4. .env ---------------------------------------------------------------------

if [ -f "$ENV_FILE" ]; then
    say ".env: present"
else
    cp .env.example "$ENV_FILE"
    say ".env: created from .env.example (DEBUG on)"
fi

[ "$MODE" = no-db ] && exit 0

# --- 5. PostgreSQL -----------------------------------------------------------------

bash "$ROOT/portal/bin/ensure-postgres.sh"

# --- 6. Django: migrations, cache table, messages, static files, demo data ----------
# One Python process for all of them: each `manage.py` start costs over a second.

SEED="$SEED" "$VENV/bin/python" - <<'PY'
import os
import sys
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
sys.path.insert(0, os.getcwd())
import django

django.setup()
from django.apps import apps
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor


def say(message):
    print(f"==> {message}", flush=True)


executor = MigrationExecutor(connection)
plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
if plan:
    say(f"Django: applying {len(plan)} migration(s)")
    call_command("migrate", interactive=False, verbosity=0)
else:
    say("Django: migrations up to date")

call_command("createcachetable", verbosity=0)

# Compile messages only when a .po file is newer than its .mo (not looking
# into .venv, .git, .pgdata and the like: slow, or not ours to read).
root = Path.cwd()
skip = {"staticfiles", "media", "node_modules"}
catalogues = [*root.glob("locale/*/LC_MESSAGES/*.po")] + [
    po
    for top in root.iterdir()
    if top.is_dir() and not top.name.startswith(".") and top.name not in skip
    for po in top.glob("**/locale/*/LC_MESSAGES/*.po")
]
stale = [
    po
    for po in catalogues
    if not po.with_suffix(".mo").exists()
    or po.stat().st_mtime > po.with_suffix(".mo").stat().st_mtime
]
if (root / "locale").is_dir() and stale:
    say(f"Django: compiling messages ({len(stale)} catalogue(s) changed)")
    call_command(
        "compilemessages",
        ignore_patterns=[".venv", ".pgdata", "staticfiles", "node_modules"],
        verbosity=0,
    )

call_command("collectstatic", interactive=False, verbosity=0)
say("Django: cache table and static files ready")

if os.environ.get("SEED") == "1":
    if apps.get_model("partners", "Organisation").objects.exists():
        say("Demo data: organisations exist, not seeding")
        call_command("seed_demo", accounts=True)
    else:
        say("Demo data: empty database, running manage.py seed_demo")
        call_command("seed_demo")
PY
