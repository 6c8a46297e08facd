"""Benchmark: the meeting page, the meeting list and the personal iCal feed at 2,000 meetings.

Run with ``make bench-meetings`` (or ``.venv/bin/python tests/bench/meetings.py --meetings 2000``).
It fills a separate database (``verkosto_bench_meetings``): ``seed_demo``, then the main network gets
meetings up to ``--meetings`` (5–8 agenda items each; four fifths in the past, most of those with
approved minutes, decisions and an action item; the demo counsellor invited to every one). One gunicorn
sync worker pinned to CPU 0 serves ``tests.bench.wsgi``; wrk (``-t1 -c4``, bounded duration, loopback
only) runs on CPU 1. Each page's requests/s is printed next to a plain WSGI hello's from the same worker,
in interleaved rounds, with the ratio. Nothing here fails on a timing: timings are noisy.
"""

import argparse
import datetime
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
BENCH_DB = "verkosto_bench_meetings"
os.environ.setdefault("BENCH_DATABASE_URL", f"postgresql:///{BENCH_DB}")

from tests.bench.pages import _env, _manage, measure  # noqa: E402 - after the database is chosen

PERSON = "ohjaaja@verkosto.example.fi"


def fill(total: int) -> None:
    """Give the main network ``total`` meetings (run inside Django, see ``--fill``)."""
    import django

    django.setup()
    from django.db import connection, transaction
    from django.utils import timezone

    from networks.meetings.minutes import render_minutes
    from networks.meetings.models import AgendaItem, Attendance, Invitee, Meeting, MeetingStatus
    from networks.memberships.models import Network, NetworkRole
    from portal.accounts.models import User

    network = Network.objects.get(slug="keski-suomi")
    missing = total - Meeting.objects.filter(network=network).count()
    if missing <= 0:
        return
    person = User.objects.get(email=PERSON)
    coordinator = NetworkRole.objects.filter(network=network, role="coordinator").first().user
    people = list(NetworkRole.objects.filter(network=network).values_list("user_id", flat=True)[:12])
    goal_ids = list(network.goals.values_list("pk", flat=True))
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    minutes_text = (
        "## Keskustelu\n\nKäytiin läpi tilanne ja sovittiin jatkosta.\n\n"
        "- ohjauksen saavutettavuus\n- yhteiset koulutukset\n\n**Päätös** kirjattiin alle."
    )
    minutes_html = str(render_minutes(minutes_text))
    with transaction.atomic():
        for batch_start in range(0, missing, 200):
            count = min(200, missing - batch_start)
            meetings = []
            for offset in range(batch_start, batch_start + count):
                # Four fifths in the past, spread a day apart backwards; the rest ahead.
                days = offset - int(missing * 0.8)
                start = now + datetime.timedelta(days=days, hours=1)
                past = days < 0
                status = MeetingStatus.PLANNED
                if past:
                    status = MeetingStatus.MINUTES_APPROVED if offset % 10 else MeetingStatus.HELD
                if offset % 37 == 0:
                    status = MeetingStatus.CANCELLED
                meetings.append(
                    Meeting(
                        network=network,
                        title=f"Verkostotapaaminen {offset + 1}",
                        starts_at=start,
                        ends_at=start + datetime.timedelta(hours=2),
                        place="Jyväskylän pääkirjasto",
                        organiser=coordinator,
                        chair=coordinator,
                        status=status,
                        cancel_reason="Peruttu" if status == MeetingStatus.CANCELLED else "",
                    )
                )
            meetings = Meeting.objects.bulk_create(meetings)
            items, invitees, attendances = [], [], []
            for meeting in meetings:
                took_place = meeting.status in (MeetingStatus.HELD, MeetingStatus.MINUTES_APPROVED)
                for position in range(5 + meeting.pk % 4):
                    items.append(
                        AgendaItem(
                            meeting=meeting,
                            position=position,
                            title=f"Asiakohta {position + 1}",
                            planned_minutes=15,
                            presenter_id=coordinator.pk,
                            goal_id=goal_ids[position % len(goal_ids)] if goal_ids and position % 3 == 0 else None,
                            minutes=minutes_text if took_place else "",
                            minutes_html=minutes_html if took_place else "",
                        )
                    )
                for user_id in {person.pk, *people}:
                    invitees.append(Invitee(meeting=meeting, user_id=user_id, reply="yes" if took_place else ""))
                    if took_place:
                        attendances.append(Attendance(meeting=meeting, user_id=user_id))
            items = AgendaItem.objects.bulk_create(items)
            Invitee.objects.bulk_create(invitees)
            Attendance.objects.bulk_create(attendances)
            _records(network, items, {meeting.pk: meeting for meeting in meetings}, person)
    with connection.cursor() as cursor:
        # Fresh statistics after the bulk load, as autovacuum would have them in production.
        cursor.execute("ANALYZE")


