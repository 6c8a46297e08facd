"""Benchmark: the public guidance finder at the directory benchmark's scale, against a minimal Django view.

Run with ``make bench-finder`` (or ``.venv/bin/python tests/bench/finder.py --scale 10000``). It fills the
benchmark database as ``directory.py`` does (``BENCH_DATABASE_URL``, else ``verkosto_bench``), shows a third of
the guidance services in the finder (with topics, municipalities and their public search documents), serves
``tests.bench.wsgi`` with one gunicorn sync worker pinned to CPU 0 and requests each page from one keep-alive
client on CPU 1, as an anonymous visitor (the finder's pages read no session). The cached pages repeat one
address; the uncached ones ask a different municipality and topic each time, so every request renders its list.
Per page: the median and p95 latency and the ratio of the page's throughput to the minimal view's. Nothing here
fails on a timing: timings are noisy.
"""

import argparse
import http.client
import itertools
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.bench.pages import _env, _free_port, _manage  # noqa: E402 - after the path is set

MINIMAL = "/__bench__/small/"
_PUBLISH = """
import django; django.setup()
from django.db.models import F
from partners.directory.models import GuidanceService
from partners.directory.public import refresh_public_documents
from portal.lib import municipalities
if GuidanceService.objects.filter(is_public=True).count() < 1000:  # the demo data shows a dozen
    codes = municipalities.codes_in("keski-suomi")
    topics = ["career", "education", "employment", "integration", "life_situations"]
    ids = list(GuidanceService.objects.order_by("pk").values_list("pk", flat=True)[::3])
    for number, pk in enumerate(ids):
        GuidanceService.objects.filter(pk=pk).update(
            is_public=True, topics=[topics[number % 5]], municipalities=[codes[number % len(codes)]],
            opening_hours="Ma–pe 9–15", opening_hours_fi="Ma–pe 9–15",
        )
    refresh_public_documents()
print(GuidanceService.objects.filter(is_public=True).count())
"""


_WORDS = "ohjaus neuvontaa uraohjausta opiskelu koulutuksen työnhaku kirjaston aikuisille osaamisen digineuvonta"


def _uncached():
    """Addresses of the finder each asked once (600 of them): a word, a municipality and a topic."""
    codes = ["179", "182", "410", "992", "249", "729", "931", "500", "077", "172", "216", "226"]
    topics = ["career", "education", "employment", "integration", "life_situations"]
    for word, code, topic in itertools.cycle(itertools.product(_WORDS.split(), codes, topics)):
        yield f"/find/?q={quote(word)}&municipality={code}&topic={topic}"


def _levels():
    """The finder without a search, by level and page (each address once in a run of up to 900 requests)."""
    for page, level in itertools.cycle(itertools.product(range(1, 301), ["information", "advice", "guidance"])):
        yield f"/find/?lang=sv&level={level}&page={page}"


PAGES = {
    "finder, cached": lambda: "/find/?lang=fi",
    "finder search 'ohjausta', cached": lambda: "/find/?q=ohjausta",
    "finder search + filters, uncached": _uncached().__next__,
    "finder by level, uncached": _levels().__next__,
    "service page": None,  # filled in once the first public service is known
}


def _measure(conn, next_path, count: int) -> list[float]:
    timings = []
    for _ in range(count):
        path = next_path()
        started = time.perf_counter()
        conn.request("GET", path, headers={"Host": "127.0.0.1", "Accept-Language": "fi"})
        response = conn.getresponse()
        response.read()
        timings.append((time.perf_counter() - started) * 1000)
        if response.status != 200:
            raise SystemExit(f"{path}: HTTP {response.status}")
    return timings


def _p95(values):
    return statistics.quantiles(values, n=20)[-1]


def _prepare(scale: int) -> str:
    env = _env()
    _manage("migrate", "--noinput", "-v0")
    _manage("createcachetable")
    _manage("collectstatic", "--noinput", "-v0")
    count = "import django; django.setup(); from partners.directory.models import Organisation as O;"
    count += "print(O.objects.count())"
    have = int(
        subprocess.run(
            [sys.executable, "-c", count], cwd=ROOT, env=env, capture_output=True, text=True, check=True
        ).stdout
    )
    if have < scale:
        _manage("seed_demo", "--scale", str(scale - have) if have else str(scale))
    published = subprocess.run(
        [sys.executable, "-c", _PUBLISH], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    first = (
        "import django; django.setup(); from partners.directory.models import GuidanceService as S;"
        "s = S.objects.public().order_by('pk').first(); print(f'/find/services/{s.organisation.slug}/{s.pk}/')"
    )
    print(f"{published.stdout.strip()} public services")
    return subprocess.run(
        [sys.executable, "-c", first], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    ).stdout.strip()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=10_000, help="organisations in the benchmark database")
    parser.add_argument("--requests", type=int, default=100, help="requests per page per round")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    service = _prepare(args.scale)
    PAGES["service page"] = lambda: service
    port = _free_port()
    env = {**_env(), "DJANGO_SETTINGS_MODULE": "tests.bench.settings"}
    gunicorn = [str(ROOT / ".venv/bin/gunicorn"), "tests.bench.wsgi:application"]
    gunicorn += ["-w", "1", "-k", "sync", "-b", f"127.0.0.1:{port}", "--log-level", "warning"]
    if shutil.which("taskset"):
        gunicorn = ["taskset", "-c", "0", *gunicorn]
        os.sched_setaffinity(0, {1})
    server = subprocess.Popen(gunicorn, cwd=ROOT, env=env, stdout=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.2)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        for next_path in [lambda: MINIMAL, *PAGES.values()]:
            _measure(conn, next_path, 3)
        results = {name: [] for name in ["minimal", *PAGES]}
        for _ in range(args.rounds):
            results["minimal"] += _measure(conn, lambda: MINIMAL, args.requests)
            for name, next_path in PAGES.items():
                results[name] += _measure(conn, next_path, args.requests)
        base = statistics.median(results["minimal"])
        print(
            f"\nOne gunicorn sync worker on CPU 0, one keep-alive client on CPU 1, {args.rounds} interleaved "
            f"rounds of {args.requests} requests, {args.scale} organisations, anonymous."
        )
        print(f"  {'page':36} {'median ms':>10} {'p95 ms':>8}   ratio to the minimal view")
        print(f"  {'minimal Django view':36} {base:10.1f} {_p95(results['minimal']):8.1f}   1.000")
        for name in PAGES:
            median = statistics.median(results[name])
            print(f"  {name:36} {median:10.1f} {_p95(results[name]):8.1f}   {base / median:.3f}")
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
