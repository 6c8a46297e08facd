# shellcheck shell=bash disable=SC2034  # (variables are used by the scripts that source this)
# Shared helpers for the scripts in portal/bin. Source it, do not run it:
#   source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# It moves to the repository root, so every script works from any directory.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT" || exit 1

# uv installed with `pip install --user` lands in ~/.local/bin. Put it first,
# ahead of pyenv's shims (a shim named uv may exist but fail for Python 3.13).
export PATH="$HOME/.local/bin:$PATH"
# uv must never try to download a Python build (there is no network for that).
export UV_PYTHON_DOWNLOADS=never
# Trust the system certificate store (as pip and apt do), e.g. behind a TLS-inspecting proxy.
export UV_NATIVE_TLS="${UV_NATIVE_TLS:-1}"

VENV="$ROOT/.venv"
ENV_FILE="$ROOT/.env"

say() { printf '==> %s\n' "$*"; }
warn() { printf '==> WARNING: %s\n' "$*" >&2; }
die() {
    printf '==> ERROR: %s\n' "$*" >&2
    exit 1
}

is_root() { [ "$(id -u)" -eq 0 ]; }

# Run a command as root: directly when we are root, else through sudo.
as_root() {
    if is_root; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        die "need root for: $* (sudo is not installed)"
    fi
}

# Run a command as the `postgres` OS user (the packaged cluster's superuser).
as_postgres() {
    if [ "$(id -un)" = postgres ]; then
        "$@"
    elif is_root; then
        runuser -u postgres -- "$@"
    else
        sudo -u postgres "$@"
    fi
}

# The first value of KEY in .env (the settings also take the first one), without quotes.
env_file_get() {
    local key="$1" line value
    [ -f "$ENV_FILE" ] || return 0
    line="$(grep -E "^[[:space:]]*${key}[[:space:]]*=" "$ENV_FILE" | head -n 1 || true)"
    value="${line#*=}"
    value="${value#"${value%%[![:space:]]*}"}" # trim leading blanks
    value="${value%"${value##*[![:space:]]}"}" # trim trailing blanks
    if [ "${#value}" -ge 2 ]; then
        case "$value" in
            \"*\" | \'*\') value="${value:1:${#value}-2}" ;;
        esac
    fi
    printf '%s' "$value"
}

# Set KEY=VALUE in .env: replace the first KEY line, or append one.
env_file_set() {
    local key="$1" value="$2" tmp
    tmp="$(mktemp "$ENV_FILE.XXXXXX")"
    awk -v key="$key" -v value="$value" '
        !done && $0 ~ "^[[:space:]]*" key "[[:space:]]*=" { print key "=" value; done = 1; next }
        { print }
        END { if (!done) print key "=" value }
    ' "$ENV_FILE" >"$tmp"
    chmod --reference="$ENV_FILE" "$tmp" 2>/dev/null || true
    mv "$tmp" "$ENV_FILE"
}

# DATABASE_URL as the app will see it: the environment wins over .env.
database_url() {
    if [ -n "${DATABASE_URL:-}" ]; then
        printf '%s' "$DATABASE_URL"
    else
        env_file_get DATABASE_URL
    fi
}
