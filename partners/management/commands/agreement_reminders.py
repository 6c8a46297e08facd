"""``manage.py agreement_reminders``: the daily agreement job (statuses, expiry and review reminders)."""

import datetime

from django.core.management.base import BaseCommand, CommandError

from partners.agreements.reminders import agreement_reminders_run


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
        "Move agreements in force to expiring or expired by their dates, and e-mail the coordinators and the "
        "parties' representatives once before an agreement ends and once on its review date. "
        "The task worker sends the e-mail."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Remind this many days before the end date (default: settings.AGREEMENT_EXPIRY_REMINDER_DAYS).",
        )
        parser.add_argument("--today", default=None, help="Run as if today were this date (YYYY-MM-DD).")

    def handle(self, *args, days=None, today=None, **options):
        if days is not None and not 0 <= days <= 3650:
            raise CommandError("--days must be between 0 and 3650.")
        run = agreement_reminders_run(today=_date(today), days=days)
        moved = ", ".join(f"{count} {status}" for status, count in run.statuses.items())
        self.stdout.write(
            self.style.SUCCESS(
                f"Statuses changed: {moved}. Reminders: {run.expiry_reminders} of ending, "
                f"{run.review_reminders} of review ({run.messages} e-mail messages queued)."
            )
        )
