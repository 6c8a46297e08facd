"""Benchmark: closing a large trust survey, and the results pages, the network map and the survey form of a
network of 300 member organisations.

Run with ``make bench-trust`` (or ``.venv/bin/python tests/bench/trust.py``). It fills a separate database
(``verkosto_bench_trust``): ``seed_demo``, then a network of ``--organisations`` (300) member organisations
that answered ``--rounds-closed`` (8) trust surveys, each respondent rating about ``--rated`` (60) others,
beside 100 other small networks with a closed survey each. Closing the last survey is timed in-process
(``round_close``: the metrics of ~18,000 ratings and one bulk insert; it should stay well under 30 s).

Then one gunicorn sync worker pinned to CPU 0 serves ``tests.bench.wsgi``; wrk (``-t1 -c4``, bounded
duration, loopback only) runs on CPU 1. Each page's requests/s is printed next to a plain WSGI hello's from
the same worker, in interleaved rounds, with the ratio and the p95 latency. Nothing here fails on a timing.
"""

import argparse
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
BENCH_DB = "verkosto_bench_trust"
os.environ.setdefault("BENCH_DATABASE_URL", f"postgresql:///{BENCH_DB}")

from tests.bench.pages import _env, _free_port, _manage  # noqa: E402 - after the database is chosen

PERSON = "ohjaaja@verkosto.example.fi"
SLUG = "luottamus-bench"
P95_SCRIPT = (
    'done = function(summary, latency, requests)\n  io.write(string.format("P95 %d\\n", latency:percentile(95)))\nend\n'
)


def closed_round(network, orgs, *, rated: int, number: int, rng):
    """A round of ``network`` asking ``orgs``, nine in ten of them submitted, each rating ``rated`` others
    (bulk inserts; still open: the caller closes it)."""
    from django.utils import timezone

    from networks.trust.models import SurveyResponse, SurveyRound, TrustRating

    round_ = SurveyRound.objects.create(
        network=network,
        title=f"Luottamuskysely {number + 1}",
        period_start=timezone.localdate().replace(month=1, day=1),
        period_end=timezone.localdate().replace(month=12, day=31),
        deadline=timezone.localdate(),
    )
    round_.organisations.set(orgs)
    now = timezone.now()
    answering = [org for org in orgs if rng.random() < 0.9]
    responses = SurveyResponse.objects.bulk_create(
        SurveyResponse(round=round_, organisation=org, submitted_at=now) for org in answering
    )
    ratings = []
    for response in responses:
        others = [org for org in orgs if org.pk != response.organisation_id]
        for about in rng.sample(others, min(rated, len(others))):
            relationship = rng.choice((0, 1, 2, 2, 3, 4))
            scores = [rng.randint(1, 4) if relationship >= 2 else None for _ in range(6)]
            names = ("reliability", "openness", "mission_support", "influence", "involvement", "resources")
            ratings.append(
                TrustRating(
                    response=response,
                    about=about,
                    relationship=relationship,
                    comment="Hyvä yhteistyökumppani." if relationship >= 2 and rng.random() < 0.1 else "",
                    **dict(zip(names, scores, strict=True)),
                )
            )
    TrustRating.objects.bulk_create(ratings, batch_size=5000)
    return round_


def open_round(network, orgs):
    from django.utils import timezone

    from networks.trust.models import SurveyRound

    round_ = SurveyRound.objects.create(
        network=network,
        title="Avoin luottamuskysely",
        period_start=timezone.localdate().replace(month=1, day=1),
        period_end=timezone.localdate().replace(month=12, day=31),
        deadline=timezone.localdate(),
    )
    round_.organisations.set(orgs)


def _small_networks(count: int) -> None:
    from networks.memberships.models import Membership, Network
    from networks.trust.results import round_close
    from partners.directory.models import Organisation

    for number in range(count):
        network = Network.objects.create(name=f"Pieni verkosto {number}", slug=f"pieni-{number}")
        orgs = Organisation.objects.bulk_create(
            Organisation(name=f"Pieni {number}-{k}", slug=f"pieni-{number}-{k}") for k in range(5)
        )
        Membership.objects.bulk_create(Membership(network=network, organisation=o, status="active") for o in orgs)
        round_close(round_=closed_round(network, orgs, rated=4, number=0, rng=random.Random(number)))


