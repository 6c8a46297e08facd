"""Benchmark: throughput of portal pages as a ratio to a plain WSGI hello, in one run.

Run with ``make bench`` (or ``.venv/bin/python tests/bench/pages.py --scale 2000``).
It fills a separate database (``verkosto_bench``) with ``seed_demo --scale N``,
serves ``tests.bench.wsgi`` with one gunicorn sync worker pinned to CPU 0,
and drives it with wrk (``-t1 -c4``, bounded duration) on CPU 1, over loopback
only. Each page's requests/s is printed next to the hello's, three interleaved
rounds, and the ratio. Nothing here fails on a timing: timings are noisy.
"""

import argparse
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
BENCH_DB = "verkosto_bench"


def _env():
    env = {k: v for k, v in os.environ.items() if k != "PYTEST_CURRENT_TEST"}
    env.update(
        DATABASE_URL=os.environ.get("BENCH_DATABASE_URL", f"postgresql:///{BENCH_DB}"),
        DEBUG="0",
        SECRET_KEY="benchmark-only-secret-key-0123456789abcdefghijklmnopqrstuvwxyz",
        ALLOWED_HOSTS="127.0.0.1",
        DJANGO_SETTINGS_MODULE="portal.settings",
    )
    return env


def _manage(*args):
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=_env(), check=True)


def _prepare(scale: int) -> dict:
    subprocess.run(["createdb", BENCH_DB], capture_output=True, check=False)
    _manage("migrate", "--noinput", "-v0")
    _manage("createcachetable")
    _manage("collectstatic", "--noinput", "-v0")
    code = (
        "import django; django.setup();"
        "from partners.directory.models import Organisation;print(Organisation.objects.count())"
    )
    count = int(
        subprocess.run(
            [sys.executable, "-c", code], cwd=ROOT, env=_env(), capture_output=True, text=True, check=True
        ).stdout.strip()
    )
    if count < scale:
        _manage("seed_demo", "--scale", str(scale - count) if count else str(scale))
    code = (
        "import django; django.setup();"
        "from django.test import Client; from portal.accounts.models import User;"
        "u = User.objects.get(email='ohjaaja@verkosto.example.fi'); c = Client(); c.force_login(u);"
        "print(c.cookies['sessionid'].value)"
    )
    session = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=_env(), capture_output=True, text=True, check=True
    ).stdout.strip()
    return {"sessionid": session}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wrk(url: str, cookie: str, seconds: int) -> float:
    cmd = ["wrk", "-t1", "-c4", f"-d{seconds}s", "--latency", "-H", f"Cookie: sessionid={cookie}", url]
    if shutil.which("taskset"):
        cmd = ["taskset", "-c", "1", *cmd]
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=seconds + 30, check=True).stdout
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if errors:
        raise SystemExit(f"{url}: {errors.group(1)} error responses\n{out}")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=2000, help="organisations in the benchmark database")
    parser.add_argument("--seconds", type=int, default=10, help="wrk duration per measurement")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed: apt-get install wrk")

    cookies = _prepare(args.scale)
    pages = {
        "healthz (1 query)": "/healthz",
        "dashboard": "/",
        "network page": "/networks/keski-suomi/",
        "organisation page": "/organisations/gradia/",
        "own profile": "/profile/",
    }
    measure(
        pages,
        cookie=cookies["sessionid"],
        seconds=args.seconds,
        rounds=args.rounds,
        what=f"{args.scale} organisations",
    )


def measure(pages: dict, *, cookie: str, seconds: int, rounds: int, what: str, decimals: int = 0) -> None:
    """Serve tests.bench.wsgi with one gunicorn sync worker on CPU 0, run wrk on CPU 1 against the hello
    and each of ``pages`` ({name: path}) in ``rounds`` interleaved rounds, and print the medians as ratios."""
    port = _free_port()
    gunicorn = [str(ROOT / ".venv/bin/gunicorn"), "tests.bench.wsgi:application", "-w", "1", "-k", "sync"]
    gunicorn += ["-b", f"127.0.0.1:{port}", "--access-logfile", "-", "--log-level", "warning"]
    if shutil.which("taskset"):
        gunicorn = ["taskset", "-c", "0", *gunicorn]
    server = subprocess.Popen(gunicorn, cwd=ROOT, env=_env(), stdout=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(50):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.2)
        results = {name: [] for name in ["hello", *pages]}
        for _ in range(rounds):
            results["hello"].append(_wrk(base + "/__hello__", cookie, seconds))
            for name, path in pages.items():
                results[name].append(_wrk(base + path, cookie, seconds))
        hello = sorted(results["hello"])[len(results["hello"]) // 2]
        print(
            f"\nOne gunicorn sync worker on CPU 0, wrk -t1 -c4 -d{seconds}s on CPU 1, "
            f"{rounds} interleaved rounds, {what}; medians:"
        )
        print(f"  {'plain WSGI hello':22} {hello:9.0f} req/s   ratio 1.000")
        for name in pages:
            median = sorted(results[name])[len(results[name]) // 2]
            print(f"  {name:22} {median:9.{decimals}f} req/s   ratio {median / hello:.{decimals + 3}f}")
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
