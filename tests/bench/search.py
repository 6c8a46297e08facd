"""Benchmark: the search over everything a person may see, at the directory benchmark's scale, with shared
goals, meeting decisions, minutes and joint activities in volume.

Run with ``make bench-search`` (or ``.venv/bin/python tests/bench/search.py``). It fills a separate database
(``verkosto_bench_search``): ``seed_demo --scale 10000`` (the directory benchmark's 10,000 organisations with
two people each, indexed), then ``--records`` (20,000) goals, meetings with approved minutes (two agenda items
with minutes each), decisions and joint activities, spread over the main network and ``--networks`` (200)
others: one in ten in the main network, which the benchmark's coordinator sees, the rest in networks they do
not see, so that every search also has to leave most matches out. The new rows are indexed as the rebuild does.
Their texts are drawn from twelve Finnish and four Swedish phrases, so every word searched occurs in a quarter
or more of the records: the worst case, a word everyone uses (*ohjaus* in a guidance network), for every search.

Then one gunicorn sync worker pinned to CPU 0 serves ``tests.bench.wsgi``; wrk (``-t1 -c4``, bounded
duration, loopback only) runs on CPU 1. Each search's requests/s is printed next to a plain WSGI hello's from
the same worker, in interleaved rounds, with the ratio and the p95 latency (the target: under 100 ms).
``--explain`` prints the plan (EXPLAIN ANALYZE) of each search's query instead. Nothing here fails on a timing.
"""

import argparse
import datetime
import os
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
BENCH_DB = "verkosto_bench_search"
os.environ.setdefault("BENCH_DATABASE_URL", f"postgresql:///{BENCH_DB}")

from tests.bench.pages import _env, _manage  # noqa: E402 - after the database is chosen
from tests.bench.trust import _value, measure  # noqa: E402

PERSON = "ohjaaja@verkosto.example.fi"
MARK = "Hakutesti"  # the title prefix of the benchmark's own records: filled once
SEARCHES = {
    "'ohjauksen' (all kinds)": "q=ohjauksen",
    "'työryhmään' (inflected)": "q=ty%C3%B6ryhm%C3%A4%C3%A4n",
    "'arbetsgruppen' (Swedish)": "q=arbetsgruppen",
    "'kaupungin' (directory)": "q=kaupungin",
    "'hyvinvointia', minutes": "q=hyvinvointia&kind=minutes",
    "'ohjaus', goals, page 5": "q=ohjaus&kind=goal&page=5",
    "'verkostokokos' (typo)": "q=verkostokokos",
}
FINNISH = [
    "Ohjauksen saavutettavuus paranee kaikissa kunnissa",
    "Aikuisten neuvontaa kehitetään yhdessä",
    "Työryhmä valmistelee esityksen seuraavaan kokoukseen",
    "Opiskelijoiden hyvinvointi ja jaksaminen",
    "Kaupungin kirjasto tarjoaa digitukea",
    "Etäohjaus ja chat-palvelut laajenevat",
    "Maahanmuuttajien koulutuspolut selkeytyvät",
    "Yhteistyötä työllisyyspalvelujen kanssa tiivistetään",
    "Rekrytointi ja osaamisen kehittäminen",
    "Uraohjauksen laatukriteerit otetaan käyttöön",
    "Verkoston viestintä ja uutiskirje",
    "Palautteen kerääminen asiakkailta",
]
SWEDISH = [
    "Vägledningen för vuxna utvecklas.",
    "En arbetsgrupp tillsätts.",
    "Distansvägledning erbjuds i hela regionen.",
    "Rekrytering och kompetens diskuterades.",
]


def _text(rng, phrases: int) -> str:
    return ". ".join(rng.sample(FINNISH, phrases)) + ". " + rng.choice(SWEDISH)