def fill(organisations: int, rounds: int, rated: int) -> None:
    """The bench network, its closed rounds and the small networks (run inside Django, see ``--fill``)."""
    import django

    django.setup()
    from django.db import connection, transaction

    from networks.memberships.models import Membership, Network, NetworkRole
    from networks.trust.results import round_close
    from partners.directory.models import Organisation
    from portal.accounts.models import User

    if Network.objects.filter(slug=SLUG).exists():
        _close_again(rated)
        return
    person = User.objects.get(email=PERSON)
    rng = random.Random(300)
    with transaction.atomic():
        # No MFA requirement: the benchmark's coordinator signs in with a session cookie only.
        network = Network.objects.create(
            name="Luottamusverkosto (bench)", slug=SLUG, require_mfa_for_coordinators=False
        )
        NetworkRole.objects.create(network=network, user=person, role="coordinator")
        orgs = Organisation.objects.bulk_create(
            Organisation(name=f"Jäsen {n:03d}", slug=f"luottamus-{n:03d}") for n in range(organisations)
        )
        Membership.objects.bulk_create(
            Membership(network=network, organisation=o, status="active", representative=person if i == 0 else None)
            for i, o in enumerate(orgs)
        )
        _small_networks(100)
    timings = []
    for number in range(rounds):
        with transaction.atomic():
            round_ = closed_round(network, orgs, rated=rated, number=number, rng=rng)
        started = time.perf_counter()
        round_close(round_=round_)
        timings.append(time.perf_counter() - started)
        print(f"  closing round {number + 1} of {rounds}: {timings[-1]:.2f} s", flush=True)
    open_round(network, orgs)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(f"CLOSE_SECONDS {timings[-1]:.2f} {max(timings):.2f}")


def _close_again(rated: int) -> None:
    """A filled database: time closing one more round of the bench network (its open round is cancelled while
    the new one is answered, then opened again)."""
    from django.db import transaction

    from networks.memberships.models import Network
    from networks.trust.models import SurveyRound
    from networks.trust.results import round_close

    network = Network.objects.get(slug=SLUG)
    orgs = [m.organisation for m in network.memberships.select_related("organisation").order_by("pk")]
    SurveyRound.objects.filter(network=network, status="open").update(status="cancelled")
    number = SurveyRound.objects.filter(network=network).count()
    with transaction.atomic():
        round_ = closed_round(network, orgs, rated=rated, number=number, rng=random.Random(number))
    started = time.perf_counter()
    round_close(round_=round_)
    seconds = time.perf_counter() - started
    open_round(network, orgs)
    print(f"CLOSE_SECONDS {seconds:.2f} {seconds:.2f}")


def _value(code: str) -> str:
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup();" + code],
        cwd=ROOT,
        env=_env(),
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()


def _prepare(args) -> dict:
    subprocess.run(["createdb", BENCH_DB], capture_output=True, check=False)
    _manage("migrate", "--noinput", "-v0")
    _manage("createcachetable")
    _manage("collectstatic", "--noinput", "-v0")
    if _value("from partners.directory.models import Organisation;print(Organisation.objects.count())") == "0":
        _manage("seed_demo")
    filled = subprocess.run(
        [sys.executable, __file__, "--fill", f"{args.organisations},{args.rounds_closed},{args.rated}"],
        cwd=ROOT,
        env=_env(),
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    print(filled, end="")
    close = re.search(r"CLOSE_SECONDS ([\d.]+) ([\d.]+)", filled)
    latest = (
        "from networks.trust.models import SurveyRound;"
        f"r = SurveyRound.objects.filter(network__slug={SLUG!r}, status='closed').order_by('-closed_at').first();"
    )
    return {
        "close": close.groups() if close else None,
        "sessionid": _value(
            "from django.test import Client; from portal.accounts.models import User;"
            f"u = User.objects.get(email={PERSON!r}); c = Client(); c.force_login(u);"
            "print(c.cookies['sessionid'].value)"
        ),
        "round": _value(latest + "print(r.pk)"),
        "open_round": _value(
            f"from networks.trust.models import SurveyRound;print(SurveyRound.objects.get(network__slug={SLUG!r},"
            " status='open').pk)"
        ),
    }


def _wrk(url: str, cookie: str, seconds: int, script: str, connections: int = 4) -> tuple[float, float]:
    cmd = ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "-s", script, "-H", f"Cookie: sessionid={cookie}", url]
    if shutil.which("taskset"):
        cmd = ["taskset", "-c", "1", *cmd]
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=seconds + 30, check=True).stdout
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if errors:
        raise SystemExit(f"{url}: {errors.group(1)} error responses\n{out}")
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    return rps, int(re.search(r"P95 (\d+)", out).group(1)) / 1000


