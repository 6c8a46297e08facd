#!/usr/bin/env bash
# Make sure the PostgreSQL database the app uses answers. Never SQLite.
#
#   ensure-postgres.sh          check, start or create what is needed (idempotent)
#   ensure-postgres.sh stop     stop the project-local cluster in .pgdata, if running
#
# Which server, in this order:
#   1. DATABASE_URL (environment, or .env) names a server: only check that it answers.
#   2. A Debian packaged cluster (pg_lsclusters): start it if down, then create
#      a superuser role for the current OS user and the database "verkosto".
#   3. PostgreSQL server binaries but no cluster: a project-local cluster in
#      .pgdata/ (unix socket inside it, localhost port), whose DATABASE_URL is
#      written into .env. Once .pgdata exists it is always the one used.
#   4. Nothing: stop and say what to install.
# VERKOSTO_FORCE_LOCAL_PG=1 skips step 2 (to test step 3 on a machine with a cluster).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

DB_NAME=verkosto
DB_USER="$(id -un)"
PG_SOCKET_DIR=/var/run/postgresql # where Debian's packaged clusters put their socket
LOCAL_DIR="$ROOT/.pgdata"         # project-local cluster: data/, the socket, port, log
LOCAL_DATA="$LOCAL_DIR/data"

# --- Helpers -------------------------------------------------------------------

# psql without ~/.psqlrc, unaligned, tuples only, quiet.
q() { psql -X -A -t -q "$@"; }

# Percent-encode a string for use inside a URL query value ('/' is kept).
urlencode() {
    local s="$1" out="" c i
    for ((i = 0; i < ${#s}; i++)); do
        c="${s:i:1}"
        case "$c" in
            [a-zA-Z0-9.~_/-]) out+="$c" ;;
            *) out+="$(printf '%%%02X' "'$c")" ;;
        esac
    done
    printf '%s' "$out"
}

# Wait until a connection works, up to ~20 s. Args: psql connection arguments.
# Retries only errors that can pass (server not up yet); others fail at once.
wait_for() {
    local err deadline=$((SECONDS + 20))
    while :; do
        if err="$(PGCONNECT_TIMEOUT=3 q "$@" -c 'select 1' 2>&1 >/dev/null)"; then
            return 0
        fi
        LAST_ERROR="$(printf '%s' "$err" | tr -s '\n\t' '  ')"
        case "$err" in
            *"Connection refused"* | *"No such file or directory"* | *"starting up"* | *"shutting down"* | *"timeout expired"*) ;;
            *) return 1 ;;
        esac
        [ "$SECONDS" -lt "$deadline" ] || return 1
        if [ -n "${WAITING_FOR:-}" ]; then
            say "PostgreSQL: waiting up to 20 s for $WAITING_FOR to answer"
            WAITING_FOR=""
        fi
        sleep 1
    done
}

# Wait until a server accepts connections (no login needed), up to ~20 s.
wait_ready() {
    local host="$1" port="$2" deadline=$((SECONDS + 20))
    until pg_isready -q -h "$host" -p "$port"; do
        [ "$SECONDS" -lt "$deadline" ] || return 1
        sleep 0.5
    done
}

# Tests create a test database, so the role needs CREATEDB (or superuser).
warn_if_no_createdb() {
    local can
    can="$(q "$@" -c 'select rolsuper or rolcreatedb from pg_roles where rolname = current_user' 2>/dev/null || true)"
    [ "$can" = t ] || warn "the database role cannot create databases; tests need CREATEDB"
}

# Create the role (superuser) and the database if missing. Args: -h DIR -p PORT.
# Admin work runs as the cluster's superuser OS user ($1 of ensure_role_and_db).
ensure_role_and_db() {
    local runner="$1" host="$2" port="$3"
    # Fast path: we can already connect to our database and create databases.
    if [ "$(q -h "$host" -p "$port" -d "$DB_NAME" -c 'select rolsuper or rolcreatedb from pg_roles where rolname = current_user' 2>/dev/null)" = t ]; then
        return 0
    fi
    local admin=("$runner" psql -X -A -t -q -h "$host" -p "$port" -d postgres)
    local has_role
    has_role="$("${admin[@]}" -c "select rolsuper or rolcreatedb from pg_roles where rolname = '$DB_USER'")"
    if [ -z "$has_role" ]; then
        say "PostgreSQL: creating superuser role $DB_USER"
        "$runner" createuser -h "$host" -p "$port" --superuser "$DB_USER"
    elif [ "$has_role" != t ]; then
        say "PostgreSQL: granting CREATEDB to role $DB_USER (tests need it)"
        "${admin[@]}" -c "alter role \"$DB_USER\" createdb"
    fi
    if [ -z "$("${admin[@]}" -c "select 1 from pg_database where datname = '$DB_NAME'")" ]; then
        say "PostgreSQL: creating database $DB_NAME"
        "$runner" createdb -h "$host" -p "$port" -O "$DB_USER" "$DB_NAME"
    fi
}