def fill(count: int, networks: int) -> None:
    """The benchmark's goals, meetings with minutes, decisions and activities, indexed (run inside Django)."""
    import django

    django.setup()
    from django.db import connection, transaction

    from networks.goals.models import Goal
    from networks.meetings.models import AgendaItem, AgendaItemStatus, Decision, Meeting
    from networks.memberships.models import Network, NetworkRole
    from networks.trust.models import Activity
    from portal.search import index
    from portal.search.models import SearchKind

    if Goal.objects.filter(title__startswith=MARK).exists():
        return
    rng = random.Random(2026)
    home = NetworkRole.objects.filter(user__email=PERSON).select_related("network").first().network
    started = time.perf_counter()
    with transaction.atomic():
        others = Network.objects.bulk_create(
            Network(name=f"Hakuverkosto {n}", slug=f"hakuverkosto-{n}") for n in range(networks)
        )
        where = [home if n % 10 == 0 else others[n % networks] for n in range(count)]
        Goal.objects.bulk_create(
            (
                Goal(
                    network=network,
                    title=f"{MARK}: {rng.choice(FINNISH)} {n}",
                    description=_text(rng, 3),
                    period_start=datetime.date(2026, 1, 1),
                    period_end=datetime.date(2027, 12, 31),
                    quality_area=rng.choice(Goal.Area.values),
                    status=rng.choice(Goal.Status.values[:5]),
                )
                for n, network in enumerate(where)
            ),
            batch_size=2000,
        )
        first = datetime.datetime(2020, 1, 1, 13, tzinfo=datetime.UTC)
        meetings = Meeting.objects.bulk_create(
            (
                Meeting(
                    network=network,
                    title=f"Verkostokokous {n}",
                    starts_at=first + datetime.timedelta(days=n % 2500),
                    ends_at=first + datetime.timedelta(days=n % 2500, hours=2),
                    status=Meeting.Status.MINUTES_APPROVED,
                )
                for n, network in enumerate(where)
            ),
            batch_size=2000,
        )
        items = AgendaItem.objects.bulk_create(
            (
                AgendaItem(
                    meeting=meeting,
                    position=position,
                    title=rng.choice(FINNISH),
                    minutes=_text(rng, 4),
                    status=AgendaItemStatus.ACCEPTED,
                )
                for meeting in meetings
                for position in range(2)
            ),
            batch_size=4000,
        )
        Decision.objects.bulk_create(
            (
                Decision(
                    network_id=meeting.network_id,
                    meeting=meeting,
                    item=item,
                    text=f"Päätettiin: {_text(rng, 2)}",
                    decided_on=meeting.starts_at.date(),
                )
                for meeting, item in zip(meetings, items[::2], strict=True)
            ),
            batch_size=2000,
        )
        Activity.objects.bulk_create(
            (
                Activity(
                    network=network,
                    kind=rng.choice(Activity.Kind.values),
                    title=f"{MARK}: {rng.choice(FINNISH)} {n}",
                    description=_text(rng, 3),
                    starts_on=datetime.date(2020, 1, 1) + datetime.timedelta(days=n % 2500),
                    hours=3,
                )
                for n, network in enumerate(where)
            ),
            batch_size=2000,
        )
        print(f"  {count} of each kind created in {time.perf_counter() - started:.0f} s", flush=True)
        for kind in (SearchKind.GOAL, SearchKind.DECISION, SearchKind.MINUTES, SearchKind.ACTIVITY):
            for documents in index.source(kind).documents():
                index.write(documents)
    print(f"  … and indexed, {time.perf_counter() - started:.0f} s in all", flush=True)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def explain() -> None:
    """The plan of each search's query for the benchmark's coordinator (run inside Django)."""
    import django

    django.setup()
    from urllib.parse import parse_qs

    from django.db import connection

    from portal.accounts.models import User
    from portal.search import query

    person = User.objects.get(email=PERSON)
    for name, params in SEARCHES.items():
        values = {key: value[0] for key, value in parse_qs(params).items()}
        parsed = query.parse(values["q"])
        if "kind" in values:
            sql, sql_params = query.of_kind_sql(person, parsed, values["kind"])
        else:
            alike_names = not query.grouped_rows(person, parsed)
            sql, sql_params = query.grouped_sql(person, parsed, alike_names=alike_names)
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}", sql_params)
            plan = "\n".join(row[0] for row in cursor.fetchall())
        print(f"\n=== {name}\n{plan}")


def _prepare(args) -> str:
    subprocess.run(["createdb", BENCH_DB], capture_output=True, check=False)
    _manage("migrate", "--noinput", "-v0")
    _manage("createcachetable")
    _manage("collectstatic", "--noinput", "-v0")
    organisations = int(
        _value("from partners.directory.models import Organisation;print(Organisation.objects.count())")
    )
    if organisations < args.scale:
        _manage("seed_demo", "--scale", str(args.scale - organisations) if organisations else str(args.scale))
    subprocess.run(
        [sys.executable, __file__, "--fill", f"{args.records},{args.networks}"], cwd=ROOT, env=_env(), check=True
    )
    return _value(
        "from django.test import Client; from portal.accounts.models import User;"
        f"u = User.objects.get(email={PERSON!r}); c = Client(); c.force_login(u);"
        "print(c.cookies['sessionid'].value)"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=10_000, help="organisations (two people each)")
    parser.add_argument("--records", type=int, default=20_000, help="goals, minutes, decisions and activities, each")
    parser.add_argument("--networks", type=int, default=200, help="networks the records are spread over")
    parser.add_argument("--seconds", type=int, default=10, help="wrk duration per measurement")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--explain", action="store_true", help="print each search's query plan, measure nothing")
    parser.add_argument("--fill", help=argparse.SUPPRESS)
    parser.add_argument("--explain-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.fill:
        fill(*(int(part) for part in args.fill.split(",")))
        return
    if args.explain_only:
        explain()
        return
    if not args.explain and not shutil.which("wrk"):
        raise SystemExit("wrk is not installed: apt-get install wrk")
    cookie = _prepare(args)
    if args.explain:
        subprocess.run([sys.executable, __file__, "--explain-only"], cwd=ROOT, env=_env(), check=True)
        return
    pages = {name: f"/search/?{params}" for name, params in SEARCHES.items()}
    what = (
        f"{args.scale} organisations, {args.records} each of goals, minutes, decisions and activities "
        f"over {args.networks + 1} networks"
    )
    measure(pages, cookie=cookie, seconds=args.seconds, rounds=args.rounds, what=what)


if __name__ == "__main__":
    main()
