"""Benchmark: the information flow at scale: a network's news, a news item with many comments, the notification
list, the dashboard (latest news and the header's unread count) and the search over all kinds with the news in it.

Run with ``make bench-information`` (or ``.venv/bin/python tests/bench/information.py``). It fills a separate
database (``verkosto_bench_information``): ``seed_demo --scale 10000`` (the directory benchmark's 10,000
organisations with two people each, indexed), then ``--items`` (100,000) news items over the benchmark
coordinator's network and ``--networks`` (100) others, ``--share`` (40 %) of them in the coordinator's network
so that its news page is long, about ``--comments`` (3) comments per item on average (bulk inserts in batches),
one item of the coordinator's network with 2,000 comments, and ``--notifications`` (20,000) notifications for
the coordinator, half of them unread. The news are indexed for the search as the rebuild does; a few items carry
a rare word (*revontulihanke*), every item some common ones (*ohjauksen* in a quarter of them). Then the search
benchmark's records (``--records``: 20,000 each of goals, minutes, decisions and activities over 200 networks),
so that the search runs over every kind.

Then one gunicorn sync worker pinned to CPU 0 serves ``tests.bench.wsgi``; wrk (``-t1 -c4``, or
``--connections 1`` for a request's own latency; bounded
duration, loopback only) runs on CPU 1 (:func:`tests.bench.trust.measure`). Each page's requests/s is printed
next to a plain WSGI hello's from the same worker, in interleaved rounds, with the ratio and the p95 latency.
``--explain`` instead renders each page once in-process and prints the EXPLAIN (ANALYZE, BUFFERS) time of each
of its queries, and the plan of its slowest. Nothing here fails on a timing.
"""

import argparse
import datetime
import json
import os
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
BENCH_DB = "verkosto_bench_information"
os.environ.setdefault("BENCH_DATABASE_URL", f"postgresql:///{BENCH_DB}")

from tests.bench.pages import _env, _manage  # noqa: E402 - after the database is chosen
from tests.bench.search import FINNISH, PERSON, SWEDISH  # noqa: E402
from tests.bench.trust import _value, measure  # noqa: E402

MARK = "Uutistesti"  # the network-name prefix of the benchmark's own networks: filled once
RARE = "Revontulihanke"
BIG_COMMENTS = 2000
SEARCHES = {
    "search 'ohjauksen'": "q=ohjauksen",
    "search 'revontulihanke'": "q=revontulihanke",
    "search 'kaupungin'": "q=kaupungin",
    "search 'työryhmään'": "q=ty%C3%B6ryhm%C3%A4%C3%A4n",
    "search 'arbetsgruppen'": "q=arbetsgruppen",
    "search 'verkostokokos' (typo)": "q=verkostokokos",
    "search news 'ohjauksen'": "q=ohjauksen&kind=news",
    "search news, page 40": "q=ohjauksen&kind=news&page=40",
}


def _text(rng, phrases: int) -> str:
    return ". ".join(rng.sample(FINNISH, phrases)) + ". " + rng.choice(SWEDISH)


def _spread(count: int, *, step: datetime.timedelta):
    """``count`` moments going back from now, ``step`` apart (the newest first)."""
    now = datetime.datetime.now(datetime.UTC)
    return [now - step * n for n in range(count)]


def _news(rng, home, others, count: int, share: float, authors):
    """The news items, newest first: ``share`` of them in ``home``, three pinned there, the rest spread."""
    from networks.news.models import NewsItem

    moments = _spread(count, step=datetime.timedelta(minutes=10))
    items = []
    for n, moment in enumerate(moments):
        network = home if rng.random() < share else others[n % len(others)]
        title = rng.choice(FINNISH)
        if n % 20_000 == 7:
            title = f"{RARE}: {title}"
        items.append(
            NewsItem(
                network=network,
                title_fi=f"{title} {n}",
                body_fi=_text(rng, 4),
                title_sv=rng.choice(SWEDISH) if n % 5 == 0 else None,
                body_sv=_text(rng, 1) if n % 5 == 0 else None,
                author=rng.choice(authors),
                pinned=network is home and n in (100, 5000, 30_000),
                created_at=moment,
            )
        )
    return NewsItem.objects.bulk_create(items, batch_size=5000)


