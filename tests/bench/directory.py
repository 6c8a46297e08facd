"""Benchmark: the directory's pages at 10,000 organisations, against a minimal Django view.

Run with ``make bench-directory`` (or ``.venv/bin/python tests/bench/directory.py --scale 10000``).
It fills the benchmark database (``verkosto_bench``, shared with ``pages.py``) with
``seed_demo --scale N`` (organisations with people and guidance services, all indexed
for search), serves ``tests.bench.wsgi`` with one gunicorn sync worker pinned to CPU 0,
and requests each page from one keep-alive client on CPU 1, over loopback only. Every
page is measured in interleaved rounds next to a minimal Django view that renders a
small template through the same middleware; per page it prints the median and p95
latency and the ratio of the page's throughput to the minimal view's (median against
median). Nothing here fails on a timing: timings are noisy.
"""

import argparse
import http.client
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.bench.pages import _env, _free_port, _prepare  # noqa: E402 - after the path is set

PAGES = {
    "organisation list": "/organisations/",
    "organisation list, filtered": "/organisations/?region=keski-suomi&kind=library",
    "service map": "/services/",
    "service map, filtered": "/services/?level=guidance&language=sv",
    "search 'kaupungin'": "/search/?q=kaupungin",
    "search 'ohjaus'": "/search/?q=ohjaus",
}
MINIMAL = "/__bench__/small/"


def _measure(conn: http.client.HTTPConnection, path: str, cookie: str, count: int) -> list[float]:
    """``count`` sequential GETs of ``path``; each request's latency in milliseconds."""
    timings = []
    for _ in range(count):
        started = time.perf_counter()
        conn.request("GET", path, headers={"Cookie": f"sessionid={cookie}", "Host": "127.0.0.1"})
        response = conn.getresponse()
        response.read()
        timings.append((time.perf_counter() - started) * 1000)
        if response.status != 200:
            raise SystemExit(f"{path}: HTTP {response.status}")
    return timings


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=10_000, help="organisations in the benchmark database")
    parser.add_argument("--requests", type=int, default=100, help="requests per page per round")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    cookies = _prepare(args.scale)
    port = _free_port()
    env = {**_env(), "DJANGO_SETTINGS_MODULE": "tests.bench.settings"}
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
        # Warm up every page once (templates, connections, caches).
        for path in [MINIMAL, *PAGES.values()]:
            _measure(conn, path, cookies["sessionid"], 3)
        results = {name: [] for name in ["minimal", *PAGES]}
        for _ in range(args.rounds):
            results["minimal"] += _measure(conn, MINIMAL, cookies["sessionid"], args.requests)
            for name, path in PAGES.items():
                results[name] += _measure(conn, path, cookies["sessionid"], args.requests)
        base = statistics.median(results["minimal"])
        print(
            f"\nOne gunicorn sync worker on CPU 0, one keep-alive client on CPU 1, {args.rounds} interleaved "
            f"rounds of {args.requests} requests, {args.scale} organisations."
        )
        print(f"  {'page':30} {'median ms':>10} {'p95 ms':>8}   ratio to the minimal view")
        print(f"  {'minimal Django view':30} {base:10.1f} {_p95(results['minimal']):8.1f}   1.000")
        for name in PAGES:
            median = statistics.median(results[name])
            print(f"  {name:30} {median:10.1f} {_p95(results[name]):8.1f}   {base / median:.3f}")
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
