"""``manage.py meeting_reminders``: the daily job of meetings (reminders of meetings and action items)."""

import datetime

from django.core.management.base import BaseCommand, CommandError

from networks.meetings.reminders import meeting_reminders_run


def _date(value) -> datetime.date | None:
    if value is None or isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--today must be a date YYYY-MM-DD, not {value!r}") from None


class Command(BaseCommand):
    """Run once a day (cron or a systemd timer); safe to run twice or from two hosts at once."""

    help = (
        "E-mail the invitees of tomorrow's meetings (not those who replied no), and the owners of open action "
        "items due within a few days or already overdue; each reminder once. The task worker sends the e-mail."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Remind of action items this many days before they are due "
            "(default: settings.ACTION_ITEM_REMINDER_DAYS).",
        )
        parser.add_argument("--today", default=None, help="Run as if today were this date (YYYY-MM-DD).")

    def handle(self, *args, days=None, today=None, **options):
        if days is not None and not 0 <= days <= 365:
            raise CommandError("--days must be between 0 and 365.")
        run = meeting_reminders_run(today=_date(today), days=days)
        self.stdout.write(
            self.style.SUCCESS(
                f"Reminders: {run.meetings} meetings, {run.due} action items due, {run.overdue} overdue "
                f"({run.messages} e-mail messages queued)."
            )
        )
