"""``manage.py send_digests``: the daily job that queues the digests due today (the daily digest of yesterday,
the weekly digest of last ISO week, the coordinators' to-do of this week) for the task worker.

Safe to run twice or on two hosts at once: each person's digest of a period is claimed by a unique row in the
transaction that marks its notifications digested (:mod:`portal.notifications.digests`).
"""

from django.core.management.base import BaseCommand
from django.utils import timezone

from portal.lib.reminders import parse_day
from portal.notifications import digests
from portal.notifications.tasks import send_digest_batch


class Command(BaseCommand):
    help = "Queue the daily and weekly notification digests and the coordinators' weekly to-do."

    def add_arguments(self, parser):
        parser.add_argument("--today", default=None, help="Run as if today were this date (YYYY-MM-DD).")

    def handle(self, *args, today=None, **options):
        day = parse_day(today) or timezone.localdate()
        counts = digests.schedule(today=day, enqueue=send_digest_batch.enqueue)
        summary = ", ".join(f"{period}: {count}" for period, count in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Digests queued for {day.isoformat()} ({summary} people)."))