# --- 1. An explicit DATABASE_URL ------------------------------------------------

check_url() {
    local url="$1"
    local shown
    shown="$(printf '%s' "$url" | sed -E 's#(//[^:/@]*):[^@/]*@#\1:***@#')" # hide a password
    command -v psql >/dev/null || die "psql not found: install the Debian package postgresql-client"
    if ! WAITING_FOR="DATABASE_URL $shown" wait_for "$url"; then
        die "DATABASE_URL $shown does not answer: ${LAST_ERROR:-no reply}
    (DATABASE_URL comes from the environment or .env; fix it, start that server, or empty it to use a local one)"
    fi
    warn_if_no_createdb "$url"
    say "PostgreSQL: DATABASE_URL answers"
}

# --- 2. The Debian packaged cluster --------------------------------------------

packaged_cluster() {
    # Lines: version name port status owner datadir logfile. Prefer one online,
    # else the newest version.
    local line ver name port status
    line="$(pg_lsclusters --no-header | sort -k1,1Vr | awk '$4 ~ /^online/ { print; found = 1; exit } END { if (!found) exit 1 }')" ||
        line="$(pg_lsclusters --no-header | sort -k1,1Vr | head -n 1)"
    read -r ver name port status _ <<<"$line"
    if [[ "$status" != online* ]]; then
        say "PostgreSQL: starting cluster $ver/$name"
        as_root pg_ctlcluster --skip-systemctl-redirect "$ver" "$name" start
    fi
    wait_ready "$PG_SOCKET_DIR" "$port" ||
        die "cluster $ver/$name does not accept connections on port $port (see /var/log/postgresql/)"
    ensure_role_and_db as_postgres "$PG_SOCKET_DIR" "$port"
    # The settings' default (postgresql:///verkosto) means the standard socket and port.
    if [ "$port" != 5432 ] && [ -z "$(env_file_get DATABASE_URL)" ]; then
        env_file_set DATABASE_URL "postgresql://:$port/$DB_NAME?host=$PG_SOCKET_DIR"
        say "PostgreSQL: wrote DATABASE_URL (port $port) into .env"
    fi
    say "PostgreSQL: cluster $ver/$name is up (port $port), database $DB_NAME ready"
}

# --- 3. A project-local cluster in .pgdata ---------------------------------------

