"""Benchmark: the read API's lists at the directory's scale, against a minimal Django view.

Run with ``make bench-api`` (or ``.venv/bin/python tests/bench/api.py --scale 10000``). It fills the benchmark
database as ``directory.py`` does, marks every third guidance service public (the open data), makes a personal
access token for the demo counsellor, and requests each list from one keep-alive client on CPU 1 against one
gunicorn sync worker on CPU 0, over loopback only, in interleaved rounds next to the minimal view; per list the
median and p95 latency and the ratio of its throughput to the minimal view's. The rate limits are raised for the
run (``API_RATE_PER_IP``, ``API_RATE_PER_TOKEN``). Nothing here fails on a timing: timings are noisy.
"""

import argparse
import http.client
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.bench.directory import MINIMAL, _p95  # noqa: E402 - after the path is set
from tests.bench.pages import _env, _free_port, _prepare  # noqa: E402

LISTS = {
    "open data: services": "/api/v1/public/services",
    "open data: services, filtered": "/api/v1/public/services?language=fi&level=guidance",
    "open data: services, page 3": None,  # the third page's cursor, found before the run
    "open data: organisations": "/api/v1/public/organisations",
    "token: organisations": "/api/v1/organisations",
    "token: meetings": "/api/v1/meetings",
}

SETUP = """
import django; django.setup()
from partners.directory.models import GuidanceService
from portal.accounts.models import User
from portal.api.tokens import token_create
ids = list(GuidanceService.objects.order_by("pk").values_list("pk", flat=True)[::3])
GuidanceService.objects.filter(pk__in=ids).update(is_public=True)
_token, secret = token_create(user=User.objects.get(email="ohjaaja@verkosto.example.fi"), name="bench", scopes=["read"])
print(secret)
"""


def _get(conn, path: str, headers: dict) -> tuple[float, bytes]:
    started = time.perf_counter()
    conn.request("GET", path, headers={"Host": "127.0.0.1", **headers})
    response = conn.getresponse()
    body = response.read()
    if response.status != 200:
        raise SystemExit(f"{path}: HTTP {response.status} {body[:200]!r}")
    return (time.perf_counter() - started) * 1000, body


def _third_page(conn, headers) -> str:
    path = LISTS["open data: services"]
    for _ in range(2):
        url = urlsplit(json.loads(_get(conn, path, headers)[1])["next"])
        path = f"{url.path}?{url.query}"
    return path


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=10_000, help="organisations in the benchmark database")
    parser.add_argument("--requests", type=int, default=100, help="requests per list per round")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    os.environ.update(API_RATE_PER_IP="1000000", API_RATE_PER_TOKEN="1000000")
    cookies = _prepare(args.scale)
    env = {**_env(), "DJANGO_SETTINGS_MODULE": "tests.bench.settings"}
    run = subprocess.run([sys.executable, "-c", SETUP], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    secret = run.stdout.strip().splitlines()[-1]
    port = _free_port()
    gunicorn = [
        str(ROOT / ".venv/bin/gunicorn"),
        "tests.bench.wsgi:application",
        *("-w", "1", "-k", "sync", "-b", f"127.0.0.1:{port}", "--log-level", "warning"),
    ]
    if shutil.which("taskset"):
        gunicorn = ["taskset", "-c", "0", *gunicorn]
        os.sched_setaffinity(0, {1})  # the client on the other CPU
    server = subprocess.Popen(gunicorn, cwd=ROOT, env=env, stdout=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.2)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        headers = {"Authorization": f"Bearer {secret}"}
        session = {"Cookie": f"sessionid={cookies['sessionid']}"}
        paths = {**LISTS, "open data: services, page 3": _third_page(conn, headers)}
        for path in [MINIMAL, *paths.values()]:  # warm up
            _get(conn, path, session if path == MINIMAL else headers)
        results = {name: [] for name in ["minimal", *paths]}
        for _ in range(args.rounds):
            results["minimal"] += [_get(conn, MINIMAL, session)[0] for _ in range(args.requests)]
            for name, path in paths.items():
                results[name] += [_get(conn, path, headers)[0] for _ in range(args.requests)]
        base = statistics.median(results["minimal"])
        print(
            f"\nOne gunicorn sync worker on CPU 0, one keep-alive client on CPU 1, {args.rounds} interleaved "
            f"rounds of {args.requests} requests, {args.scale} organisations, pages of 50."
        )
        print(f"  {'list':32} {'median ms':>10} {'p95 ms':>8}   ratio to the minimal view")
        print(f"  {'minimal Django view':32} {base:10.1f} {_p95(results['minimal']):8.1f}   1.000")
        for name in paths:
            median = statistics.median(results[name])
            print(f"  {name:32} {median:10.1f} {_p95(results[name]):8.1f}   {base / median:.3f}")
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