def _comments(rng, items, per_item: int, authors, big) -> int:
    from networks.news.models import NewsComment

    made = 0

    def rows():
        nonlocal made
        for item in items:
            many = BIG_COMMENTS if item.pk == big.pk else rng.randint(0, 2 * per_item)
            for k in range(many):
                made += 1
                yield NewsComment(
                    item=item,
                    author=rng.choice(authors),
                    text=f"{rng.choice(FINNISH)}. Kommentti {k}.",
                    created_at=item.created_at + datetime.timedelta(seconds=30 * (k + 1)),
                )

    batch = []
    for comment in rows():
        batch.append(comment)
        if len(batch) == 10_000:
            NewsComment.objects.bulk_create(batch)
            batch = []
    NewsComment.objects.bulk_create(batch)
    return made


def _notifications(rng, person, count: int) -> None:
    from portal.notifications.kinds import Kind
    from portal.notifications.models import Notification

    moments = _spread(count, step=datetime.timedelta(hours=1))
    Notification.objects.bulk_create(
        (
            Notification(
                user=person,
                kind=rng.choice(Kind.values),
                subject=f"{rng.choice(FINNISH)} ({n})",
                text=_text(rng, 2),
                url="/",
                created_at=moment,
                read_at=None if n % 2 == 0 else moment + datetime.timedelta(hours=1),
            )
            for n, moment in enumerate(moments)
        ),
        batch_size=5000,
    )


def fill(items: int, networks: int, share: int, comments: int, notifications: int) -> None:
    """The benchmark's networks, news, comments and notifications, the news indexed (run inside Django)."""
    import django

    django.setup()
    from django.db import connection, transaction

    from networks.memberships.models import Network, NetworkRole
    from networks.news.models import NewsComment, NewsItem
    from portal.accounts.models import User
    from portal.search import index
    from portal.search.models import SearchKind

    if Network.objects.filter(name__startswith=MARK).exists():
        return
    rng = random.Random(2026)
    person = User.objects.get(email=PERSON)
    home = NetworkRole.objects.filter(user=person).select_related("network").order_by("pk").first().network
    authors = [person, *User.objects.order_by("pk")[:200]]
    started = time.perf_counter()
    # created_at is set by auto_now_add: the benchmark spreads its rows over time instead.
    for model in (NewsItem, NewsComment):
        model._meta.get_field("created_at").auto_now_add = False
    with transaction.atomic():
        others = Network.objects.bulk_create(
            Network(name=f"{MARK} {n}", slug=f"uutistesti-{n}") for n in range(networks)
        )
        made = _news(rng, home, others, items, share / 100, authors)
        big = next(item for item in made[200:] if item.network_id == home.pk and not item.pinned)
        print(f"  {items} news items in {time.perf_counter() - started:.0f} s", flush=True)
        count = _comments(rng, made, comments, authors, big)
        print(f"  {count} comments, {time.perf_counter() - started:.0f} s", flush=True)
        _notifications(rng, person, notifications)
        print(f"  {notifications} notifications, {time.perf_counter() - started:.0f} s", flush=True)
        for documents in index.source(SearchKind.NEWS).documents():
            index.write(documents)
    print(f"  … and the news indexed, {time.perf_counter() - started:.0f} s in all", flush=True)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")


def pages() -> dict[str, str]:
    """The pages measured (run inside Django): name -> path."""
    import django

    django.setup()
    from django.db.models import Count

    from networks.memberships.models import NetworkRole
    from networks.news.models import NewsItem

    home = NetworkRole.objects.filter(user__email=PERSON).select_related("network").order_by("pk").first().network
    big = NewsItem.objects.filter(network=home).annotate(n=Count("comments")).filter(n__gte=BIG_COMMENTS)
    big = big.order_by().values_list("uuid", flat=True).first()
    return {
        "news page 1": f"/news/network/{home.slug}/",
        "news page 200": f"/news/network/{home.slug}/?page=200",
        "item, 2,000 comments": f"/news/{big}/",
        "item, comments page 40": f"/news/{big}/?page=40",
        "notifications page 1": "/notifications/",
        "notifications page 400": "/notifications/?page=400",
        "dashboard": "/",
        **{name: f"/search/?{params}" for name, params in SEARCHES.items()},
    }