# Who owns and runs the local cluster: postgres when we are root (initdb and
# postgres refuse to run as root), else ourselves.
local_runner() {
    if is_root; then as_postgres "$@"; else "$@"; fi
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

free_port() {
    local p
    for ((p = 5433; p < 5500; p++)); do
        port_in_use "$p" || [ -e "$LOCAL_DIR/.s.PGSQL.$p" ] || {
            echo "$p"
            return 0
        }
    done
    die "no free port in 5433-5499 for the local PostgreSQL"
}

local_bindir() {
    local ver dir
    if [ -f "$LOCAL_DATA/PG_VERSION" ]; then
        ver="$(cat "$LOCAL_DATA/PG_VERSION")"
        dir="/usr/lib/postgresql/$ver/bin"
        [ -x "$dir/pg_ctl" ] || die ".pgdata was made by PostgreSQL $ver, which is not installed (install postgresql-$ver, or run 'make distclean')"
        echo "$dir"
    else
        dirname "$(printf '%s\n' /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)"
    fi
}

local_cluster() {
    local bin port url
    bin="$(local_bindir)"
    if [ ! -f "$LOCAL_DATA/PG_VERSION" ]; then
        say "PostgreSQL: no cluster found; initialising a local one in .pgdata/"
        mkdir -p "$LOCAL_DIR"
        chmod 700 "$LOCAL_DIR"
        if is_root; then
            id postgres >/dev/null 2>&1 || die "the OS user postgres is missing (it comes with the Debian package postgresql-common)"
            chown postgres: "$LOCAL_DIR"
            runuser -u postgres -- test -w "$LOCAL_DIR" ||
                die "the postgres user cannot reach $LOCAL_DIR (a parent directory is not traversable); clone the project elsewhere or set DATABASE_URL"
        fi
        # Trust on the private socket (the directory is mode 700); passwords over TCP.
        local_runner "$bin/initdb" -D "$LOCAL_DATA" -E UTF8 --locale=C.UTF-8 \
            --auth-local=trust --auth-host=scram-sha-256 >"$LOCAL_DIR/initdb.log" 2>&1 ||
            die "initdb failed, see .pgdata/initdb.log"
        port="$(free_port)"
        echo "$port" | local_runner tee "$LOCAL_DIR/port" >/dev/null
    fi
    port="$(cat "$LOCAL_DIR/port")"
    if ! local_runner "$bin/pg_ctl" -D "$LOCAL_DATA" status >/dev/null 2>&1; then
        if port_in_use "$port"; then
            port="$(free_port)"
            echo "$port" | local_runner tee "$LOCAL_DIR/port" >/dev/null
        fi
        say "PostgreSQL: starting the local cluster in .pgdata/ (port $port)"
        local_runner "$bin/pg_ctl" -D "$LOCAL_DATA" -l "$LOCAL_DIR/server.log" -w -t 30 \
            -o "-c port=$port -c listen_addresses=localhost -c unix_socket_directories='$LOCAL_DIR'" \
            start >/dev/null || die "the local PostgreSQL did not start, see .pgdata/server.log"
    fi
    wait_ready "$LOCAL_DIR" "$port" || die "the local PostgreSQL does not answer, see .pgdata/server.log"
    ensure_role_and_db local_runner "$LOCAL_DIR" "$port"
    url="postgresql://:$port/$DB_NAME?host=$(urlencode "$LOCAL_DIR")"
    if [ "$(env_file_get DATABASE_URL)" != "$url" ]; then
        env_file_set DATABASE_URL "$url"
        say "PostgreSQL: wrote DATABASE_URL=$url into .env"
    fi
    say "PostgreSQL: local cluster in .pgdata/ is up (port $port), database $DB_NAME ready"
}

stop_local() {
    if [ -f "$LOCAL_DATA/PG_VERSION" ] && local_runner "$(local_bindir)/pg_ctl" -D "$LOCAL_DATA" status >/dev/null 2>&1; then
        local_runner "$(local_bindir)/pg_ctl" -D "$LOCAL_DATA" -m fast -w stop >/dev/null
        say "PostgreSQL: stopped the local cluster in .pgdata/"
    fi
}

# --- Main ------------------------------------------------------------------------

main() {
    if [ ! -f "$ENV_FILE" ]; then
        cp .env.example "$ENV_FILE"
        say ".env: created from .env.example (DEBUG on)"
    fi
    local url
    url="$(database_url)"
    # A .pgdata URL left in .env after .pgdata was deleted: forget it.
    if [[ "$url" == *.pgdata* && ! -f "$LOCAL_DATA/PG_VERSION" && -z "${DATABASE_URL:-}" ]]; then
        env_file_set DATABASE_URL ""
        url=""
        say "PostgreSQL: .pgdata is gone; removed its DATABASE_URL from .env"
    fi
    # A URL pointing into .pgdata is ours: (re)start or re-create that cluster.
    if [ -f "$LOCAL_DATA/PG_VERSION" ] && { [ -z "$url" ] || [[ "$url" == *.pgdata* ]]; }; then
        local_cluster
    elif [[ -n "$url" && "$url" != *.pgdata* ]]; then
        check_url "$url"
    elif [ "${VERKOSTO_FORCE_LOCAL_PG:-0}" != 1 ] && command -v pg_lsclusters >/dev/null &&
        [ -n "$(pg_lsclusters --no-header 2>/dev/null)" ]; then
        packaged_cluster
    elif compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; then
        local_cluster
    else
        die "PostgreSQL is not installed: install the Debian package postgresql (apt-get install postgresql), or set DATABASE_URL in .env"
    fi
}

case "${1:-}" in
    "") main ;;
    stop) stop_local ;;
    *) die "usage: $0 [stop]" ;;
esac
