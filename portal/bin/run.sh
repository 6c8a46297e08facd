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

# Each process gets its own process group (setsid), so that stopping it also
# stops the children it forks (the autoreloaders of runserver and db_worker).
worker=""
server=""

stop() {
    local status="$1" pid
    trap - INT TERM EXIT
    say "Stopping the server and the task worker"
    for pid in $server $worker; do
        kill -TERM -- "-$pid" 2>/dev/null || true
    done
    # Give them 10 s to finish (the worker completes its current task), then kill.
    (
        sleep 10
        for pid in $server $worker; do kill -KILL -- "-$pid" 2>/dev/null || true; done
    ) &
    local watchdog=$!
    wait $server $worker 2>/dev/null || true
    kill "$watchdog" 2>/dev/null || true
    # Anything left in their groups (a reloader's child) goes too.
    for pid in $server $worker; do kill -KILL -- "-$pid" 2>/dev/null || true; done
    exit "$status"
}
trap 'stop 0' INT TERM
trap 'stop $?' EXIT

say "Task worker: starting manage.py db_worker"
setsid "$VENV/bin/python" manage.py db_worker </dev/null &
worker=$!

setsid "$VENV/bin/python" manage.py runserver "$HOST:$PORT" </dev/null &
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
