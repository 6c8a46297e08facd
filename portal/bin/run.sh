#!/usr/bin/env bash
# Run Verkosto for development: set up (seeding demo data into an empty
# database), then the task worker in the background and the development
# server in the foreground. Ctrl-C (or SIGTERM) stops both.
#
#   HOST=127.0.0.1 PORT=8000 run.sh
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

HOST="${HOST:-127.0.0.1}"
PORT="${PORT:-8000}"

bash "$ROOT/portal/bin/setup.sh" --seed-if-empty

# Both stay in the terminal's process group, so Ctrl-C and a closed terminal
# reach them directly; stop() also ends the children their autoreloaders fork.
worker=""
server=""

stop() {
    local status="$1" pid
    trap - INT TERM EXIT
    # The terminal may be gone (or a pipe such as `| tee` closed by the same Ctrl-C):
    # never let a failed write stop us before the children are stopped.
    trap '' PIPE HUP
    for pid in $server $worker; do
        pkill -TERM -P "$pid" 2>/dev/null || true
        kill -TERM "$pid" 2>/dev/null || true
    done
    say "Stopping the server and the task worker" 2>/dev/null || true
    # Give them 10 s to finish (the worker completes its current task), then kill.
    (
        sleep 10
        for pid in $server $worker; do
            pkill -KILL -P "$pid" 2>/dev/null || true
            kill -KILL "$pid" 2>/dev/null || true
        done
    ) &
    local watchdog=$!
    wait $server $worker 2>/dev/null || true
    kill "$watchdog" 2>/dev/null || true
    # Anything left (a reloader's child whose parent went first) goes too.
    pkill -KILL -f "$ROOT/.venv/bin/python manage.py (runserver $HOST:$PORT|db_worker)" 2>/dev/null || true
    exit "$status"
}
trap 'stop 0' INT TERM HUP
trap 'stop $?' EXIT

say "Task worker: starting manage.py db_worker"
"$VENV/bin/python" manage.py db_worker </dev/null &
worker=$!

"$VENV/bin/python" manage.py runserver "$HOST:$PORT" </dev/null &
server=$!
say "Verkosto: http://$HOST:$PORT/  (Ctrl-C stops the server and the task worker)"

# Return when either one ends (or a signal arrives); then stop the other.
status=0
wait -n "$server" "$worker" || status=$?
if kill -0 "$server" 2>/dev/null; then
    warn "the task worker exited (status $status)"
else
    warn "the development server exited (status $status)"
fi
stop "$status"
