"""What the daily jobs share (``manage.py agreement_reminders``, ``goal_endorsement_reminders``,
``meeting_reminders``): their options, their checks, and their one line of output.

Each job runs once a day from a scheduler (cron or a systemd timer) and is safe to run twice or on two hosts
at once: it claims each reminder by an UPDATE before queuing the e-mail, which the task worker sends.
"""

import datetime

from django.core.management.base import BaseCommand, CommandError


def parse_day(value) -> datetime.date | None:
    """``--today`` as a date (None: the real today)."""
    if value is None or isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--today must be a date YYYY-MM-DD, not {value!r}") from None


class DailyJobCommand(BaseCommand):
    """A daily job with ``--days N`` (how long before a date to remind; ``days_setting`` by default, at most
    ``max_days``) and ``--today YYYY-MM-DD`` (run as of another day). A subclass writes :meth:`run`, which
    does the work and returns the summary line printed."""

    days_setting = ""  # the setting that gives --days its default, named in the help
    days_before = "the date"  # what --days counts back from, for the help
    max_days = 365

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help=f"Remind this many days before {self.days_before} (default: settings.{self.days_setting}).",
        )
        parser.add_argument("--today", default=None, help="Run as if today were this date (YYYY-MM-DD).")

    def handle(self, *args, days=None, today=None, **options):
        if days is not None and not 0 <= days <= self.max_days:
            raise CommandError(f"--days must be between 0 and {self.max_days}.")
        self.stdout.write(self.style.SUCCESS(self.run(today=parse_day(today), days=days)))

    def run(self, *, today: datetime.date | None, days: int | None) -> str:
        raise NotImplementedError