def _check(port: int, path: str, cookie: str, name: str) -> None:
    """Each page must answer 200 itself (wrk counts a redirect to the sign-in or MFA page as a success)."""
    import http.client

    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    connection.request("GET", path, headers={"Cookie": f"sessionid={cookie}", "Host": "127.0.0.1"})
    status = connection.getresponse().status
    connection.close()
    if status != 200:
        raise SystemExit(f"{name} ({path}) answered {status}, not 200: nothing measured")


def measure(pages: dict, *, cookie: str, seconds: int, rounds: int, what: str, connections: int = 4) -> None:
    """Like :func:`tests.bench.pages.measure`, with each page's p95 latency (wrk's Lua ``done`` hook). With one
    connection the p95 is a request's own time; with four on the one sync worker, about four times it (queueing)."""
    port = _free_port()
    gunicorn = [str(ROOT / ".venv/bin/gunicorn"), "tests.bench.wsgi:application", "-w", "1", "-k", "sync"]
    gunicorn += ["-b", f"127.0.0.1:{port}", "--access-logfile", "-", "--log-level", "warning", "--timeout", "120"]
    if shutil.which("taskset"):
        gunicorn = ["taskset", "-c", "0", *gunicorn]
    server = subprocess.Popen(gunicorn, cwd=ROOT, env=_env(), stdout=subprocess.DEVNULL)
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as lua:
        lua.write(P95_SCRIPT)
    try:
        import socket

        base = f"http://127.0.0.1:{port}"
        for _ in range(50):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.2)
        for name, path in pages.items():
            _check(port, path, cookie, name)
        results = {name: [] for name in ["hello", *pages]}
        for _ in range(rounds):
            results["hello"].append(_wrk(base + "/__hello__", cookie, seconds, lua.name, connections))
            for name, path in pages.items():
                results[name].append(_wrk(base + path, cookie, seconds, lua.name, connections))
        hello = sorted(rps for rps, _p95 in results["hello"])[rounds // 2]
        print(
            f"\nOne gunicorn sync worker on CPU 0, wrk -t1 -c{connections} -d{seconds}s on CPU 1, {rounds} rounds, "
            f"{what}:"
        )
        print(f"  {'page':32} {'req/s':>9}   {'ratio':>7}   {'p95 ms':>7}")
        for name in ["hello", *pages]:
            median = sorted(rps for rps, _p95 in results[name])[rounds // 2]
            p95 = sorted(p95 for _rps, p95 in results[name])[rounds // 2]
            print(f"  {name:32} {median:9.1f}   {median / hello:7.4f}   {p95:7.1f}")
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
        os.unlink(lua.name)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--organisations", type=int, default=300)
    parser.add_argument("--rounds-closed", type=int, default=8)
    parser.add_argument("--rated", type=int, default=60, help="organisations each respondent rates")
    parser.add_argument("--seconds", type=int, default=10, help="wrk duration per measurement")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--fill", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.fill:
        fill(*(int(part) for part in args.fill.split(",")))
        return
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed: apt-get install wrk")
    data = _prepare(args)
    if data["close"]:
        print(f"Closing the latest round: {data['close'][0]} s (slowest of this run: {data['close'][1]} s)")
    else:
        print("Closing was not timed.")
    pages = {
        "results page": f"/trust/surveys/{data['round']}/results/",
        "pairs page (page 1)": f"/trust/surveys/{data['round']}/results/pairs/",
        "pairs page (page 100)": f"/trust/surveys/{data['round']}/results/pairs/?page=100",
        "network map": f"/trust/network/{SLUG}/map/",
        "survey form": f"/trust/surveys/{data['open_round']}/answer/",
    }
    what = f"{args.organisations} organisations, {args.rounds_closed} closed rounds, {args.rated} rated each"
    measure(pages, cookie=data["sessionid"], seconds=args.seconds, rounds=args.rounds, what=what)


if __name__ == "__main__":
    main()