def _records(network, items, by_meeting, person) -> None:
    """A decision on every other minuted item, an action item on the second (two in three done)."""
    from django.utils import timezone

    from networks.meetings.models import ActionItem, Decision

    decisions, actions = [], []
    for item in items:
        meeting = by_meeting[item.meeting_id]
        if not item.minutes:
            continue
        if item.position % 2 == 0:
            decisions.append(
                Decision(
                    network=network,
                    meeting=meeting,
                    item=item,
                    text="Päätettiin jatkaa yhteistä kehittämistä.",
                    goal_id=item.goal_id,
                    decided_on=timezone.localdate(meeting.starts_at),
                )
            )
        if item.position == 1:
            actions.append(
                ActionItem(
                    network=network,
                    meeting=meeting,
                    item=item,
                    what="Valmistella ehdotus seuraavaan tapaamiseen",
                    owner=person,
                    due_on=timezone.localdate(meeting.starts_at) + datetime.timedelta(days=14),
                    status="done" if meeting.pk % 3 else "open",
                )
            )
    Decision.objects.bulk_create(decisions)
    ActionItem.objects.bulk_create(actions)


def _setup_value(code: str) -> str:
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup();" + code],
        cwd=ROOT,
        env=_env(),
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()


def _prepare(total: int) -> dict:
    subprocess.run(["createdb", BENCH_DB], capture_output=True, check=False)
    _manage("migrate", "--noinput", "-v0")
    _manage("createcachetable")
    _manage("collectstatic", "--noinput", "-v0")
    if _setup_value("from partners.directory.models import Organisation;print(Organisation.objects.count())") == "0":
        _manage("seed_demo")
    subprocess.run([sys.executable, __file__, "--fill", str(total)], cwd=ROOT, env=_env(), check=True)
    return {
        "sessionid": _setup_value(
            "from django.test import Client; from portal.accounts.models import User;"
            f"u = User.objects.get(email={PERSON!r}); c = Client(); c.force_login(u);"
            "print(c.cookies['sessionid'].value)"
        ),
        "meeting": _setup_value(
            "from networks.meetings.models import Meeting;"
            "print(Meeting.objects.filter(network__slug='keski-suomi', status='minutes_approved')"
            ".order_by('-starts_at').values_list('pk', flat=True)[0])"
        ),
        "token": _setup_value(
            "from networks.meetings.models import CalendarFeed; from portal.accounts.models import User;"
            f"print(CalendarFeed.objects.get_or_create(user=User.objects.get(email={PERSON!r}))[0].token)"
        ),
        **dict(
            zip(
                ("feed_events", "feed_ms"),
                _setup_value(
                    "import time; from networks.meetings import feeds; from networks.meetings.ics import feed_ics;"
                    f"from portal.accounts.models import User; u = User.objects.get(email={PERSON!r});"
                    "m = list(feeds.personal_feed_meetings(u)); t = time.perf_counter();"
                    "feed_ics(m, name='x'); print(len(m), round((time.perf_counter() - t) * 1000))"
                ).split(),
                strict=True,
            )
        ),
        "meetings": _setup_value(
            "from networks.meetings.models import Meeting;"
            "print(Meeting.objects.filter(network__slug='keski-suomi').count())"
        ),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meetings", type=int, default=2000, help="meetings of the main network")
    parser.add_argument("--seconds", type=int, default=10, help="wrk duration per measurement")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--fill", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.fill:
        fill(args.fill)
        return
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed: apt-get install wrk")

    data = _prepare(args.meetings)
    pages = {
        "meeting page": f"/meetings/{data['meeting']}/",
        "meeting list": "/meetings/network/keski-suomi/",
        # A calendar program asking again: the feed comes from the cache (see networks.meetings.feeds).
        "personal iCal feed": f"/meetings/feed/{data['token']}.ics",
    }
    what = f"{data['meetings']} meetings in the network"
    measure(pages, cookie=data["sessionid"], seconds=args.seconds, rounds=args.rounds, what=what, decimals=1)
    print(f"  writing the personal feed once, uncached ({data['feed_events']} events): {data['feed_ms']} ms")


if __name__ == "__main__":
    main()