def explain(paths: dict[str, str]) -> None:
    """Each page rendered once in-process: every query's EXPLAIN (ANALYZE, BUFFERS) time, and the slowest's plan."""
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from portal.accounts.models import User

    client = Client(headers={"host": "127.0.0.1"})
    client.force_login(User.objects.get(email=PERSON))
    for name, path in paths.items():
        client.get(path)  # warm
        with CaptureQueriesContext(connection) as captured:
            status = client.get(path).status_code
        timed = []
        with connection.cursor() as cursor:
            for query in captured.captured_queries:
                sql = query["sql"]
                if not sql.lstrip().upper().startswith(("SELECT", "WITH")):
                    continue
                cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}")
                plan = [row[0] for row in cursor.fetchall()]
                took = float(plan[-1].split(":")[1].split()[0])  # "Execution Time: 1.234 ms"
                timed.append((took, sql, plan))
        timed.sort(reverse=True, key=lambda entry: entry[0])
        total = sum(took for took, _sql, _plan in timed)
        print(f"\n=== {name} ({path}): HTTP {status}, {len(captured)} queries, {total:.1f} ms executing in all")
        for took, sql, _plan in timed[:4]:
            print(f"  {took:8.2f} ms  {' '.join(sql.split())[:150]}")
        if timed:
            print("  plan of the slowest:\n    " + "\n    ".join(timed[0][2]))


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
    numbers = f"{args.items},{args.networks},{args.share},{args.comments},{args.notifications}"
    subprocess.run([sys.executable, __file__, "--fill", numbers], cwd=ROOT, env=_env(), check=True)
    if args.records:  # the search benchmark's goals, minutes, decisions and activities, so search has every kind
        search_bench = str(ROOT / "tests/bench/search.py")
        fill = [sys.executable, search_bench, "--fill", f"{args.records},200"]
        subprocess.run(fill, cwd=ROOT, env=_env(), check=True)
    # after bulk writes and migrations that rewrite rows (every row's visibility-map bit is cleared until a vacuum,
    # so index-only counts read the heap: 44 ms instead of 4 for the news page's count), as autovacuum would
    subprocess.run(["psql", "-q", os.environ["BENCH_DATABASE_URL"], "-c", "VACUUM ANALYZE"], check=True)
    return _value(
        "from django.test import Client; from portal.accounts.models import User;"
        f"u = User.objects.get(email={PERSON!r}); c = Client(); c.force_login(u);"
        "print(c.cookies['sessionid'].value)"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=10_000, help="organisations (two people each)")
    parser.add_argument("--items", type=int, default=100_000, help="news items")
    parser.add_argument("--networks", type=int, default=100, help="networks besides the coordinator's")
    parser.add_argument("--share", type=int, default=40, help="per cent of the items in the coordinator's network")
    parser.add_argument("--comments", type=int, default=3, help="comments per item on average")
    parser.add_argument("--notifications", type=int, default=20_000, help="the coordinator's notifications")
    parser.add_argument(
        "--records", type=int, default=20_000, help="goals, minutes, decisions and activities, each (0: none)"
    )
    parser.add_argument("--seconds", type=int, default=10, help="wrk duration per measurement")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=4, help="wrk connections (1: a request's own latency)")
    parser.add_argument("--only", help="measure only the pages whose name contains this")
    parser.add_argument("--explain", action="store_true", help="print each page's query times and plans only")
    parser.add_argument("--fill", help=argparse.SUPPRESS)
    parser.add_argument("--explain-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.fill:
        fill(*(int(part) for part in args.fill.split(",")))
        return
    if args.explain_only:
        explain(pages())
        return
    if not args.explain and not shutil.which("wrk"):
        raise SystemExit("wrk is not installed: apt-get install wrk")
    cookie = _prepare(args)
    if args.explain:
        subprocess.run([sys.executable, __file__, "--explain-only"], cwd=ROOT, env=_env(), check=True)
        return
    paths = json.loads(_value("import json; from tests.bench.information import pages; print(json.dumps(pages()))"))
    what = (
        f"{args.scale} organisations, {args.items} news items ({args.share} % in the coordinator's network) "
        f"with ~{args.comments} comments each, {args.notifications} notifications"
    )
    if args.only:
        paths = {name: path for name, path in paths.items() if args.only in name}
    measure(paths, cookie=cookie, seconds=args.seconds, rounds=args.rounds, what=what, connections=args.connections)


if __name__ == "__main__":
    main()
